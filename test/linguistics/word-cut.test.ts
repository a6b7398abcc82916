/**
 * Our word cutter (src/linguistics/word-cut.ts) must cut exactly as the native
 * @node-rs/jieba `cut(text, true)` it replaced: native jieba stays installed as
 * the oracle. Also keeps data/hmm-model.bin honest and checks the logarithms
 * the route arithmetic depends on.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/package-root.js";
import { exactLn } from "../../src/linguistics/exact-log.js";
import { decodeHmmModel, encodeHmmModel, viterbiCut } from "../../src/linguistics/hmm.js";
import { segment } from "../../src/linguistics/segment.js";
import { mulberry32, randomSegmenterInput } from "../../scripts/segmenter-random.js";

const require = createRequire(import.meta.url);
const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
const jieba = Jieba.withDict(readFileSync(require.resolve("@node-rs/jieba/dict.txt")));

/** Native words; the addon receives a lone surrogate as U+FFFD, which we keep as the input's unit. */
function nativeWords(text: string): string[] {
	let at = 0;
	return jieba.cut(text, true).map((w) => {
		const original = text.slice(at, (at += w.length));
		return w === "\ufffd" && /^[\ud800-\udfff]$/.test(original) ? original : w;
	});
}

const ours = (text: string) => segment(text).map((t) => t.word);

/** Texts of every file under `dir`: the "text" fields of .json(l) fixtures, whole files otherwise. */
function texts(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		const raw = readFileSync(join(entry.parentPath, entry.name), "utf8");
		if (!entry.name.endsWith(".json") && !entry.name.endsWith(".jsonl")) {
			out.push(raw);
			continue;
		}
		for (const line of entry.name.endsWith(".jsonl") ? raw.split("\n") : [raw]) {
			try {
				const visit = (v: unknown): void => {
					if (typeof v === "string") out.push(v);
					else if (v && typeof v === "object") Object.values(v).forEach(visit);
				};
				if (line.trim()) visit(JSON.parse(line));
			} catch {
				out.push(line);
			}
		}
	}
	return out;
}

/** Cuts each text whole and line by line with both cutters; returns the differing inputs (at most 5). */
function differences(inputs: string[]): string[] {
	const bad: string[] = [];
	for (const text of inputs) {
		for (const piece of [text, ...text.split("\n")]) {
			if (piece && JSON.stringify(ours(piece)) !== JSON.stringify(nativeWords(piece)) && bad.length < 5) bad.push(piece);
		}
	}
	return bad;
}

describe("word cutter = native jieba cut(text, true)", () => {
	it("on jieba-rs's own examples", () => {
		for (const text of ["我们中出了一个叛徒", "我来到北京清华大学", "他来到了网易杭研大厦", "小明硕士毕业于中国科学院计算所，后在日本京都大学深造", "abc网球拍卖会def！！？\r\n\t"]) {
			expect(ours(text)).toEqual(nativeWords(text));
		}
		expect(ours("他来到了网易杭研大厦")).toEqual(["他", "来到", "了", "网易", "杭研", "大厦"]);
		// The unescaped dot of jieba-rs 0.10.3's skip pattern, and a run of astral ideographs kept whole.
		expect(ours("WES-5.4.5是")).toEqual(["WES-5", ".", "4.5", "是"]);
		expect(ours("𠀀𠀁abc")).toEqual(["𠀀𠀁", "abc"]);
	});

	it("at the edges of the Han classes (jieba's blocks, the HMM's U+4E00..U+9FD5) and on astral characters", () => {
		const edges = [0x33ff, 0x3400, 0x4dbf, 0x4dc0, 0x4e00, 0x9fd5, 0x9fd6, 0x9fff, 0xa000, 0xf8ff, 0xf900, 0xfaff, 0xfb00, 0x3007, 0xff10, 0x0660];
		const astral = [0x1f600, 0x2a6df, 0x2a6e0, 0x2a700, 0x2ebef, 0x2ebf0, 0x2f800, 0x2fa1f, 0x2fa20, 0x30000];
		const inputs: string[] = [];
		for (const cp of [...edges, ...astral]) {
			const ch = String.fromCodePoint(cp);
			for (const [l, r] of [["a", "b"], ["中", "国"], ["1", "2"], ["x", "1"], ["鿖", "9"]]) inputs.push(`${l}${ch}${ch}${r}。a${ch}1%`);
		}
		expect(differences(inputs)).toEqual([]);
	});

	it("on the seeds", () => {
		expect(differences(texts(join(packageRoot, "seeds")))).toEqual([]);
	});

	it("on the fixtures", () => {
		expect(differences(texts(join(packageRoot, "fixtures")))).toEqual([]);
	}, 120_000);

	it("on 5000 seeded random strings of Han, Latin, digits, punctuation, whitespace and astral characters", () => {
		const random = mulberry32(7);
		const inputs = Array.from({ length: 5000 }, () => randomSegmenterInput(random));
		expect(differences(inputs)).toEqual([]);
	});

	it("returns offsets in UTF-16 units that tile the input", () => {
		const text = "“长江经济带”融媒联盟😀𠀀AI 12.5%，\r\n第二段";
		const tokens = segment(text);
		let at = 0;
		for (const t of tokens) {
			expect([t.start, text.slice(t.start, t.end)]).toEqual([at, t.word]);
			at = t.end;
		}
		expect(at).toBe(text.length);
	});
});

describe("data/hmm-model.bin", () => {
	it("decodes jieba-rs's Viterbi example to its published tags", () => {
		const model = decodeHmmModel(readFileSync(join(packageRoot, "data", "hmm-model.bin")));
		const text = "小明硕士毕业于中国科学院计算所";
		const ends: number[] = [];
		viterbiCut(model, text, 0, text.length, ends);
		let at = 0;
		expect(ends.map((e) => text.slice(at, (at = e)))).toEqual(["小明", "硕士", "毕业于", "中国", "科学院", "计算", "所"]);
	});

	// The model text is not installed (scripts/build-hmm-model.ts fetches it with `npm pack nodejieba`);
	// point CORPUSLINT_HMM_MODEL at a copy of cppjieba's hmm_model.utf8 to check the committed file.
	const source = process.env.CORPUSLINT_HMM_MODEL ?? "/tmp/njb/package/submodules/cppjieba/dict/hmm_model.utf8";
	it.skipIf(!existsSync(source))("equals what scripts/build-hmm-model.ts makes from cppjieba's hmm_model.utf8", () => {
		const committed = readFileSync(join(packageRoot, "data", "hmm-model.bin"));
		expect(Buffer.from(encodeHmmModel(readFileSync(source, "utf8"))).equals(committed)).toBe(true);
	});
});

describe("exactLn", () => {
	it("rounds as glibc's log does where V8's Math.log is one ulp off", () => {
		// Values printed by Python's math.log (glibc) on this platform.
		expect(exactLn(3)).toBe(1.0986122886681098);
		expect(exactLn(48)).toBe(3.871201010907891);
		expect(exactLn(74)).toBe(4.30406509320417);
		expect(exactLn(196)).toBe(5.278114659230517);
		expect(exactLn(5312)).toBe(8.57772369115627);
		expect(exactLn(1)).toBe(0);
		expect(exactLn(0)).toBe(-Infinity);
		for (const n of [2, 10, 1000, 60101964]) expect(Math.abs(exactLn(n) - Math.log(n))).toBeLessThanOrEqual(Math.log(n) * 2.3e-16);
	});
});
