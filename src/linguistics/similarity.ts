/**
 * Fast similarity measures for finding copies of text inside one document:
 * a content-defined sample of character shingles (candidate pairs without
 * comparing every pair), a banded edit distance to verify them, and a
 * one-edit index for short lines. Everything is linear or near-linear in the
 * document length; only candidate pairs pay for exact comparison.
 */
import { lazy, loadDataFile } from "./ocr/data.js";

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
	// Fibonacci hashing: the top bits of h·φ are well mixed, so "below 2^32 / rate" samples one k-gram in `rate`.
	const threshold = Math.floor(0x100000000 / rate);
	for (let i = k; ; i++) {
		const m = Math.imul(h, 0x9e3779b1) >>> 0;
		if (m < threshold) out.add(m);
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
 * For each string, the indices of the strings within one edit
 * (substitution, insertion or deletion) of it, found with the
 * symmetric-delete index: two strings are one edit apart only if they share a
 * one-deletion variant or one is a deletion variant of the other. Variants
 * are hashed (prefix and suffix polynomial hashes, no string building), so
 * the cost is O(Σ length) plus the verification of colliding candidates.
 */
export function oneEditNeighbours(keys: readonly string[]): number[][] {
	const byVariant = new Map<number, number[]>();
	const add = (hash: number, i: number) => {
		const list = byVariant.get(hash);
		if (!list) byVariant.set(hash, [i]);
		else if (list[list.length - 1] !== i) list.push(i);
	};
	const prefix: number[] = [];
	keys.forEach((k, i) => {
		const n = k.length;
		// prefix[p] = hash of k[0, p); the suffix hash of k[p+1, n) is built from the end.
		prefix.length = 0;
		prefix.push(0);
		for (let p = 0; p < n; p++) prefix.push((Math.imul(prefix[p], BASE) + k.charCodeAt(p)) | 0);
		add(lengthTag(prefix[n], n), i);
		let suffix = 0;
		let power = 1;
		for (let p = n - 1; p >= 0; p--) {
			// k without k[p]: prefix[p]·BASE^(n-1-p) + hash of k[p+1, n).
			add(lengthTag((Math.imul(prefix[p], power) + suffix) | 0, n - 1), i);
			suffix = (suffix + Math.imul(k.charCodeAt(p), power)) | 0;
			power = Math.imul(power, BASE);
		}
	});
	const neighbours = keys.map(() => new Set<number>());
	for (const list of byVariant.values()) {
		if (list.length < 2) continue;
		for (const i of list) for (const j of list) if (i !== j && singleEdit(keys[i], keys[j])) neighbours[i].add(j);
	}
	return neighbours.map((set) => [...set].sort((x, y) => x - y));
}

/** Folds the length into a hash, so variants of different lengths rarely collide. */
function lengthTag(hash: number, length: number): number {
	return (Math.imul(hash ^ length, 0x85ebca6b) ^ (length << 24)) >>> 0;
}

const lookalikes = lazy(() => {
	const glyphs = loadDataFile<{ neighbours: Record<string, string> }>("glyph-neighbours.json").neighbours;
	const curated = new Set<string>();
	for (const [a, b] of loadDataFile<{ pairs: Array<[string, string, number]> }>("ocr-confusions.json").pairs) curated.add(a + b).add(b + a);
	return { glyphs, curated };
});

/** Whether `b` is on `a`'s look-alike list ("纪83 杞82 …"): the whole list, since the rest of the line being identical is the stronger evidence. */
function listed(glyphs: Record<string, string>, a: string, b: string): boolean {
	const list = glyphs[a];
	if (!list) return false;
	for (let at = list.indexOf(b); at !== -1; at = list.indexOf(b, at + 1)) if (at === 0 || list[at - 1] === " ") return true;
	return false;
}

/**
 * Whether OCR could plausibly have read `a` as `b`: a known look-alike pair,
 * or a Han character outside the common set the glyph table covers (OCR
 * output is where such rare characters come from).
 */
export function couldBeMisread(a: string, b: string): boolean {
	const { glyphs, curated } = lookalikes();
	if (curated.has(a + b) || listed(glyphs, a, b) || listed(glyphs, b, a)) return true;
	const rareHan = (c: string) => /^\p{Script=Han}$/u.test(c) && !(c in glyphs);
	return rareHan(a) || rareHan(b);
}
