/**
 * Fast similarity measures for finding copies of text inside one document:
 * a content-defined sample of character shingles (candidate pairs without
 * comparing every pair), a banded edit distance to verify them, and a
 * one-edit index for short lines. Everything is linear or near-linear in the
 * document length; only candidate pairs pay for exact comparison.
 */
import { lazy, loadDataFile } from "./ocr/data.js";

const BASE = 0x01000193;
/** 2^32/φ: multiplying by it mixes a hash into its top bits (Fibonacci hashing). */
const FIBONACCI = 0x9e3779b1;

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
 * `sharedShingles` of `sampledShingles` of many keys at once, for keys held
 * as code units in one pool (key `i` is `codes[starts[i], starts[i] +
 * lengths[i])`), with the same pairs in the same order, flat (`i, j,
 * shared, i, j, shared, …`: one array, not one per pair), and `sizes[i]` the
 * number of samples of key `i`. An open-addressing table of typed arrays
 * replaces a set of samples per key and a map of postings.
 */
export function sampledShinglePairs(
	codes: Uint16Array,
	starts: ArrayLike<number>,
	lengths: ArrayLike<number>,
	k: number,
	rate: number,
	maxPostings = 32,
): { pairs: number[]; skipped: number[]; sizes: number[] } {
	const n = lengths.length;
	let positions = 0;
	for (let i = 0; i < n; i++) if (lengths[i] >= k) positions += lengths[i] - k + 1;
	const s = sampleScratch(positions + 1, n + 1);
	const { samples, keyStart, seen } = s;
	let top = 1;
	for (let i = 1; i < k; i++) top = Math.imul(top, BASE);
	// The sampled value m = h·φ rolls on its own: m' = (m − out·top·φ)·BASE + in·φ (mod 2^32), a shorter chain than rolling h and multiplying.
	const outFactor = Math.imul(top, FIBONACCI);
	const threshold = Math.floor(0x100000000 / rate);
	// The samples of every key side by side, in order; `seen` counts each bucket of hashes once, twice or more.
	let taken = 0;
	for (let item = 0; item < n; item++) {
		keyStart[item] = taken;
		const from = starts[item];
		const end = from + lengths[item];
		if (end - from < k) continue;
		const first = taken;
		let h = 0;
		for (let i = from; i < from + k; i++) h = (Math.imul(h, BASE) + codes[i]) | 0;
		let m = Math.imul(h, FIBONACCI);
		// Stored without a branch: one k-gram in `rate` is a coin toss a branch mispredicts.
		samples[taken] = m;
		taken += +(m >>> 0 < threshold);
		for (let i = from + k; i < end; i++) {
			m = (Math.imul(m - Math.imul(codes[i - k], outFactor), BASE) + Math.imul(codes[i], FIBONACCI)) | 0;
			samples[taken] = m;
			taken += +(m >>> 0 < threshold);
		}
		for (let t = first; t < taken; t++) {
			const b = bucketOf(samples[t]);
			seen[b] = ((seen[b] << 1) | 1) & 3;
		}
	}
	keyStart[n] = taken;
	// Most samples are the only one of their bucket in the document: a posting of one key, which pairs with
	// nothing and is never skipped. Only the others go into the table, in the order they were sampled.
	const t0 = shingleScratch(taken);
	const { slots, postingHash, head, tail, size, item: entryItem, next, mask, shift } = t0;
	slots.fill(0, 0, mask + 1);
	// Plain arrays: per-document results this small are cheaper on the heap than in a fresh buffer.
	const sizes = new Array<number>(n).fill(0);
	let postings = 0;
	let entries = 0;
	for (let item = 0; item < n; item++) {
		const last = keyStart[item + 1];
		let alone = 0;
		for (let t = keyStart[item]; t < last; t++) {
			const m = samples[t];
			if (seen[bucketOf(m)] === 1) {
				alone++;
				continue;
			}
			let slot = Math.imul(m, 0x85ebca6b) >>> shift;
			let p = slots[slot] - 1;
			while (p >= 0 && postingHash[p] !== m) {
				slot = (slot + 1) & mask;
				p = slots[slot] - 1;
			}
			if (p < 0) {
				// A new hash: postings are numbered in the order their hash is first sampled.
				p = postings++;
				slots[slot] = p + 1;
				postingHash[p] = m;
				head[p] = tail[p] = entries;
				size[p] = 1;
				entryItem[entries] = item;
				next[entries++] = -1;
				alone++;
			} else if (entryItem[tail[p]] !== item) {
				// Keys are sampled in order, so a repeat within one key meets its own entry at the tail.
				next[tail[p]] = entries;
				tail[p] = entries;
				size[p]++;
				entryItem[entries] = item;
				next[entries++] = -1;
				alone++;
			}
		}
		sizes[item] = alone;
	}
	for (let t = 0; t < taken; t++) seen[bucketOf(samples[t])] = 0;
	const skipped = new Array<number>(n).fill(0);
	let increments = 0;
	for (let p = 0; p < postings; p++) {
		if (size[p] > maxPostings) for (let e = head[p]; e >= 0; e = next[e]) skipped[entryItem[e]]++;
		else increments += (size[p] * (size[p] - 1)) / 2;
	}
	// Pair counts in a second table, numbered in order of first sight: the order a map would keep.
	const t = pairScratch(increments);
	const { x: pairX, y: pairY, count: pairCount, slots: pairSlots } = t;
	pairSlots.fill(0, 0, t.mask + 1);
	let pairs = 0;
	for (let p = 0; p < postings; p++) {
		if (size[p] < 2 || size[p] > maxPostings) continue;
		for (let ey = next[head[p]]; ey >= 0; ey = next[ey]) {
			const y = entryItem[ey];
			for (let ex = head[p]; ex !== ey; ex = next[ex]) {
				const x = entryItem[ex];
				let slot = Math.imul((Math.imul(x, 0x9e3779b1) + y) | 0, 0x85ebca6b) >>> t.shift;
				let q = pairSlots[slot] - 1;
				while (q >= 0 && (pairX[q] !== x || pairY[q] !== y)) {
					slot = (slot + 1) & t.mask;
					q = pairSlots[slot] - 1;
				}
				if (q >= 0) pairCount[q]++;
				else {
					pairSlots[slot] = pairs + 1;
					pairX[pairs] = x;
					pairY[pairs] = y;
					pairCount[pairs++] = 1;
				}
			}
		}
	}
	const out = new Array<number>(3 * pairs);
	for (let q = 0; q < pairs; q++) {
		out[3 * q] = pairX[q];
		out[3 * q + 1] = pairY[q];
		out[3 * q + 2] = pairCount[q];
	}
	return { pairs: out, skipped, sizes };
}

