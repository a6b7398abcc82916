/**
 * Generates the synthetic fixtures of `column-join` and `truncated-sentence`
 * from the clean seeds (002–004 and the undamaged conference paragraphs of
 * 000): documents with headlines, subtitles, bylines, speaker lines, section
 * titles and captions, damaged in the ways print extraction damages them.
 * Deterministic (seeded PRNG); about a fifth of the cases, drawn only from
 * paragraphs kept apart, go under holdout/.
 *
 *   npx tsx scripts/make-structure-fixtures.ts
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32 } from "./prng.js";

const root = join(import.meta.dirname, "..");

const rand = mulberry32(20240521);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
/** Two different items of a list. */
const pickTwo = <T>(list: readonly T[]): [T, T] => {
	const a = pick(list);
	let b = pick(list);
	while (b === a) b = pick(list);
	return [a, b];
};

const seedText = (prefix: string) => {
	const name = ["000_0666ca01b1132203.txt", "002_4ada1c7cd8ce54c8.txt", "003_8228443f32db4f8b.txt", "004_3aa97fa695d6fac8.txt"].find((n) => n.startsWith(prefix))!;
	return readFileSync(join(root, "seeds", name), "utf8").split(/\r?\n/u);
};

// Seed 000's conference report is clean in these line ranges (the rest holds the inserted article and the damage).
const clean000 = seedText("000").filter((_, i) => (i >= 8 && i <= 24) || (i >= 52 && i <= 68) || (i >= 104 && i <= 116) || (i >= 124 && i <= 136));
/**
 * Whole body paragraphs of the given lines, long ones cut into sentence groups
 * of 60–200 characters (lengths drawn from `random`) so documents stay readable.
 */
function bodyParagraphs(lines: string[], random: () => number): string[] {
	return lines
		.map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ""))
		.filter((l) => l.length >= 60 && /[。！？”]$/u.test(l) && !/\s{2}/u.test(l))
		.flatMap((l) => {
			const sentences = l.match(/[^。！？]+[。！？]”?/gu) ?? [l];
			const groups: string[] = [];
			let cur = "";
			for (const s of sentences) {
				cur += s;
				if (cur.length >= 60 + random() * 140) {
					groups.push(cur);
					cur = "";
				}
			}
			if (cur.length >= 40) groups.push(cur);
			return groups;
		});
}
const bodies = bodyParagraphs([...clean000, ...seedText("002"), ...seedText("003"), ...seedText("004")], rand);

const headlines = ["融合十年 笃行致远", "让党的声音传得更开 更广更深入", "准确识变、科学应变、主动求变", "催化融合质变，放大一体效能", "走好创新之路  推进媒体融合", "扩大对外开放  促进交流互鉴", "把握融合规律  提升传播质效", "一衣带水结联盟 共谱长江“最强音”", "聚焦“六大领域” 推进主流媒体系统性变革", "以高质量赢得大流量 让大流量澎湃正能量", "融合让主流声音 传播得更广、更远、更深", "共谱长江经济带 媒体联盟新篇章", "牢牢把握千载难逢的信息革命历史机遇，加快信息化发展", "构建网络空间命运共同体，贡献全球互联网发展的中国方案", "主流舆论如何引导城市传播爆点", "打造党媒IP 提升城市形象", "立体化传播 全力助推“村超”火爆出圈", "深化改革加速深度融合 打造内蒙古融媒体新样板", "发挥舆论功能  强化社会连接", "深耕传播内容  塑造品牌形象"];
const sections = ["一、深耕本土内容传播，提升新闻舆论引导力", "二、贴近群众服务，增强政务服务综合能力", "1 “享”创新 话融合 凝聚长江经济带上的强大声量", "2 访历史 知古今 搭建连接四海的媒体桥梁", "●发言摘录", "（一）坚持内容为王"];
const subtitles = ["——2023中国新媒体大会综述", "——长江经济带城市党媒联盟成立侧记", "——区县融媒体发展观察"];
const bylines = ["本报记者 吴齐强 颜珂 申智林 王云娜", "本报记者 李晓明", "新华社记者 张一鸣 王芳", "记者 马涛", "本报通讯员 刘洋"];
const speakers = ["人民日报社新媒体客户端主编梁昌杰", "北海市融媒体中心党委书记、总编辑唐燕玲", "山东省委宣传部分管日常工作的副部长  袭艳春", "长江日报社党委书记、社长  陈  光", "重庆日报报业集团党委书记、社长向泽映：", "安康日报社党委副书记、总编辑谭迎春", "福州日报社党组成员、副总编辑朱福星"];
const captions = ["人民日报社副总编辑徐立京发言。", "采访活动走进企业。", "清晨的楚文化数字产业园。", "（本报记者 刘清羽摄）", "图为2023中国新媒体大会现场。"];
const datelines = ["本报长沙7月13日电", "2023年7月13日"];

