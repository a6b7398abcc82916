/**
 * Generates the labelled evaluation set for `repeated-caption` and
 * `duplicate-paragraph` from the clean seeds 002–004: clean synthetic
 * documents (headline, byline, body paragraphs, captions that occur once,
 * and look-alike negatives: numbered titles, captions one ordinary character
 * apart, a paragraph that opens like another) in three layouts (blank lines,
 * one paragraph a line, print style with indents and glued captions), and
 * damaged copies of them: caption runs and blocks, scattered repeats,
 * spacing/punctuation/width variants, one-character OCR variants, exact,
 * re-punctuated, truncated (either end), quoted (middle) and OCR-damaged
 * paragraph copies. Deterministic (seeded PRNG).
 *
 *   npx tsx scripts/make-repetition-fixtures.ts
 *
 * Writes fixtures/clean/rep-*.txt, fixtures/<rule>/syn-*.{txt,expected.json}
 * and, for cases whose fix must restore the clean text, *.fixed.txt; every
 * fifth case goes under holdout/.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseText } from "../src/language/parse.js";
import { comparisonKey } from "../src/linguistics/normalize.js";
import { packageRoot } from "../src/package-root.js";
import { mulberry32 } from "./prng.js";

let rand = mulberry32(20261122);
/** Runs `fn` on its own random stream, leaving the main stream where it was. */
function withSeed<T>(seed: number, fn: () => T): T {
	const saved = rand;
	rand = mulberry32(seed);
	try {
		return fn();
	} finally {
		rand = saved;
	}
}
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
function shuffle<T>(xs: T[]): T[] {
	for (let i = xs.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[xs[i], xs[j]] = [xs[j], xs[i]];
	}
	return xs;
}

// ---- Material from the clean seeds -------------------------------------------------------------
const EDGE = /^[\s\u3000]+|[\s\u3000]+$/gu;
const seedDir = join(packageRoot, "seeds");
const bodies: string[] = [];
const shortLines: string[] = [];
for (const f of readdirSync(seedDir).filter((n) => /^00[234]_/u.test(n)).sort()) {
	for (const p of parseText(readFileSync(join(seedDir, f), "utf8")).children) {
		const text = p.children.map((l) => l.value.replace(EDGE, "")).join("");
		if (!text) continue;
		if (text.length >= 80 && text.length <= 900) bodies.push(text);
		else if (text.length >= 6 && text.length <= 30 && !/[。！？]$/u.test(text)) shortLines.push(text);
	}
}

// ---- Synthetic captions, credits and bylines (each used once per clean document) --------------
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉晨宇轩浩然思雨欣怡子涵梓博文昊天佳琪诗涵俊杰海波立京建国志远晓东红梅";
const ORGS = ["人民日报社", "新华社", "中央广播电视总台", "湖北广播电视台", "荆州市融媒体中心", "中国记协", "重庆日报报业集团", "浙江日报报业集团", "南方报业传媒集团", "大众日报社"];
const TITLES = ["副总编辑", "党委书记", "总编辑", "副社长", "主任", "台长", "社长", "总经理", "副主任", "首席记者"];
const EVENTS = ["论坛", "开幕式", "分享会", "座谈会", "发布会", "启动仪式", "研讨会", "大会"];
const PLACES = ["荆州古城", "长江大桥", "楚文化数字产业园", "乌镇互联网之光博览中心", "洞庭湖畔", "马栏山视频文创园", "黄鹤楼景区", "三峡大坝", "湘江新区", "光谷科技园"];
const SCENES = ["游客在参观", "工作人员调试设备", "记者在现场采访", "市民体验数字产品", "嘉宾参观展览", "志愿者提供服务", "技术人员巡检线路"];
const person = () => pick([...SURNAMES]) + pick([...GIVEN]) + (rand() < 0.6 ? pick([...GIVEN]) : "");
const CAPTION_MAKERS: Array<() => string> = [
	() => `${pick(ORGS)}${pick(TITLES)}${person()}在${pick(EVENTS)}上发言。`,
	() => `图为${pick(PLACES)}，${pick(SCENES)}。`,
	() => `${pick(PLACES)}一角。${person()}摄`,
	() => `本报记者 ${person()}摄`,
	() => `新华社记者 ${person()} 摄`,
	() => `（${pick(ORGS)}供图）`,
	() => `${pick(ORGS)}、${pick(ORGS)}联合发布`,
	() => `${pick(SCENES)}。本报记者 ${person()}摄`,
	() => `${pick(ORGS)}${pick(TITLES)}${person()}致辞。`,
];

