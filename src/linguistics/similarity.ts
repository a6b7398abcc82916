/**
 * Fast similarity measures for finding copies of text inside one document:
 * character shingles, MinHash signatures with LSH banding (candidate pairs
 * without comparing every pair), a banded edit distance to verify them, and
 * a one-edit index for short lines. Everything is linear or near-linear in
 * the document length; only candidate pairs pay for exact comparison.
 */

/** 32-bit FNV-1a of `s[start, end)`. */
function hashRange(s: string, start: number, end: number): number {
	let h = 0x811c9dc5;
	for (let i = start; i < end; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** The set of hashed character `k`-grams of `s` (the whole string when it is shorter than `k`). */
export function shingles(s: string, k: number): Set<number> {
	const out = new Set<number>();
	if (s.length <= k) {
		if (s.length) out.add(hashRange(s, 0, s.length));
		return out;
	}
	for (let i = 0; i + k <= s.length; i++) out.add(hashRange(s, i, i + k));
	return out;
}

/** Jaccard similarity |A∩B| / |A∪B| of two shingle sets. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
	if (a.size === 0 && b.size === 0) return 1;
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let inter = 0;
	for (const x of small) if (large.has(x)) inter++;
	return inter / (a.size + b.size - inter);
}

/** Mixes a 32-bit value (murmur3 finaliser), so that seeded hashes behave as independent permutations. */
function mix(x: number): number {
	x ^= x >>> 16;
	x = Math.imul(x, 0x85ebca6b);
	x ^= x >>> 13;
	x = Math.imul(x, 0xc2b2ae35);
	x ^= x >>> 16;
	return x >>> 0;
}

/** A MinHash signature of `size` values: two sets agree on each value with probability equal to their Jaccard similarity. */
export function minHash(set: ReadonlySet<number>, size: number): Uint32Array {
	const sig = new Uint32Array(size).fill(0xffffffff);
	for (const x of set) {
		for (let i = 0; i < size; i++) {
			const h = mix(x ^ Math.imul(i + 1, 0x9e3779b1));
			if (h < sig[i]) sig[i] = h;
		}
	}
	return sig;
}

/**
 * Candidate pairs `[i, j]` (i < j) of items whose signatures agree on every
 * row of at least one band (LSH banding). With `bands × rows` = signature
 * size, pairs with Jaccard s are found with probability 1 − (1 − s^rows)^bands.
 */
export function lshCandidates(signatures: readonly Uint32Array[], bands: number, rows: number): Array<[number, number]> {
	const seen = new Set<string>();
	const pairs: Array<[number, number]> = [];
	for (let b = 0; b < bands; b++) {
		const buckets = new Map<string, number[]>();
		for (let i = 0; i < signatures.length; i++) {
			const key = Array.from(signatures[i].subarray(b * rows, b * rows + rows)).join(",");
			let list = buckets.get(key);
			if (!list) buckets.set(key, (list = []));
			list.push(i);
		}
		for (const list of buckets.values()) {
			for (let x = 0; x < list.length; x++) {
				for (let y = x + 1; y < list.length; y++) {
					const id = `${list[x]},${list[y]}`;
					if (seen.has(id)) continue;
					seen.add(id);
					pairs.push([list[x], list[y]]);
				}
			}
		}
	}
	return pairs;
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
