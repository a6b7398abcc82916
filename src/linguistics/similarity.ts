/**
 * Fast similarity measures for finding copies of text inside one document:
 * a content-defined sample of character shingles (candidate pairs without
 * comparing every pair), a banded edit distance to verify them, and a
 * one-edit index for short lines. Everything is linear or near-linear in the
 * document length; only candidate pairs pay for exact comparison.
 */
import { lazy, loadDataFile } from "./ocr/data.js";

/** Mixes a 32-bit value (murmur3 finaliser), so that sampling by hash value is unbiased. */
function mix(x: number): number {
	x ^= x >>> 16;
	x = Math.imul(x, 0x85ebca6b);
	x ^= x >>> 13;
	x = Math.imul(x, 0xc2b2ae35);
	x ^= x >>> 16;
	return x >>> 0;
}

const BASE = 0x01000193;

/**
 * A content-defined sample of the character `k`-grams of `s`: the hashes of
 * those k-grams whose hash falls into one `rate`-th of the hash space
 * (Broder's mod-p sampling). Two copies of a text sample the same k-grams
 * wherever the copies sit, so shared samples find copies and contained
 * copies without comparing every pair. A rolling hash keeps this O(|s|).
 */
export function sampledShingles(s: string, k: number, rate: number): number[] {
	const out = new Set<number>();
	if (s.length < k) return [];
	let top = 1; // BASE^(k-1), to roll the oldest character out
	for (let i = 1; i < k; i++) top = Math.imul(top, BASE);
	let h = 0;
	for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
	for (let i = k; ; i++) {
		const m = mix(h);
		if (m % rate === 0) out.add(m);
		if (i >= s.length) break;
		h = (Math.imul(h - Math.imul(s.charCodeAt(i - k), top), BASE) + s.charCodeAt(i)) | 0;
	}
	return [...out];
}

/**
 * Pairs `[i, j, shared]` (i < j) of items that share `shared` sampled
 * shingles. Shingles held by more than `maxPostings` items are boilerplate
 * and are skipped (counted per item in `skipped`), which keeps the cost
 * linear in the number of samples.
 */
export function sharedShingles(
	samples: readonly (readonly number[])[],
	maxPostings = 32,
): { pairs: Array<[number, number, number]>; skipped: number[] } {
	const n = samples.length;
	const postings = new Map<number, number[]>();
	samples.forEach((list, i) => {
		for (const h of list) {
			const p = postings.get(h);
			if (p) p.push(i);
			else postings.set(h, [i]);
		}
	});
	const counts = new Map<number, number>();
	const skipped = new Array<number>(n).fill(0);
	for (const list of postings.values()) {
		if (list.length < 2) continue;
		if (list.length > maxPostings) {
			for (const i of list) skipped[i]++;
			continue;
		}
		for (let y = 1; y < list.length; y++) {
			for (let x = 0; x < y; x++) {
				const id = list[x] * n + list[y];
				counts.set(id, (counts.get(id) ?? 0) + 1);
			}
		}
	}
	return { pairs: [...counts].map(([id, c]) => [Math.floor(id / n), id % n, c]), skipped };
}

/**
 * Levenshtein distance of `a` and `b` if it is at most `max`, else
 * `Infinity`. Only a diagonal band of width 2·max+1 is computed: O(n·max).
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return Infinity;
	if (a === b) return 0;
	const n = a.length;
	const m = b.length;
	const INF = max + 1;
	let prev = new Array<number>(m + 1);
	let cur = new Array<number>(m + 1);
	for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : INF;
	cur.fill(INF);
	for (let i = 1; i <= n; i++) {
		const lo = Math.max(1, i - max);
		const hi = Math.min(m, i + max);
		// Cells just outside the band read as "too far"; the rest of the row is never read.
		cur[0] = i <= max ? i : INF;
		if (lo - 1 > 0) cur[lo - 1] = INF;
		if (hi + 1 <= m) cur[hi + 1] = INF;
		let rowMin = lo === 1 ? cur[0] : INF;
		const ca = a.charCodeAt(i - 1);
		for (let j = lo; j <= hi; j++) {
			const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
			const v = Math.min(prev[j - 1] + cost, prev[j] + 1, cur[j - 1] + 1);
			cur[j] = v > INF ? INF : v;
			if (cur[j] < rowMin) rowMin = cur[j];
		}
		if (rowMin > max) return Infinity;
		[prev, cur] = [cur, prev];
	}
	return prev[m] <= max ? prev[m] : Infinity;
}

/**
 * Where two strings of edit distance one differ: the differing characters of
 * `a` and `b` (empty for an insertion or deletion), or undefined when the
 * distance is not exactly one.
 */
export function singleEdit(a: string, b: string): { a: string; b: string } | undefined {
	if (a === b || Math.abs(a.length - b.length) > 1) return undefined;
	let p = 0;
	while (p < a.length && p < b.length && a[p] === b[p]) p++;
	let ea = a.length;
	let eb = b.length;
	while (ea > p && eb > p && a[ea - 1] === b[eb - 1]) {
		ea--;
		eb--;
	}
	if (ea - p > 1 || eb - p > 1) return undefined;
	return { a: a.slice(p, ea), b: b.slice(p, eb) };
}

/**
 * Groups of strings that are within one edit (substitution, insertion or
 * deletion) of each other, found with the symmetric-delete index: two
 * strings are one edit apart only if they share a one-deletion variant or
 * one is a deletion variant of the other. Cost O(Σ length²) over the
 * strings, which are short lines here. Returns, for each string, the indices
 * of its one-edit neighbours.
 */
export function oneEditNeighbours(keys: readonly string[]): number[][] {
	const byVariant = new Map<string, number[]>();
	const add = (variant: string, i: number) => {
		let list = byVariant.get(variant);
		if (!list) byVariant.set(variant, (list = []));
		if (list[list.length - 1] !== i) list.push(i);
	};
	keys.forEach((k, i) => {
		add(k, i);
		for (let p = 0; p < k.length; p++) add(k.slice(0, p) + k.slice(p + 1), i);
	});
	const neighbours = keys.map(() => new Set<number>());
	for (const list of byVariant.values()) {
		if (list.length < 2) continue;
		for (const i of list) for (const j of list) if (i !== j && singleEdit(keys[i], keys[j])) neighbours[i].add(j);
	}
	return neighbours.map((s) => [...s].sort((x, y) => x - y));
}

const lookalikes = lazy(() => {
	const glyphs = loadDataFile<{ neighbours: Record<string, string> }>("glyph-neighbours.json");
	const curated = loadDataFile<{ pairs: Array<[string, string, number]> }>("ocr-confusions.json");
	const pairs = new Set<string>();
	for (const [ch, encoded] of Object.entries(glyphs.neighbours)) {
		// The whole list: the rest of the line being identical is the stronger evidence here.
		for (const entry of encoded.split(" ")) {
			const other = String.fromCodePoint(entry.codePointAt(0)!);
			pairs.add(ch + other).add(other + ch);
		}
	}
	for (const [a, b] of curated.pairs) pairs.add(a + b).add(b + a);
	return { pairs, known: new Set(Object.keys(glyphs.neighbours)) };
});

/**
 * Whether OCR could plausibly have read `a` as `b`: a known look-alike pair,
 * or a Han character outside the common set the glyph table covers (OCR
 * output is where such rare characters come from).
 */
export function couldBeMisread(a: string, b: string): boolean {
	const { pairs, known } = lookalikes();
	if (pairs.has(a + b)) return true;
	const rareHan = (c: string) => /^\p{Script=Han}$/u.test(c) && !known.has(c);
	return rareHan(a) || rareHan(b);
}
