/**
 * The word counts of jieba's dictionary (words of up to four characters, the
 * only ones the detectors ask about) in a compact binary form:
 * data/lexicon.bin, generated from `@node-rs/jieba/dict.txt` by
 * `npx tsx scripts/build-lexicon.ts`, checked against it by
 * test/linguistics/lexicon.test.ts.
 *
 * Why binary: parsing the 5 MB dict.txt into a Map of 342 k strings took
 * ~150 ms and ~50 MB in every process and every worker thread; the binary
 * loads in a few milliseconds, and its typed arrays take 3.6 MB.
 *
 * Layout (little-endian, every array 4-byte aligned):
 *   "CLX1", u32 n1, u32 n2, u32 nLong, f64 total (all words, any length),
 *   u16 single[n1] (+ padding), u32 singleCounts[n1],
 *   u32 pair[n2] (a << 16 | b), u32 pairCounts[n2],
 *   u32 longHi[nLong] (a << 16 | b), u32 longLo[nLong] (c << 16 | d, d = 0 for three characters),
 *   u32 longCounts[nLong]
 * Each group is sorted by key, so a word is found by binary search.
 */

export interface Lexicon {
	/** Sum of the counts of every dictionary word, to turn counts into probabilities. */
	total: number;
	single: Uint16Array;
	singleCounts: Uint32Array;
	pair: Uint32Array;
	pairCounts: Uint32Array;
	longHi: Uint32Array;
	longLo: Uint32Array;
	longCounts: Uint32Array;
}

const MAGIC = 0x31584c43; // "CLX1"
const HEADER_BYTES = 24;
/** Longer words are dropped: the detectors ask only about a character with its neighbours. */
export const MAX_WORD_LENGTH = 4;

const align4 = (n: number) => (n + 3) & ~3;

/** Builds the binary lexicon from the text of jieba's dict.txt ("word count tag" lines). */
export function encodeLexicon(dictText: string): Uint8Array {
	const counts = new Map<string, number>();
	let total = 0;
	for (const line of dictText.split("\n")) {
		const [word, countText] = line.split(" ");
		if (!word || countText === undefined) continue;
		const count = Number(countText);
		if (!Number.isFinite(count)) continue;
		total += count;
		if (word.length <= MAX_WORD_LENGTH && !/[\ud800-\udfff]/.test(word)) counts.set(word, (counts.get(word) ?? 0) + count);
	}
	const byLength = (n: number) => [...counts].filter(([w]) => w.length === n);
	const key = (w: string, i: number) => ((w.charCodeAt(i) << 16) | (i + 1 < w.length ? w.charCodeAt(i + 1) : 0)) >>> 0;
	const single = byLength(1).sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0));
	const pair = byLength(2)
		.map(([w, c]) => [key(w, 0), c] as const)
		.sort((a, b) => a[0] - b[0]);
	const long = [...byLength(3), ...byLength(4)]
		.map(([w, c]) => [key(w, 0), key(w, 2), c] as const)
		.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const size =
		HEADER_BYTES + align4(single.length * 2) + single.length * 4 + pair.length * 8 + long.length * 12;
	const bytes = new Uint8Array(size);
	const view = new DataView(bytes.buffer);
	view.setUint32(0, MAGIC, true);
	view.setUint32(4, single.length, true);
	view.setUint32(8, pair.length, true);
	view.setUint32(12, long.length, true);
	view.setFloat64(16, total, true);
	let at = HEADER_BYTES;
	const put16 = (values: number[]) => {
		for (const v of values) (view.setUint16(at, v, true), (at += 2));
		at = align4(at);
	};
	const put32 = (values: number[]) => {
		for (const v of values) (view.setUint32(at, v, true), (at += 4));
	};
	put16(single.map(([w]) => w.charCodeAt(0)));
	put32(single.map(([, c]) => c));
	put32(pair.map(([k]) => k));
	put32(pair.map(([, c]) => c));
	put32(long.map(([hi]) => hi));
	put32(long.map(([, lo]) => lo));
	put32(long.map(([, , c]) => c));
	return bytes;
}

/** Views the binary lexicon without copying (`bytes` must be 4-byte aligned, as a fresh Buffer from readFileSync of this size is not guaranteed to be: copy first if needed). */
export function decodeLexicon(bytes: Uint8Array): Lexicon {
	const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
	const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
	if (view.getUint32(0, true) !== MAGIC) throw new Error("corpuslint: data/lexicon.bin is not a lexicon file (re-run scripts/build-lexicon.ts)");
	const n1 = view.getUint32(4, true);
	const n2 = view.getUint32(8, true);
	const nLong = view.getUint32(12, true);
	let at = aligned.byteOffset + HEADER_BYTES;
	const buffer = aligned.buffer;
	const take16 = (n: number) => {
		const a = new Uint16Array(buffer, at, n);
		at += align4(n * 2);
		return a;
	};
	const take32 = (n: number) => {
		const a = new Uint32Array(buffer, at, n);
		at += n * 4;
		return a;
	};
	return {
		total: view.getFloat64(16, true),
		single: take16(n1),
		singleCounts: take32(n1),
		pair: take32(n2),
		pairCounts: take32(n2),
		longHi: take32(nLong),
		longLo: take32(nLong),
		longCounts: take32(nLong),
	};
}

/** Index of `key` in the sorted `keys`, or -1. */
export function findKey(keys: Uint32Array | Uint16Array, key: number): number {
	let lo = 0;
	let hi = keys.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >>> 1;
		const k = keys[mid];
		if (k < key) lo = mid + 1;
		else if (k > key) hi = mid - 1;
		else return mid;
	}
	return -1;
}

/** Index of a three- or four-character word, given as its two keys, in the long group; -1 when absent. */
export function longIndex(lexicon: Lexicon, hiKey: number, loKey: number): number {
	const { longHi, longLo } = lexicon;
	let lo = 0;
	let hi = longHi.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >>> 1;
		const h = longHi[mid];
		const l = longLo[mid];
		if (h < hiKey || (h === hiKey && l < loKey)) lo = mid + 1;
		else if (h > hiKey || l > loKey) hi = mid - 1;
		else return mid;
	}
	return -1;
}

/** The two keys of a word of three or four UTF-16 units (the second key's low half is 0 for three). */
export function longKeys(word: string): [number, number] {
	return [
		((word.charCodeAt(0) << 16) | word.charCodeAt(1)) >>> 0,
		((word.charCodeAt(2) << 16) | (word.length === 4 ? word.charCodeAt(3) : 0)) >>> 0,
	];
}