function makeCaptions(n: number): string[] {
	const out: string[] = [];
	const keys = new Set<string>();
	while (out.length < n) {
		const c = pick(CAPTION_MAKERS)();
		const k = comparisonKey(c);
		if (keys.has(k)) continue;
		keys.add(k);
		out.push(c);
	}
	return out;
}

// ---- Clean documents ------------------------------------------------------------------------------
/** Blank lines between paragraphs; one paragraph a line; or print style: indented paragraphs, an indented blank line now and then. */
type Mode = "blank" | "line" | "indent";
interface Doc {
	mode: Mode;
	units: string[];
	/** What follows each unit: a line break, a blank line. */
	seps: string[];
	/** Indices of caption units (each occurs once). */
	captions: number[];
	/** Indices of body paragraphs. */
	body: number[];
}

/** The sentence end (else clause end) nearest the middle of `text`, as a cut offset inside it. */
function boundaryNear(text: string): number {
	const mid = text.length / 2;
	for (const re of [/[。！？][”’]?/gu, /[，；]/gu]) {
		let best = -1;
		for (const m of text.matchAll(re)) {
			const at = m.index + m[0].length;
			if (at < text.length && (best < 0 || Math.abs(at - mid) < Math.abs(best - mid))) best = at;
		}
		if (best > 0) return best;
	}
	return Math.floor(mid);
}

function makeDoc(clean = false): Doc {
	const r = rand();
	const mode: Mode = r < 0.55 ? "blank" : r < 0.8 ? "line" : "indent";
	const indent = (mode === "blank" && rand() < 0.3) || mode === "indent" ? "\u3000\u3000" : "";
	const start = int(0, bodies.length - 1);
	const count = int(6, 14);
	const paras: string[] = [];
	for (let i = 0; i < count; i++) paras.push(bodies[(start + i) % bodies.length]);
	const units: string[] = [pick(shortLines), `本报记者 ${person()} ${person()}`];
	const captions: number[] = [];
	const body: number[] = [];
	const captionTexts = makeCaptions(int(2, 4));
	const captionAt = new Set(shuffle([...Array(count).keys()]).slice(0, captionTexts.length));
	let c = 0;
	paras.forEach((p, i) => {
		if (i > 0 && i % 5 === 0) units.push(pick(shortLines));
		body.push(units.length);
		units.push(indent + p);
		if (captionAt.has(i)) {
			captions.push(units.length);
			units.push(captionTexts[c++]);
		}
	});
	const captionSet = new Set(captions.map((i) => units[i]));
	const bodySet = new Set(body.map((i) => units[i]));
	// Hard negatives: lines that look alike but are different lines.
	if (rand() < 0.5) {
		const event = pick(["媒体融合创新分论坛", "地市党媒融合发展论坛", "县级融媒体中心建设座谈会"]);
		const [a, b] = shuffle(["一", "二", "三", "四", "五"]).slice(0, 2);
		units.splice(int(2, units.length), 0, `第${a}场 ${event}`);
		units.splice(int(2, units.length), 0, `第${b}场 ${event}`);
	}
	if (rand() < 0.5) {
		const [a, b] = shuffle(["游览", "游玩", "拍照", "参观", "休憩"]).slice(0, 2);
		const place = pick(PLACES);
		units.splice(int(2, units.length), 0, `图为游客在${place}${a}。`);
		units.splice(int(2, units.length), 0, `图为游客在${place}${b}。`);
	}
	if (rand() < 0.5) {
		// A paragraph that opens like another and then says something else.
		const [x, y] = [pick(paras), pick(bodies)];
		// Clean documents cut at sentence (or clause) ends: a mid-word splice is
		// genuine damage. Labelled cases keep the old cut so they stay as they are.
		const head = clean ? x.slice(0, boundaryNear(x)) : [...x].slice(0, Math.floor(x.length / 2)).join("");
		const tail = clean ? y.slice(boundaryNear(y)) : [...y].slice(Math.floor(y.length / 2)).join("");
		units.splice(int(2, units.length), 0, indent + head + tail);
	}
	// Seeds repeat short section titles across documents; keep one of each in a document.
	const seen = new Set<string>();
	const keep = units.map((u) => {
		const k = comparisonKey(u);
		const fresh = !seen.has(k);
		seen.add(k);
		return fresh;
	});
	const remap = new Map<number, number>();
	const out: string[] = [];
	units.forEach((u, i) => {
		if (!keep[i]) return;
		remap.set(i, out.length);
		out.push(u);
	});
	return {
		mode,
		units: out,
		seps: out.map((_, i) => (i === out.length - 1 ? "\n" : mode === "blank" ? "\n\n" : mode === "indent" && i % 4 === 3 ? "\n\u3000\u3000\n" : "\n")),
		captions: out.map((_, i) => i).filter((i) => captionSet.has(out[i])),
		body: out.map((_, i) => i).filter((i) => bodySet.has(out[i])),
	};
}