/** Buckets for counting samples: a few hundred samples per document rarely share one, and the counts stay in cache. */
const SEEN_BUCKETS = 1 << 14;

/** The bucket of a sample: equal hashes share a bucket, so a bucket counted once holds a hash sampled once. */
function bucketOf(m: number): number {
	return (m ^ (m >>> 16)) & (SEEN_BUCKETS - 1);
}

interface SampleScratch {
	samples: Uint32Array;
	/** Where each key's samples begin in `samples` (and where the last one ends). */
	keyStart: Int32Array;
	/** Per bucket: 0 no sample, 1 one sample, 3 more (all zero between calls). */
	seen: Uint8Array;
}

let sampleTable: SampleScratch | undefined;

function sampleScratch(samples: number, keys: number): SampleScratch {
	let s = sampleTable;
	if (!s || s.samples.length < samples || s.keyStart.length < keys) {
		s = sampleTable = {
			samples: s && s.samples.length >= samples ? s.samples : new Uint32Array(Math.max(samples, 2 * (s?.samples.length ?? 0), 1024)),
			keyStart: s && s.keyStart.length >= keys ? s.keyStart : new Int32Array(Math.max(keys, 2 * (s?.keyStart.length ?? 0), 64)),
			seen: s?.seen ?? new Uint8Array(SEEN_BUCKETS),
		};
	}
	return s;
}

interface PairScratch {
	shift: number;
	mask: number;
	slots: Int32Array;
	x: Int32Array;
	y: Int32Array;
	count: Int32Array;
}

let pairTable: PairScratch | undefined;

function pairScratch(entries: number): PairScratch {
	const bits = tableBits(entries);
	let t = pairTable;
	if (!t || t.x.length < entries || t.slots.length < 1 << bits) {
		const capacity = Math.max(entries, 2 * (t?.x.length ?? 0), 256);
		t = pairTable = {
			shift: 0,
			mask: 0,
			slots: new Int32Array(Math.max(1 << bits, t?.slots.length ?? 0)),
			x: new Int32Array(capacity),
			y: new Int32Array(capacity),
			count: new Int32Array(capacity),
		};
	}
	t.shift = 32 - bits;
	t.mask = (1 << bits) - 1;
	return t;
}

