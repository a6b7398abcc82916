/**
 * Generates the labelled synthetic cases of the typography rules
 * (punctuation-width, whitespace, invisible-characters, unbalanced-pairs,
 * boilerplate): clean lines from seeds 002–004 and fixtures/clean/typo-*.txt
 * are assembled into documents and damaged in known places, and every damage
 * is written down as a label. Deterministic (seeded PRNG).
 *
 *   npx tsx scripts/make-typography-fixtures.ts
 *
 * Writes fixtures/<rule>/synthetic/NN.{txt,expected.json} (tuning) and
 * fixtures/<rule>/holdout/NN.{txt,expected.json} (a different seed, kept out of tuning).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../src/package-root.js";
import { findUnpairedMarks } from "../src/linguistics/pairs.js";
import { countHan } from "../src/linguistics/script.js";
import { mulberry32 } from "./prng.js";

const prng = mulberry32;

interface Label {
	line: number;
	messageId: string;
	column?: number;
	note: string;
}
/** A line being built, with labels at offsets inside it. */
interface Draft {
	text: string;
	marks: Array<{ offset: number; messageId: string; note: string }>;
}

const NAMES = ["王芳", "李强", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴昊", "徐丽", "孙涛", "胡军", "朱琳", "高翔", "林峰", "何佳", "郭亮", "马超", "罗晶", "梁爽", "宋雨", "郑凯", "谢婷", "韩冰", "唐宁", "冯雪", "于洋", "董明", "程昱"];
const ORGS = ["人民日报社", "某市融媒体中心", "新华网", "长江日报社", "本报"];

function cleanLines(): string[] {
	const sources = readdirSync(join(packageRoot, "seeds"))
		.filter((f) => /^00[234]_/u.test(f))
		.map((f) => join(packageRoot, "seeds", f));
	const cleanDir = join(packageRoot, "fixtures", "clean");
	for (const f of readdirSync(cleanDir)) if (/^typo-.*\.txt$/u.test(f)) sources.push(join(cleanDir, f));
	const lines: string[] = [];
	for (const p of sources) {
		for (const line of readFileSync(p, "utf8").split(/\r?\n/u)) {
			// Prose lines only: long, Chinese, balanced, no URLs or code (those are the negatives in the clean corpus).
			if (line.length < 40 || countHan(line) < line.length * 0.6) continue;
			if (/https?:|www\.|@|`|[,.;:?!()"']/u.test(line) || findUnpairedMarks(line).length) continue;
			lines.push(line);
		}
	}
	return lines;
}

type Damage = (d: Draft, rnd: () => number) => boolean;

function replaceAt(d: Draft, offset: number, length: number, text: string): void {
	d.text = d.text.slice(0, offset) + text + d.text.slice(offset + length);
	const delta = text.length - length;
	for (const m of d.marks) if (m.offset > offset) m.offset += delta;
}

function positions(text: string, re: RegExp): number[] {
	const out: number[] = [];
	for (const m of text.matchAll(re)) out.push(m.index!);
	return out;
}

function pick<T>(xs: readonly T[], rnd: () => number): T {
	return xs[Math.floor(rnd() * xs.length)];
}

const HALF: Record<string, string> = { "，": ",", "；": ";", "：": ":", "？": "?", "！": "!", "。": "." };

const punctuationDamage: Damage = (d, rnd) => {
	let changed = false;
	// Sentence marks, one by one.
	// From the end, so a gap added after one mark does not move the ones still to come.
	for (const i of positions(d.text, /[，；：？！。]/gu).reverse()) {
		if (rnd() > 0.35) continue;
		const ch = d.text[i];
		// The rule deliberately leaves "3," and "5%." style marks after digits alone: do not label what it cannot see.
		if (/[0-9%]/u.test(d.text[i - 1] ?? "")) continue;
		// OCR often leaves a gap after the mark; the fix must take it too.
		replaceAt(d, i, 1, rnd() < 0.25 && ch !== "。" ? `${HALF[ch]} ` : HALF[ch]);
		d.marks.push({ offset: i, messageId: "halfWidth", note: `${ch} → ${HALF[ch]}` });
		changed = true;
	}
	// Bracket pairs without nesting.
	for (const m of [...d.text.matchAll(/（[^（）]{1,30}）/gu)]) {
		if (rnd() > 0.6) continue;
		const i = m.index!;
		replaceAt(d, i, 1, "(");
		replaceAt(d, i + m[0].length - 1, 1, ")");
		d.marks.push({ offset: i, messageId: "halfWidthParens", note: "（…） → (…)" });
		changed = true;
	}
	// Quotes: all curly quotes of the line at once, so the straight ones still alternate.
	if (rnd() < 0.6 && /[“‘]/u.test(d.text)) {
		const dropOne = /“/u.test(d.text) && rnd() < 0.25;
		for (const [open, close, straight] of [["“", "”", '"'], ["‘", "’", "'"]] as const) {
			if (!(dropOne && open === "“")) {
				for (const i of positions(d.text, new RegExp(open, "gu"))) d.marks.push({ offset: i, messageId: "straightQuotes", note: `${open}…${close} → ${straight}` });
			}
			d.text = d.text.split(open).join(straight).split(close).join(straight);
		}
		if (dropOne) {
			// A quote lost in OCR: the rest no longer pair up, so each is a suggestion, not a fix.
			const quotes = positions(d.text, /"/gu);
			replaceAt(d, pick(quotes, rnd), 1, "");
			for (const i of positions(d.text, /"/gu)) d.marks.push({ offset: i, messageId: "ambiguousQuote", note: "one of the straight quotes was lost" });
		}
		changed = true;
	}
	return changed;
};

const whitespaceDamage: Damage = (d, rnd) => {
	const kind = pick(["trailing", "tab", "nbsp", "spaceBeforePunctuation"], rnd);
	if (kind === "trailing") {
		d.marks.push({ offset: d.text.length, messageId: "trailing", note: "spaces at the end of the line" });
		d.text += pick(["  ", " ", "\t", "　"], rnd);
		return true;
	}
	if (kind === "spaceBeforePunctuation") {
		const at = positions(d.text, /[\u4e00-\u9fff](?=[，。、；])/gu);
		if (!at.length) return false;
		const i = pick(at, rnd) + 1;
		replaceAt(d, i, 0, pick([" ", "  ", "\u3000"], rnd));
		d.marks.push({ offset: i, messageId: "spaceBeforePunctuation", note: "gap before a Chinese punctuation mark" });
		return true;
	}
	const at = positions(d.text, /[\u4e00-\u9fff](?=[\u4e00-\u9fff])/gu).filter((i) => i > 4);
	if (!at.length) return false;
	const i = pick(at, rnd) + 1;
	replaceAt(d, i, 0, kind === "tab" ? "\t" : "\u00a0");
	d.marks.push({ offset: i, messageId: kind, note: kind === "tab" ? "tab between Han" : "lone NBSP between Han" });
	return true;
};

const INVISIBLES: Array<[string, string, string]> = [
	["\u200b", "zeroWidth", "ZWSP"],
	["\u200d", "zeroWidth", "ZWJ outside emoji"],
	["\u2060", "zeroWidth", "word joiner"],
	["\u00ad", "softHyphen", "soft hyphen"],
	["\ufeff", "bom", "BOM mid-text"],
	["\u0007", "control", "BEL"],
	["\u001b", "control", "ESC"],
	["\u200e", "bidi", "LRM"],
];

const invisibleDamage: Damage = (d, rnd) => {
	const at = positions(d.text, /[\u4e00-\u9fff](?=[\u4e00-\u9fff])/gu);
	if (!at.length) return false;
	const i = pick(at, rnd) + 1;
	const [ch, messageId, note] = pick(INVISIBLES, rnd);
	replaceAt(d, i, 0, ch);
	d.marks.push({ offset: i, messageId, note });
	// A meaningful joiner next to it sometimes: the emoji must survive.
	if (rnd() < 0.3) replaceAt(d, d.text.length, 0, "👩‍💻");
	return true;
};

const pairsDamage: Damage = (d, rnd) => {
	// Never a closing ”: an open “ before a paragraph that starts with “ is the multi-paragraph quotation convention.
	const candidates = positions(d.text, /[“《（》）]/gu);
	if (!candidates.length) return false;
	const i = pick(candidates, rnd);
	const ch = d.text[i];
	const isOpener = "“《（".includes(ch);
	// Remove one mark; its partner is now alone.
	const partner = findPartner(d.text, i);
	if (partner < 0) return false;
	replaceAt(d, i, 1, "");
	const at = partner > i ? partner - 1 : partner;
	d.marks.push({ offset: at, messageId: isOpener ? "unopened" : "unclosed", note: `removed ${ch}` });
	return true;
};

function findPartner(text: string, i: number): number {
	const pairs: Record<string, string> = { "“": "”", "《": "》", "（": "）" };
	const closers: Record<string, string> = { "”": "“", "》": "《", "）": "（" };
	const ch = text[i];
	if (pairs[ch]) {
		let depth = 0;
		for (let k = i; k < text.length; k++) {
			if (text[k] === ch) depth++;
			else if (text[k] === pairs[ch] && --depth === 0) return k;
		}
	} else {
		let depth = 0;
		for (let k = i; k >= 0; k--) {
			if (text[k] === ch) depth++;
			else if (text[k] === closers[ch] && --depth === 0) return k;
		}
	}
	return -1;
}

function furnitureLine(rnd: () => number): { text: string; messageId: string; note: string } {
	const n = () => pick(NAMES, rnd);
	const options: Array<[string, string]> = [
		[`本版编辑：${n()} ${n()}`, "editorCredit"],
		[`责任编辑：${n()}`, "editorCredit"],
		[`本报记者 ${n()} 摄`, "photoCredit"],
		[`新华社记者 ${n()} ${n()} 摄`, "photoCredit"],
		[`图片由${pick(ORGS, rnd)}提供`, "photoCredit"],
		["图片来源：视觉中国", "photoCredit"],
		[`版权所有 © ${pick(ORGS, rnd)}`, "copyright"],
		["未经授权，不得转载。", "copyright"],
		["（完）", "endMark"],
		[`本版编辑：${n()} ${n()} 美编：${n()}`, "furnitureLine"],
	];
	const [text, messageId] = pick(options, rnd);
	return { text, messageId, note: `furniture line '${text}'` };
}

interface RuleSpec {
	rule: string;
	damage?: Damage;
	/** Share of lines damaged. */
	rate: number;
}

const SPECS: RuleSpec[] = [
	{ rule: "punctuation-width", damage: punctuationDamage, rate: 0.6 },
	{ rule: "whitespace", damage: whitespaceDamage, rate: 0.5 },
	{ rule: "invisible-characters", damage: invisibleDamage, rate: 0.4 },
	{ rule: "unbalanced-pairs", damage: pairsDamage, rate: 0.4 },
	{ rule: "boilerplate", rate: 0.3 },
];

function makeDocument(spec: RuleSpec, lines: string[], rnd: () => number): { text: string; labels: Label[] } {
	const count = 6 + Math.floor(rnd() * 5);
	const out: string[] = [];
	const labels: Label[] = [];
	const push = (d: Draft) => {
		const lineNo = out.length + 1;
		for (const m of d.marks) labels.push({ line: lineNo, messageId: m.messageId, column: m.offset + 1, note: m.note });
		out.push(d.text);
	};
	if (spec.rule === "boilerplate") {
		// The standard top byline is structure, not furniture: present and unlabelled.
		out.push(`本报记者 ${pick(NAMES, rnd)} ${pick(NAMES, rnd)}`, "");
	}
	for (let k = 0; k < count; k++) {
		const d: Draft = { text: pick(lines, rnd), marks: [] };
		if (spec.damage && rnd() < spec.rate) spec.damage(d, rnd);
		push(d);
		if (spec.rule === "boilerplate" && rnd() < spec.rate) {
			if (rnd() < 0.5) {
				out.push("");
				const f = furnitureLine(rnd);
				push({ text: f.text, marks: [{ offset: 0, messageId: f.messageId, note: f.note }] });
			} else {
				const last = out.length - 1;
				const credit = `（记者 ${pick(NAMES, rnd)}）`;
				labels.push({ line: last + 1, messageId: "reporterCredit", column: out[last].length + 1, note: `inline credit ${credit}` });
				out[last] += credit;
			}
		}
		if (k < count - 1) {
			if (spec.rule === "whitespace" && rnd() < 0.15) {
				// maxBlankLines is 3: five blank lines, the fourth and fifth are labelled.
				out.push("", "", "");
				labels.push({ line: out.length + 1, messageId: "blankLines", note: "five blank lines in a row" });
				out.push("", "");
			} else out.push("");
		}
	}
	return { text: `${out.join("\n")}\n`, labels };
}

const lines = cleanLines();
for (const spec of SPECS) {
	for (const [folder, seed, n] of [["synthetic", 1, 20], ["holdout", 7, 10]] as const) {
		const dir = join(packageRoot, "fixtures", spec.rule, folder);
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		const rnd = prng(seed * 1000 + spec.rule.length);
		for (let i = 0; i < n; i++) {
			const { text, labels } = makeDocument(spec, lines, rnd);
			const name = String(i).padStart(2, "0");
			writeFileSync(join(dir, `${name}.txt`), text);
			writeFileSync(join(dir, `${name}.expected.json`), `${JSON.stringify({ strict: false, findings: labels }, null, 1)}\n`);
		}
	}
}
console.log(`${lines.length} clean lines; wrote ${SPECS.length} rules × (20 tuning + 10 holdout) cases`);