// Paragraphs kept apart for the held-out cases.
const shuffled = [...bodies].sort(() => rand() - 0.5);
const holdoutBodies = shuffled.filter((_, i) => i % 5 === 0);
const tuningBodies = shuffled.filter((_, i) => i % 5 !== 0);

interface Label {
	line: number;
	messageId: string;
	note: string;
}

/** A document under construction: paragraphs separated by blank lines, with labels by rule. */
class Doc {
	lines: string[] = [];
	labels: Record<string, Label[]> = { "column-join": [], "truncated-sentence": [] };
	para(text: string): number {
		if (this.lines.length) this.lines.push("");
		const first = this.lines.length + 1;
		this.lines.push(...text.split("\n"));
		return first;
	}
	label(rule: string, line: number, messageId: string, note: string) {
		this.labels[rule].push({ line, messageId, note });
	}
	text() {
		return `${this.lines.join("\n")}\n`;
	}
}

function frame(doc: Doc): void {
	doc.para(pick(headlines));
	if (rand() < 0.5) doc.para(pick(subtitles));
	doc.para(pick(bylines));
	if (rand() < 0.3) doc.para(pick(datelines));
}

/**
 * One clean paragraph. A third of them are hard-wrapped as a single column
 * (line breaks, or the lines glued with spaces as in seed 001's narrow
 * columns): text that reads straight on and must not look interleaved.
 */
function cleanParagraph(pool: string[]): string {
	const p = pick(pool);
	const r = rand();
	if (r < 0.17) return wrap(p, between(12, 40)).join("\n");
	if (r < 0.33) return wrap(p, between(10, 25)).join(" ");
	return p;
}

function section(doc: Doc, pool: string[], count: number): void {
	const r = rand();
	if (r < 0.3) doc.para(pick(sections));
	else if (r < 0.6) {
		doc.para(pick(headlines));
		doc.para(pick(speakers));
	}
	for (let i = 0; i < count; i++) doc.para(cleanParagraph(pool));
}

/** A cut point inside a clause: between two Han characters, 40–90 % into the text. */
function midClause(text: string, lo = 0.4, hi = 0.9): number {
	for (let tries = 0; tries < 50; tries++) {
		const at = between(Math.floor(text.length * lo), Math.floor(text.length * hi));
		if (/\p{Script=Han}/u.test(text[at - 1] ?? "") && /\p{Script=Han}/u.test(text[at] ?? "")) return at;
	}
	return Math.floor(text.length / 2);
}

function wrap(text: string, width: number): string[] {
	const out: string[] = [];
	for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
	return out;
}

type Damage = (doc: Doc, pool: string[]) => void;

/** Two paragraphs hard-wrapped at one width (15–25), their fragments alternating as print columns read wrongly. */
function interleavedColumns(pool: string[]): { w: number; parts: string[] } {
	const w = between(15, 25);
	const [pa, pb] = pickTwo(pool);
	const a = wrap(pa, w);
	const b = wrap(pb, w);
	const parts: string[] = [];
	for (let i = 0; i < Math.min(a.length, b.length); i++) parts.push(a[i], b[i]);
	return { w, parts };
}

const damages: Record<string, Damage> = {
	interleaveGlued(doc, pool) {
		const { w, parts } = interleavedColumns(pool);
		const line = doc.para(parts.join(" "));
		doc.label("column-join", line, "interleaved", `two paragraphs wrapped at ${w} and glued alternately`);
		if (!/[。！？][”’]?$/u.test(parts[parts.length - 1])) doc.label("truncated-sentence", line, "truncated", "the glued block ends mid-clause");
	},
	interleaveLines(doc, pool) {
		const { w, parts } = interleavedColumns(pool);
		const line = doc.para(parts.join("\n"));
		doc.label("column-join", line, "interleaved", `two paragraphs wrapped at ${w} and interleaved line by line`);
		const last = line + parts.length - 1;
		if (!/[。！？][”’]?$/u.test(parts[parts.length - 1])) doc.label("truncated-sentence", last, "truncated", "the interleaved block ends mid-clause");
	},
	cut(doc, pool) {
		const p = pick(pool);
		const at = midClause(p);
		const line = doc.para(p.slice(0, at));
		doc.label("truncated-sentence", line, "truncated", "paragraph cut mid-clause");
	},
	split(doc, pool) {
		const p = pick(pool);
		const at = midClause(p, 0.3, 0.8);
		const head = doc.para(p.slice(0, at));
		const tail = doc.para(p.slice(at));
		doc.label("truncated-sentence", head, "truncated", "first half of a split paragraph");
		doc.label("column-join", tail, "midSentenceStart", "second half of a split paragraph");
	},
	insertMidSentence(doc, pool) {
		const p = pick(pool);
		const at = midClause(p, 0.3, 0.8);
		const head = doc.para(p.slice(0, at));
		const foreign = doc.para(pick(pool));
		const tail = doc.para(p.slice(at));
		doc.label("truncated-sentence", head, "truncated", "sentence broken by an inserted paragraph");
		doc.label("column-join", foreign, "foreignInsertion", "paragraph inserted inside a sentence");
		doc.label("column-join", tail, "midSentenceStart", "the broken sentence resumes");
	},
	insertWithMarker(doc, pool) {
		const marker = pick(["（上接第一版）", "（上接第二版）", "(上接第3版)", "（紧接第2页）"]);
		const line = doc.para(marker + pick(pool));
		doc.label("column-join", line, "continuationMarker", "jump line from another page");
		doc.label("column-join", line, "foreignInsertion", "block continued from another page");
	},
	trailingMarker(doc, pool) {
		const marker = pick(["（下转第二版）", "（下转第4版）", "(转第5版)"]);
		const line = doc.para(pick(pool) + marker);
		doc.label("column-join", line, "continuationMarker", "jump line to another page");
	},
	pageNumber(doc) {
		const line = doc.para(pick(["- 3 -", "12", "第4版", "—5—"]));
		doc.label("column-join", line, "continuationMarker", "page number between paragraphs");
	},
	strayMark(doc, pool) {
		const line = doc.para(pick(["> ", "■", "＞"]) + pick(pool));
		doc.label("column-join", line, "continuationMarker", "stray mark at line start");
	},
};