/** log2 of an open-addressing table at most half full with `entries` (a Map stops at 2^24 entries; so do these tables at 2^29). */
function tableBits(entries: number): number {
	if (entries > 2 ** 29) throw new RangeError(`too many entries for one document: ${entries}`);
	let bits = 4;
	while (1 << bits < 2 * entries) bits++;
	return bits;
}

interface ShingleScratch {
	mask: number;
	/** 32 − log2(table size): the top bits of a multiplicative hash pick the slot. */
	shift: number;
	/** Open-addressing table: posting number + 1 per slot, 0 when empty. */
	slots: Int32Array;
	postingHash: Uint32Array;
	head: Int32Array;
	tail: Int32Array;
	size: Int32Array;
	item: Int32Array;
	next: Int32Array;
}

let scratch: ShingleScratch | undefined;

/** Buffers for up to `entries` samples, reused across documents and grown on demand. */
function shingleScratch(entries: number): ShingleScratch {
	const bits = tableBits(entries);
	if (!scratch || scratch.item.length < entries || scratch.slots.length < 1 << bits) {
		const capacity = Math.max(entries, 2 * (scratch?.item.length ?? 0), 256);
		const slotCount = Math.max(1 << bits, scratch?.slots.length ?? 0);
		scratch = {
			mask: 0,
			shift: 0,
			slots: new Int32Array(slotCount),
			postingHash: new Uint32Array(capacity),
			head: new Int32Array(capacity),
			tail: new Int32Array(capacity),
			size: new Int32Array(capacity),
			item: new Int32Array(capacity),
			next: new Int32Array(capacity),
		};
	}
	scratch.mask = (1 << bits) - 1;
	scratch.shift = 32 - bits;
	return scratch;
}

/**
 * `editDistanceWithin` of the code-unit ranges `codes[a, a + n)` and
 * `codes[b, b + m)` (`max` a whole number). Two texts whose characters differ
 * as a multiset by more than `max` are rejected in linear time: each edit
 * removes at most one surplus character from either side.
 */