interface Unit {
	text: string;
	sep: string;
	tag?: string;
	orig?: number;
}
const render = (units: readonly Unit[]) => units.map((u) => u.text + u.sep).join("");
const cleanUnits = (doc: Doc): Unit[] => doc.units.map((text, i) => ({ text, sep: doc.seps[i], orig: i }));
/** First line of unit `index`; units may span several lines. */
function lineOfUnit(units: readonly Unit[], index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) line += (units[i].text + units[i].sep).split("\n").length - 1;
	return line;
}

// ---- Damage -------------------------------------------------------------------------------------
/** Characters OCR confuses (a few common look-alike pairs). */
const OCR: Record<string, string> = {
	日: "曰", 人: "入", 己: "已", 未: "末", 土: "士", 天: "夭", 大: "太", 王: "玉", 刀: "力", 干: "千",
	会: "仝", 论: "沦", 社: "杜", 发: "友", 言: "吉", 在: "左", 记: "讫", 者: "耆", 摄: "慑", 图: "围",
	为: "办", 上: "土", 报: "扱", 中: "巾", 国: "囯", 员: "贝", 台: "合", 市: "币", 部: "郜", 总: "怠",
};
function ocrChange(text: string, changes: number): string | undefined {
	const positions = shuffle([...text].map((ch, i) => (OCR[ch] ? i : -1)).filter((i) => i >= 0)).slice(0, changes);
	if (positions.length < changes) return undefined;
	const chars = [...text];
	for (const i of positions) chars[i] = OCR[chars[i]];
	return chars.join("");
}
function spacingVariant(text: string): string {
	const r = rand();
	if (r < 0.3) return text.replace(/。$/u, "") || text + "。";
	if (r < 0.6) {
		const chars = [...text];
		const at = int(1, Math.max(1, chars.length - 1));
		chars.splice(at, 0, pick([" ", "\u3000", "  "]));
		return chars.join("");
	}
	if (r < 0.8) return text.replace(/，/gu, ",").replace(/。/gu, ".") + (text.includes("，") || text.includes("。") ? "" : " ");
	return text.replace(/[0-9A-Za-z]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)) + (/[0-9A-Za-z]/u.test(text) ? "" : "　");
}

interface Case {
	text: string;
	fixed?: string;
	findings: Array<{ line: number; messageId: string; note: string }>;
}

/**
 * Inserts texts after the given clean units. An inserted unit takes over the
 * separator of the unit it follows, which is joined to it by a line break
 * (print style) or by its usual separator: deleting the inserted unit with
 * either neighbouring separator gives back the clean text.
 */
function inject(doc: Doc, inserts: Array<{ after: number; text: string; tag: string }>): Unit[] {
	const units = cleanUnits(doc);
	const joint = doc.mode === "blank" ? "\n\n" : "\n";
	const sorted = inserts.map((x, k) => ({ ...x, k })).sort((a, b) => b.after - a.after || b.k - a.k);
	for (const ins of sorted) {
		let at = units.findIndex((u) => u.orig === ins.after);
		const paragraph = ins.tag.startsWith("copy");
		// In print style, unindented lines after a paragraph belong to its block: a copied paragraph goes after them.
		if (doc.mode === "indent" && paragraph) while (at + 1 < units.length && units[at].sep === "\n" && !units[at + 1].text.startsWith("\u3000")) at++;
		const text = doc.mode === "indent" && paragraph && !ins.text.startsWith("\u3000") ? `\u3000\u3000${ins.text}` : ins.text;
		units.splice(at + 1, 0, { text, sep: units[at].sep, tag: ins.tag });
		units[at].sep = joint;
	}
	return units;
}

