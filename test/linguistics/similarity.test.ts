import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../scripts/prng.js";
import { appendComparisonKey, appendComparisonKeyOf, codeUnitPool, comparisonKey, stripNoise, utf16Units, type NormalizeOptions } from "../../src/linguistics/normalize.js";
import {
	editDistanceWithin,
	editDistanceWithinCodes,
	endWindowBounds,
	oneEditNeighbours,
	sampledShinglePairs,
	sampledShingles,
	sharedShingles,
	singleEdit,
} from "../../src/linguistics/similarity.js";

/*
 * The code-unit versions are speed-ups of the string functions the rules
 * used before: they must give the same answers, down to the order of pairs
 * (the rule's choice among equally long containers depends on it).
 */

const random = mulberry32(20261207);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** Text from a small alphabet, so that shingles, near copies and common postings all occur. */
function text(length: number, alphabet: string): string {
	let s = "";
	for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
	return s;
}

function mutate(s: string, edits: number, alphabet: string): string {
	let out = s;
	for (let e = 0; e < edits; e++) {
		const at = Math.floor(random() * (out.length + 1));
		const c = alphabet[Math.floor(random() * alphabet.length)];
		const kind = random();
		out = kind < 0.4 ? out.slice(0, at) + c + out.slice(at + 1) : kind < 0.7 ? out.slice(0, at) + c + out.slice(at) : out.slice(0, at) + out.slice(at + 1);
	}
	return out;
}

function pool(keys: readonly string[]) {
	const p = codeUnitPool(4);
	const starts: number[] = [];
	for (const k of keys) {
		starts.push(p.length);
		appendComparisonKey(p, k, { ignoreCase: false, ignoreWidth: false });
	}
	return { codes: p.codes, starts, lengths: keys.map((k) => k.length) };
}

/** The comparison key as first defined: NFKC, strip whitespace and punctuation, lower-case. */
function definedKey(s: string, options: NormalizeOptions): string {
	let t = options.ignoreWidth !== false ? s.normalize("NFKC") : s;
	t = stripNoise(t);
	return options.ignoreCase === false ? t : t.toLowerCase();
}

describe("sampledShinglePairs", () => {
	it("finds the pairs of sharedShingles(sampledShingles), in the same order, with the same counts", () => {
		for (let round = 0; round < 200; round++) {
			const alphabet = pick(["甲乙丙丁戊", "天地玄黄宇宙洪荒日月盈昃辰宿列张", "abcdefghijklmnopqrstuvwxyz0123456789"]);
			const base = Array.from({ length: 1 + Math.floor(random() * 6) }, () => text(5 + Math.floor(random() * 120), alphabet));
			const keys = Array.from({ length: Math.floor(random() * 40) }, () => {
				const b = pick(base);
				const r = random();
				if (r < 0.3) return mutate(b, Math.floor(random() * 8), alphabet);
				if (r < 0.5) return b.slice(Math.floor(random() * b.length / 2));
				if (r < 0.6) return text(Math.floor(random() * 8), alphabet);
				return b + text(Math.floor(random() * 30), alphabet);
			});
			const maxPostings = pick([2, 3, 32]);
			const samples = keys.map((k) => sampledShingles(k, 5, 4));
			const expected = sharedShingles(samples, maxPostings);
			const { codes, starts, lengths } = pool(keys);
			const got = sampledShinglePairs(codes, starts, lengths, 5, 4, maxPostings);
			expect(Array.from({ length: got.pairs.length / 3 }, (_, q) => got.pairs.slice(3 * q, 3 * q + 3))).toEqual(expected.pairs);
			expect([...got.skipped]).toEqual(expected.skipped);
			expect([...got.sizes]).toEqual(samples.map((s) => s.length));
		}
	});
});

describe("editDistanceWithinCodes", () => {
	it("equals editDistanceWithin on ranges of a pool", () => {
		for (let round = 0; round < 3000; round++) {
			const alphabet = pick(["ab", "甲乙丙丁", "天地玄黄宇宙洪荒日月盈昃辰宿列张"]);
			const a = text(Math.floor(random() * 60), alphabet);
			const b = random() < 0.7 ? mutate(a, Math.floor(random() * 10), alphabet) : text(Math.floor(random() * 60), alphabet);
			const max = Math.floor(random() * 12);
			const { codes, starts } = pool(["xx", a, "y", b]);
			expect(editDistanceWithinCodes(codes, starts[1], a.length, starts[3], b.length, max)).toBe(editDistanceWithin(a, b, max));
		}
	});
});