export function editDistanceWithinCodes(codes: Uint16Array, a: number, n: number, b: number, m: number, max: number): number {
	if (Math.abs(n - m) > max) return Infinity;
	if (multisetDistance(codes, a, n, b, m) > max) return Infinity;
	const INF = max + 1;
	if (rowScratch.length < 2 * (m + 1)) rowScratch = new Int32Array(2 * (m + 1) + 64);
	let prev = rowScratch.subarray(0, m + 1);
	let cur = rowScratch.subarray(m + 1, 2 * (m + 1));
	for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : INF;
	cur.fill(INF);
	for (let i = 1; i <= n; i++) {
		const lo = Math.max(1, i - max);
		const hi = Math.min(m, i + max);
		cur[0] = i <= max ? i : INF;
		if (lo - 1 > 0) cur[lo - 1] = INF;
		if (hi + 1 <= m) cur[hi + 1] = INF;
		let rowMin = lo === 1 ? cur[0] : INF;
		const ca = codes[a + i - 1];
		let left = cur[lo - 1];
		for (let j = lo; j <= hi; j++) {
			let v = prev[j - 1] + (ca === codes[b + j - 1] ? 0 : 1);
			const up = prev[j] + 1;
			if (up < v) v = up;
			if (left + 1 < v) v = left + 1;
			if (v > INF) v = INF;
			cur[j] = v;
			left = v;
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return Infinity;
		const t = prev;
		prev = cur;
		cur = t;
	}
	return prev[m] <= max ? prev[m] : Infinity;
}

let rowScratch: Int32Array = new Int32Array(0);
let tally: Int32Array | undefined;
/** Counts per code unit modulo the table size: a small table stays in cache, and merged counts still bound from below. */
const TALLY_MASK = 0xfff;

/** max(surplus of one side, surplus of the other) over the two ranges' character counts: a lower bound of the edit distance. */
function multisetDistance(codes: Uint16Array, a: number, n: number, b: number, m: number): number {
	const count = (tally ??= new Int32Array(TALLY_MASK + 1));
	for (let i = a; i < a + n; i++) count[codes[i] & TALLY_MASK]++;
	for (let j = b; j < b + m; j++) count[codes[j] & TALLY_MASK]--;
	let surplusA = 0;
	let surplusB = 0;
	// Every touched count is read and reset: the table is all zeros between calls.
	for (let i = a; i < a + n; i++) {
		const c = codes[i] & TALLY_MASK;
		const v = count[c];
		if (v > 0) {
			surplusA += v;
			count[c] = 0;
		}
	}
	for (let j = b; j < b + m; j++) {
		const c = codes[j] & TALLY_MASK;
		if (count[c] < 0) surplusB -= count[c];
		count[c] = 0;
	}
	return Math.max(surplusA, surplusB);
}

/**
 * Lower bounds of the edit distance between `codes[a, a + n)` and the first
 * and the last `n` units of `codes[b, b + m)` (`m ≥ n`), from character
 * counts. A bound above `limit` may be reported as any number above it: the
 * count of a window stops as soon as it has passed the limit, which for
 * unrelated texts is after a small part of the window.
 */
export function endWindowBounds(codes: Uint16Array, a: number, n: number, b: number, m: number, limit = Infinity): [number, number] {
	const count = (tally ??= new Int32Array(TALLY_MASK + 1));
	for (let i = a; i < a + n; i++) count[codes[i] & TALLY_MASK]++;
	const first = windowSurplus(count, codes, b, n, limit);
	// Put the part of the first window that was counted back: the counts are the short text's again.
	for (let j = b; j < b + counted; j++) count[codes[j] & TALLY_MASK]++;
	const last = windowSurplus(count, codes, b + m - n, n, limit);
	// Only the short text's buckets and the counted part of the last window can be non-zero.
	for (let i = a; i < a + n; i++) count[codes[i] & TALLY_MASK] = 0;
	for (let j = b + m - n; j < b + m - n + counted; j++) count[codes[j] & TALLY_MASK] = 0;
	return [first, last];
}

/** Units `windowSurplus` took out of the counts. */
let counted = 0;

/**
 * Σ max(0, count) once the `n` units from `from` are taken out of the counts
 * (characters of the short text the window lacks), or, once more than
 * `limit` window units have found no partner, that number: every unit still
 * to come can lower the surplus by at most one.
 */
function windowSurplus(count: Int32Array, codes: Uint16Array, from: number, n: number, limit: number): number {
	let unmatched = 0;
	for (let j = from; j < from + n; j++) {
		unmatched += +(count[codes[j] & TALLY_MASK]-- <= 0);
		if (unmatched > limit) {
			counted = j + 1 - from;
			return unmatched;
		}
	}
	counted = n;
	return unmatched;
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
 * are hashed (prefix and suffix polynomial hashes, no string building) into an
 * open-addressing table of typed arrays, so the cost is O(Σ length) plus the
 * verification of colliding candidates. Hashes only propose candidates:
 * `singleEdit` decides, so the answer is exactly the one-edit neighbours.
 */
export function oneEditNeighbours(keys: readonly string[]): number[][] {
	if (keys.length <= DIRECT_NEIGHBOURS) return directNeighbours(keys);
	let variants = 0;
	for (const k of keys) variants += k.length + 1;
	const t = variantScratch(variants);
	const { slots, tag, head, tail, size, item, next, shift, mask } = t;
	slots.fill(0, 0, mask + 1);
	let postings = 0;
	let entries = 0;
	const add = (hash: number, i: number) => {
		let slot = Math.imul(hash, 0x9e3779b1) >>> shift;
		let p = slots[slot] - 1;
		while (p >= 0 && tag[p] !== hash) {
			slot = (slot + 1) & mask;
			p = slots[slot] - 1;
		}
		if (p < 0) {
			p = postings++;
			slots[slot] = p + 1;
			tag[p] = hash;
			head[p] = tail[p] = entries;
			size[p] = 1;
		} else if (item[tail[p]] === i) return;
		else {
			next[tail[p]] = entries;
			tail[p] = entries;
			size[p]++;
		}
		item[entries] = i;
		next[entries++] = -1;
	};
	let prefix = t.prefix;
	for (let i = 0; i < keys.length; i++) {
		const k = keys[i];
		const n = k.length;
		if (prefix.length < n + 1) prefix = t.prefix = new Int32Array(2 * n + 2);
		// prefix[p] = hash of k[0, p); the suffix hash of k[p+1, n) is built from the end.
		prefix[0] = 0;
		for (let p = 0; p < n; p++) prefix[p + 1] = (Math.imul(prefix[p], BASE) + k.charCodeAt(p)) | 0;
		add(lengthTag(prefix[n], n), i);
		let suffix = 0;
		let power = 1;
		for (let p = n - 1; p >= 0; p--) {
			// k without k[p]: prefix[p]·BASE^(n-1-p) + hash of k[p+1, n).
			add(lengthTag((Math.imul(prefix[p], power) + suffix) | 0, n - 1), i);
			suffix = (suffix + Math.imul(k.charCodeAt(p), power)) | 0;
			power = Math.imul(power, BASE);
		}
	}
	const found: number[] = [];
	for (let p = 0; p < postings; p++) {
		if (size[p] < 2) continue;
		for (let x = head[p]; x >= 0; x = next[x]) {
			for (let y = next[x]; y >= 0; y = next[y]) {
				if (withinOneEdit(keys[item[x]], keys[item[y]])) found.push(item[x], item[y]);
			}
		}
	}
	const neighbours: number[][] = keys.map(() => []);
	for (let f = 0; f < found.length; f += 2) {
		neighbours[found[f]].push(found[f + 1]);
		neighbours[found[f + 1]].push(found[f]);
	}
	for (const list of neighbours) if (list.length > 1) dedupeSorted(list.sort((x, y) => x - y));
	return neighbours;
}

/** Up to this many keys (a document's captions, typically a handful), comparing every pair beats building the index. */
const DIRECT_NEIGHBOURS = 32;

/** `oneEditNeighbours` by comparing every pair of keys whose lengths differ by at most one; lists come out sorted. */
function directNeighbours(keys: readonly string[]): number[][] {
	const neighbours: number[][] = [];
	for (let i = 0; i < keys.length; i++) neighbours.push([]);
	for (let i = 0; i < keys.length; i++) {
		const a = keys[i];
		for (let j = i + 1; j < keys.length; j++) {
			const b = keys[j];
			if (b.length - a.length <= 1 && a.length - b.length <= 1 && withinOneEdit(a, b)) {
				neighbours[i].push(j);
				neighbours[j].push(i);
			}
		}
	}
	return neighbours;
}

/** Whether `singleEdit(a, b)` finds an edit, without building its answer. */
function withinOneEdit(a: string, b: string): boolean {
	if (a === b) return false;
	let p = 0;
	const shorter = Math.min(a.length, b.length);
	while (p < shorter && a.charCodeAt(p) === b.charCodeAt(p)) p++;
	let ea = a.length;
	let eb = b.length;
	while (ea > p && eb > p && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) {
		ea--;
		eb--;
	}
	return ea - p <= 1 && eb - p <= 1;
}

/** Removes repeats from a sorted list, in place. */
function dedupeSorted(list: number[]): void {
	let w = 1;
	for (let r = 1; r < list.length; r++) if (list[r] !== list[w - 1]) list[w++] = list[r];
	list.length = w;
}

interface VariantScratch {
	shift: number;
	mask: number;
	slots: Int32Array;
	tag: Uint32Array;
	head: Int32Array;
	tail: Int32Array;
	size: Int32Array;
	item: Int32Array;
	next: Int32Array;
	prefix: Int32Array;
}

let variantTable: VariantScratch | undefined;

function variantScratch(entries: number): VariantScratch {
	const bits = tableBits(entries);
	let t = variantTable;
	if (!t || t.item.length < entries || t.slots.length < 1 << bits) {
		const capacity = Math.max(entries, 2 * (t?.item.length ?? 0), 256);
		t = variantTable = {
			shift: 0,
			mask: 0,
			slots: new Int32Array(Math.max(1 << bits, t?.slots.length ?? 0)),
			tag: new Uint32Array(capacity),
			head: new Int32Array(capacity),
			tail: new Int32Array(capacity),
			size: new Int32Array(capacity),
			item: new Int32Array(capacity),
			next: new Int32Array(capacity),
			prefix: t?.prefix ?? new Int32Array(64),
		};
	}
	t.shift = 32 - bits;
	t.mask = (1 << bits) - 1;
	return t;
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