function captionCase(): Case {
	const doc = makeDoc();
	const kind = pick(["run", "run", "scattered", "scattered", "variants", "variant-first", "ocr", "lone-ocr", "block", "two"] as const);
	const inserts: Array<{ after: number; text: string; tag: string }> = [];
	const groups = kind === "two" ? shuffle([...doc.captions]).slice(0, 2) : [pick(doc.captions)];
	let exact = true;
	for (const [g, ci] of groups.entries()) {
		const caption = doc.units[ci];
		const tag = `g${g}`;
		const later = [...doc.units.keys()].filter((i) => i >= ci);
		if (kind === "run") {
			const n = pick([1, 2, 3, 5, 10, 30, 70]);
			for (let k = 0; k < n; k++) inserts.push({ after: ci, text: caption, tag });
		} else if (kind === "block") {
			// Copies stacked under the caption without blank lines (one unit, several lines).
			const n = int(1, 6);
			inserts.push({ after: ci, text: Array(n).fill(caption).join("\n"), tag: `${tag}b${n}` });
		} else if (kind === "lone-ocr") {
			const variant = ocrChange(caption, 1);
			if (variant && comparisonKey(variant).length >= 10) {
				inserts.push({ after: pick(later), text: variant, tag: `${tag}v` });
				exact = false;
			} else inserts.push({ after: pick(later), text: caption, tag });
		} else if (kind === "ocr") {
			const n = int(2, 6);
			const variant = ocrChange(caption, 1);
			for (let k = 0; k < n; k++) inserts.push({ after: ci, text: caption, tag });
			if (variant && comparisonKey(variant).length >= 8) {
				inserts.push({ after: pick(later), text: variant, tag: `${tag}v` });
				exact = false;
			}
		} else {
			const n = int(1, 5);
			for (let k = 0; k < n; k++) {
				const text = (kind === "variants" || kind === "variant-first") && k % 2 === 0 ? spacingVariant(caption) : caption;
				inserts.push({ after: pick(later), text, tag });
			}
		}
	}
	const units = inject(doc, inserts);
	if (kind === "variant-first") {
		const first = units.find((u) => u.orig === groups[0])!;
		first.text = spacingVariant(first.text);
		if (first.text !== doc.units[groups[0]]) exact = false;
	}
	const findings: Case["findings"] = [];
	for (const [g] of groups.entries()) {
		// The finding sits on the group's second occurrence.
		const occurrences = units.map((u, i) => ({ u, i })).filter(({ u }) => u.tag?.startsWith(`g${g}`) || u.orig === groups[g]);
		const variants = occurrences.some(({ u }) => u.tag === `g${g}v`);
		const count = occurrences.reduce((n, { u }) => n + u.text.split("\n").length, 0);
		// In a block of copies the second occurrence is the block's second line.
		const second = lineOfUnit(units, occurrences[1].i);
		findings.push({
			line: second,
			messageId: variants ? "repeatedVariants" : "repeated",
			note: `${kind}: caption occurs ${count} times`,
		});
	}
	return { text: render(units), fixed: exact ? render(cleanUnits(doc)) : undefined, findings };
}

function truncate(text: string): string {
	const chars = [...text];
	const cut = int(Math.max(45, Math.floor(chars.length * 0.35)), Math.floor(chars.length * 0.85));
	return chars.slice(0, Math.min(cut, chars.length - 10)).join("");
}