describe("endWindowBounds", () => {
	/** A short text and a longer one: often the short one damaged and extended, else unrelated. */
	const shortAndLonger = () => {
		const alphabet = pick(["ab", "甲乙丙丁", "天地玄黄宇宙洪荒日月盈昃辰宿列张"]);
		const short = text(1 + Math.floor(random() * 50), alphabet);
		const long = random() < 0.5 ? mutate(short, Math.floor(random() * 6), alphabet) + text(Math.floor(random() * 80), alphabet) : text(short.length + Math.floor(random() * 80), alphabet);
		return { short, long };
	};
	it("never exceeds the edit distance to either end of the longer text", () => {
		for (let round = 0; round < 2000; round++) {
			const { short, long } = shortAndLonger();
			if (long.length < short.length) continue;
			const { codes, starts } = pool([short, long]);
			const [first, last] = endWindowBounds(codes, starts[0], short.length, starts[1], long.length);
			const n = short.length;
			expect(first).toBeLessThanOrEqual(editDistanceWithin(short, long.slice(0, n), n));
			expect(last).toBeLessThanOrEqual(editDistanceWithin(short, long.slice(long.length - n), n));
		}
	});
	it("is exact up to the limit and above it beyond", () => {
		for (let round = 0; round < 2000; round++) {
			const { short, long } = shortAndLonger();
			if (long.length < short.length) continue;
			const { codes, starts } = pool([short, long]);
			const exact = endWindowBounds(codes, starts[0], short.length, starts[1], long.length);
			const limit = Math.floor(random() * 12);
			const bounded = endWindowBounds(codes, starts[0], short.length, starts[1], long.length, limit);
			for (const w of [0, 1]) {
				if (exact[w] <= limit) expect(bounded[w]).toBe(exact[w]);
				else expect(bounded[w]).toBeGreaterThan(limit);
			}
		}
		// No counts left behind by a window that stopped early.
		const { codes, starts } = pool(["甲乙丙丁戊己", "庚辛壬癸庚辛壬癸庚辛壬癸甲乙丙丁戊己"]);
		const once = endWindowBounds(codes, starts[0], 6, starts[1], 18);
		endWindowBounds(codes, starts[0], 6, starts[1], 18, 1);
		expect(endWindowBounds(codes, starts[0], 6, starts[1], 18)).toEqual(once);
	});
	it("leaves no counts behind: the same question gets the same answer", () => {
		const { codes, starts } = pool(["甲乙丙丁戊己", "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸"]);
		const once = endWindowBounds(codes, starts[0], 6, starts[1], 20);
		expect(endWindowBounds(codes, starts[0], 6, starts[1], 20)).toEqual(once);
		expect(once).toEqual([0, 4]);
	});
});

describe("oneEditNeighbours", () => {
	it("finds exactly the strings one edit away, sorted", () => {
		for (let round = 0; round < 300; round++) {
			const alphabet = pick(["ab", "甲乙丙", "天地玄黄宇宙洪荒"]);
			const base = Array.from({ length: 1 + Math.floor(random() * 4) }, () => text(Math.floor(random() * 14), alphabet));
			const keys = [...new Set(Array.from({ length: Math.floor(random() * 30) }, () => mutate(pick(base), Math.floor(random() * 3), alphabet)))];
			const expected = keys.map((a, i) => keys.flatMap((b, j) => (i !== j && singleEdit(a, b) ? [j] : [])));
			expect(oneEditNeighbours(keys)).toEqual(expected);
		}
	});
	it("gives the same answer through the index, for more keys than are compared pair by pair", () => {
		for (let round = 0; round < 40; round++) {
			const alphabet = pick(["ab", "甲乙丙", "天地玄黄宇宙洪荒"]);
			const base = Array.from({ length: 1 + Math.floor(random() * 6) }, () => text(Math.floor(random() * 14), alphabet));
			const keys = [...new Set(Array.from({ length: 40 + Math.floor(random() * 120) }, () => mutate(pick(base), Math.floor(random() * 3), alphabet)))];
			const expected = keys.map((a, i) => keys.flatMap((b, j) => (i !== j && singleEdit(a, b) ? [j] : [])));
			expect(oneEditNeighbours(keys)).toEqual(expected);
		}
	});
});

describe("comparisonKey", () => {
	const pieces = [
		"新闻", "，", "。", "“", "”", "…", "Ａｂｃ", "ABC", "xyz", "１２３", "　", " ", "\t", "\u200b", "\ufeff", "ﾃﾞ", "ｶ", "ﾞ",
		"Σ", "ΣΑΣ", "İ", "e\u0301", "\u0301", "\u1100\u1161", "\u11a8", "가", "㈱", "ﷺ", "Å", "ﬁ", "𠀀", "😀", "\ud800", "★", "©", "Ⅻ", "ß", "ẞ",
	];
	it("equals the definition (NFKC, no punctuation or spacing, lower case) for every option", () => {
		for (let round = 0; round < 3000; round++) {
			const s = Array.from({ length: Math.floor(random() * 8) }, () => pick(pieces)).join("");
			for (const options of [{}, { ignoreCase: false }, { ignoreWidth: false }, { ignoreCase: false, ignoreWidth: false }]) {
				const key = definedKey(s, options);
				expect(comparisonKey(s, options)).toBe(key);
				const p = codeUnitPool(1);
				appendComparisonKey(p, "前", options);
				const length = appendComparisonKey(p, s, options);
				expect(String.fromCharCode(...p.codes.subarray(p.length - length, p.length))).toBe(key);
			}
		}
	});
	it("keys ranges of a document read from its code units like the slices themselves", () => {
		for (let round = 0; round < 300; round++) {
			const parts = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(pieces) + (random() < 0.2 ? String.fromCharCode(Math.floor(random() * 0x10000)) : ""));
			const doc = parts.join("");
			const units = utf16Units(doc);
			const p = codeUnitPool(1);
			for (let r = 0; r < 4; r++) {
				const from = Math.floor(random() * (doc.length + 1));
				const to = from + Math.floor(random() * (doc.length - from + 1));
				const options: NormalizeOptions = { ignoreCase: random() < 0.5, ignoreWidth: random() < 0.5 };
				const length = appendComparisonKeyOf(p, doc, units, from, to, options);
				expect(String.fromCharCode(...p.codes.subarray(p.length - length, p.length))).toBe(comparisonKey(doc.slice(from, to), options));
			}
		}
	});
});