const out = (...p: string[]) => join(root, "fixtures", ...p);
for (const rule of ["column-join", "truncated-sentence"]) {
	rmSync(out(rule, "synthetic"), { recursive: true, force: true });
	rmSync(out(rule, "holdout"), { recursive: true, force: true });
}

const names = Object.keys(damages);
const CASES = 100;
for (let n = 0; n < CASES; n++) {
	const holdout = n % 5 === 4;
	const pool = holdout ? holdoutBodies : tuningBodies;
	const doc = new Doc();
	frame(doc);
	section(doc, pool, between(1, 2));
	// Two or three kinds of damage a document, each followed by clean text.
	const kinds = [names[n % names.length], pick(names), ...(rand() < 0.5 ? [pick(names)] : [])];
	for (const kind of kinds) {
		damages[kind](doc, pool);
		section(doc, pool, between(1, 2));
	}
	if (rand() < 0.5) doc.para(pick(captions));
	const name = `struct-${String(n).padStart(3, "0")}`;
	for (const rule of ["column-join", "truncated-sentence"]) {
		const dir = out(rule, holdout ? "holdout" : "synthetic");
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, `${name}.txt`), doc.text());
		writeFileSync(join(dir, `${name}.expected.json`), `${JSON.stringify({ strict: false, holdout, findings: doc.labels[rule] }, null, "\t")}\n`);
	}
}

// Clean documents for the false-finding rate: the same furniture, no damage.
// They draw on their own random stream (so the labelled cases above stay as they
// are) and only on seeds 002–004, each paragraph and each piece of furniture at
// most once a document: seed 000's damage and repeated picks would be genuine
// findings, and the clean corpus must hold none.
{
	const crand = mulberry32(20261122);
	const cpick = <T>(list: readonly T[]): T => list[Math.floor(crand() * list.length)];
	const cbetween = (lo: number, hi: number) => lo + Math.floor(crand() * (hi - lo + 1));
	const shuffle = <T>(list: readonly T[]): T[] => {
		const a = [...list];
		for (let i = a.length - 1; i > 0; i--) {
			const j = Math.floor(crand() * (i + 1));
			[a[i], a[j]] = [a[j], a[i]];
		}
		return a;
	};
	/** Draws without replacement; each document gets fresh decks. */
	const deck = <T>(list: readonly T[]) => {
		const d = shuffle(list);
		return () => d.pop()!;
	};
	const cleanBodies = bodyParagraphs([...seedText("002"), ...seedText("003"), ...seedText("004")], crand);
	mkdirSync(out("clean"), { recursive: true });
	for (let n = 0; n < 10; n++) {
		const doc = new Doc();
		const body = deck(cleanBodies);
		const headline = deck(headlines);
		const section = deck(sections);
		const speaker = deck(speakers);
		doc.para(headline());
		if (crand() < 0.5) doc.para(cpick(subtitles));
		doc.para(cpick(bylines));
		if (crand() < 0.3) doc.para(cpick(datelines));
		for (let s = 0; s < 4; s++) {
			const r = crand();
			if (r < 0.3) doc.para(section());
			else if (r < 0.6) {
				doc.para(headline());
				doc.para(speaker());
			}
			for (let i = cbetween(2, 4); i > 0; i--) {
				const p = body();
				// A third are hard-wrapped as one column: text that reads straight on
				// and must not look interleaved. (Wrapped lines glued with spaces are
				// seed 001's damage, so clean text never has them.)
				doc.para(crand() < 0.33 ? wrap(p, cbetween(12, 40)).join("\n") : p);
			}
		}
		doc.para(cpick(captions));
		writeFileSync(out("clean", `struct-${n}.txt`), doc.text());
	}
}
console.log(`wrote ${CASES} cases per rule and 10 clean documents`);