function paragraphCase(): Case {
	const doc = makeDoc();
	const kind = pick([
		"exact", "exact", "triple", "spacing", "truncated-after", "truncated-before", "suffix", "middle", "near", "near", "short-near",
	] as const);
	const pi = pick(doc.body);
	const para = doc.units[pi];
	const bare = para.replace(/^\u3000*/u, "");
	const after = [...doc.units.keys()].filter((i) => i >= pi);
	const before = [...doc.units.keys()].filter((i) => i < pi);
	let text = para;
	// In print style a line glued under the paragraph is part of it: a copy of the paragraph alone is then contained in it.
	const glued = doc.mode === "indent" && pi + 1 < doc.units.length && doc.seps[pi] === "\n" && !doc.units[pi + 1].startsWith("\u3000");
	let messageId = glued ? "contained" : "duplicate";
	let exact = true;
	let at = pick(after);
	let extra: string | undefined;
	if (kind === "spacing") {
		text = bare.replace(/，/gu, () => (rand() < 0.5 ? "," : "， "));
	} else if (kind === "triple") {
		extra = para;
	} else if (kind === "truncated-after" || kind === "truncated-before") {
		text = truncate(bare);
		messageId = "contained";
		if (kind === "truncated-before") at = pick(before);
	} else if (kind === "suffix") {
		// The continuation of a paragraph printed again on its own (a "jump" repeated).
		const chars = [...bare];
		text = chars.slice(chars.length - Math.max(35, Math.floor(chars.length * int(30, 70) / 100))).join("");
		messageId = "contained";
	} else if (kind === "middle") {
		const chars = [...bare];
		const len = Math.max(35, Math.floor(chars.length * 0.4));
		const from = int(5, Math.max(5, chars.length - len - 5));
		text = chars.slice(from, from + len).join("");
		messageId = "contained";
		exact = false;
	} else if (kind === "near") {
		text = ocrChange(para, int(1, 3)) ?? [...para].map((ch, i) => (i === 10 ? "某" : ch)).join("");
		messageId = "near";
		exact = false;
	} else if (kind === "short-near") {
		// A short paragraph (one sentence) and an OCR-damaged copy of it.
		const sentence = /^[^。！？]{30,70}[。！？]/u.exec(bare)?.[0] ?? [...bare].slice(0, 45).join("");
		doc.units.splice(pi, 1, doc.mode === "indent" ? `\u3000\u3000${sentence}` : sentence);
		text = ocrChange(sentence, 1) ?? [...sentence].map((ch, i) => (i === 5 ? "某" : ch)).join("");
		messageId = "near";
		exact = false;
	}
	const inserts = [{ after: at, text, tag: "copy" }];
	if (extra !== undefined) inserts.push({ after: pick(after), text: extra, tag: "copy2" });
	const units = inject(doc, inserts);
	const index = Math.min(...units.map((u, i) => (u.tag?.startsWith("copy") ? i : Infinity)));
	return {
		text: render(units),
		fixed: exact ? render(cleanUnits(doc)) : undefined,
		findings: [{ line: lineOfUnit(units, index), messageId, note: kind }],
	};
}

// ---- Output -------------------------------------------------------------------------------------
const fixtures = join(packageRoot, "fixtures");
/**
 * Writes `count` cases; the last fifth goes under holdout/ and is drawn from
 * its own random stream, so the held-out cases stay new when the tuning
 * cases (or the rules) change.
 */
function writeCases(rule: string, count: number, make: () => Case, holdoutSeed: number): void {
	const dir = join(fixtures, rule);
	for (const f of readdirSync(dir, { withFileTypes: true })) {
		if (f.name.startsWith("syn-")) rmSync(join(dir, f.name));
		if (f.name === "holdout") rmSync(join(dir, f.name), { recursive: true });
	}
	mkdirSync(join(dir, "holdout"), { recursive: true });
	const held = Math.round(count / 5);
	const write = (n: number, c: Case, holdout: boolean) => {
		const base = join(dir, holdout ? "holdout" : "", `syn-${String(n).padStart(3, "0")}`);
		writeFileSync(`${base}.txt`, c.text);
		writeFileSync(`${base}.expected.json`, `${JSON.stringify({ strict: false, findings: c.findings }, null, "\t")}\n`);
		if (c.fixed !== undefined) writeFileSync(`${base}.fixed.txt`, c.fixed);
	};
	for (let n = 0; n < count - held; n++) write(n, make(), false);
	withSeed(holdoutSeed, () => {
		for (let n = count - held; n < count; n++) write(n, make(), true);
	});
}

mkdirSync(join(fixtures, "clean"), { recursive: true });
for (const f of readdirSync(join(fixtures, "clean")).filter((n) => /^rep-\d+\.txt$/u.test(n))) rmSync(join(fixtures, "clean", f));
for (let n = 0; n < 12; n++) {
	const doc = makeDoc(true);
	writeFileSync(join(fixtures, "clean", `rep-${String(n).padStart(2, "0")}.txt`), render(cleanUnits(doc)));
}
mkdirSync(join(fixtures, "repeated-caption"), { recursive: true });
mkdirSync(join(fixtures, "duplicate-paragraph"), { recursive: true });
writeCases("repeated-caption", 80, captionCase, 0x5eed0001);
writeCases("duplicate-paragraph", 80, paragraphCase, 0x5eed0002);
console.log(`bodies ${bodies.length}, short lines ${shortLines.length}`);
