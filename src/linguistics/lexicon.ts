/**
 * jieba's dictionary in a compact binary form: data/lexicon.bin, generated
 * from `@node-rs/jieba/dict.txt` by `npx tsx scripts/build-lexicon.ts`,
 * checked against it by test/linguistics/lexicon.test.ts. Words of up to four
 * characters (the only ones the detectors ask about) sit in sorted key
 * arrays; the longer ones and the logarithms of the counts are there for the
 * word cutter (word-cut.ts), which needs every word.
 *
 * Why binary: parsing the 5 MB dict.txt into a Map of 349 k strings took
 * ~150 ms and ~50 MB in every process and every worker thread; the binary
 * loads in a few milliseconds, and its typed arrays take 4.5 MB.
 *
 * Layout (little-endian, every array 4-byte aligned, f64 arrays 8-byte aligned):
 *   "CLX3", u32 n1, u32 n2, u32 nLong, u32 nExtra, u32 nExtraUnits, u32 nLog, u32 nPrefix,
 *   f64 total (all words, any length), u32 nInnerFirst, u32 nInner,
 *   u16 single[n1] (+ padding), u32 singleCounts[n1],
 *   u32 pair[n2] (a << 16 | b), u32 pairCounts[n2],
 *   u32 longHi[nLong] (a << 16 | b), u32 longLo[nLong] (c << 16 | d, d = 0 for three characters),
 *   u32 longCounts[nLong],
 *   u32 extraStart[nExtra + 1] (offsets into extraUnits), u32 extraCounts[nExtra],
 *   u16 extraUnits[nExtraUnits] (words of five or more characters, sorted as strings),
 *   u16 singleLog[n1], pairLog[n2], longLog[nLong], extraLog[nExtra] (indices into logValues),
 *   f64 logValues[nLog] (ln of each distinct count, and of the total last, correctly rounded),
 *   u32 prefixKey[nPrefix] (every distinct first two units of a word of two or more, sorted),
 *   u32 prefixLong[nPrefix + 1], u32 prefixExtra[nPrefix + 1] (where the prefix's words start in the
 *   long and extra groups; they end where the next prefix's start), u16 prefixPairLog[nPrefix]
 *   (the log index of the prefix as a word, 0xffff when it is not one),
 *   u16 innerFirst[nInnerFirst], u16 innerCount[nInnerFirst], u16 innerSecond[nInner]: every pair of
 *   adjacent units inside a word of up to four characters, grouped by the first unit (ascending; each
 *   group's second units ascending), for segment.ts's isWordInnerPair
 * Each key group is sorted by key; word-cut.ts finds words through the prefix index.
 */
import { exactLn } from "./exact-log.js";

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
	/** Words of five or more UTF-16 units: word i is extraUnits[extraStart[i] .. extraStart[i + 1]). */
	extraStart: Uint32Array;
	extraCounts: Uint32Array;
	extraUnits: Uint16Array;
	/** Per word of each group, the index in `logValues` of ln(its count). */
	singleLog: Uint16Array;
	pairLog: Uint16Array;
	longLog: Uint16Array;
	extraLog: Uint16Array;
	/** ln of every distinct count, as glibc (and so jieba-rs) computes it; the last is ln(total). */
	logValues: Float64Array;
	/** The word cutter's index by first two units (see the layout above). */
	prefixKey: Uint32Array;
	prefixLong: Uint32Array;
	prefixExtra: Uint32Array;
	prefixPairLog: Uint16Array;
	/** Pairs inside words (see the layout above): the second units of first unit innerFirst[k] are the next innerCount[k] of innerSecond. */
	innerFirst: Uint16Array;
	innerCount: Uint16Array;
	innerSecond: Uint16Array;
}

const MAGIC = 0x33584c43; // "CLX3"
const HEADER_BYTES = 48;
/** The detectors' lookups (sorted key groups) cover words of up to four characters; longer ones are for the cutter. */
export const MAX_WORD_LENGTH = 4;

const align4 = (n: number) => (n + 3) & ~3;
const align8 = (n: number) => (n + 7) & ~7;

/**
 * Reads dict.txt ("word count tag" lines) the way jieba-rs does: fields split
 * on whitespace, a missing count is 0, a repeated word keeps its last count,
 * and the total is the sum over distinct words.
 */
export function parseDictionary(dictText: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const line of dictText.split("\n")) {
		const [word, countText] = line.trim().split(/\s+/);
		if (!word) continue;
		const count = countText === undefined ? 0 : Number(countText);
		if (!Number.isSafeInteger(count) || count < 0) throw new Error(`corpuslint: bad count in dictionary line ${JSON.stringify(line)}`);
		// The cutter treats a character outside the BMP as never part of a word; jieba's dictionary has none.
		if (/[\ud800-\udfff]/.test(word)) throw new Error(`corpuslint: dictionary word ${word} has a character outside the BMP`);
		counts.set(word, count);
	}
	return counts;
}

/** Builds the binary lexicon from the text of jieba's dict.txt. */
export function encodeLexicon(dictText: string): Uint8Array {
	const counts = parseDictionary(dictText);
	let total = 0;
	for (const c of counts.values()) total += c;
	const byLength = (n: number) => [...counts].filter(([w]) => w.length === n);
	const key = (w: string, i: number) => ((w.charCodeAt(i) << 16) | (i + 1 < w.length ? w.charCodeAt(i + 1) : 0)) >>> 0;
	const single = byLength(1).sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0));
	const pair = byLength(2)
		.map(([w, c]) => [key(w, 0), c] as const)
		.sort((a, b) => a[0] - b[0]);
	const long = [...byLength(3), ...byLength(4)]
		.map(([w, c]) => [key(w, 0), key(w, 2), c] as const)
		.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const extra = [...counts].filter(([w]) => w.length > MAX_WORD_LENGTH).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	const extraUnitCount = extra.reduce((n, [w]) => n + w.length, 0);

	const distinct = [...new Set(counts.values())].sort((a, b) => a - b);
	const logIndex = new Map(distinct.map((c, i) => [c, i]));
	const logValues = [...distinct, total].map(exactLn);
	if (logValues.length > 0xffff) throw new Error("corpuslint: too many distinct dictionary counts for a u16 index");

	const extraKeys = extra.map(([w]) => key(w, 0));
	const prefixKey = [...new Set([...pair.map(([k]) => k), ...long.map(([hi]) => hi), ...extraKeys])].sort((a, b) => a - b);
	const firstAt = (keys: number[]) => {
		const first = new Map<number, number>();
		keys.forEach((k, i) => first.has(k) || first.set(k, i));
		// A prefix without words in the group starts (and ends) where the next larger prefix starts.
		const starts = new Array<number>(prefixKey.length + 1).fill(keys.length);
		for (let p = prefixKey.length - 1; p >= 0; p--) starts[p] = first.get(prefixKey[p]) ?? starts[p + 1];
		return starts;
	};
	const prefixLong = firstAt(long.map(([hi]) => hi));
	const prefixExtra = firstAt(extraKeys);
	const pairLogByKey = new Map(pair.map(([k, c]) => [k, logIndex.get(c)!]));
	const prefixPairLog = prefixKey.map((k) => pairLogByKey.get(k) ?? 0xffff);
	// Built here rather than on load: a hash set of these ~300 k pairs cost ~30 ms in every process and worker thread.
	const innerPairs = new Set(pair.map(([k]) => k));
	for (const [hi, lo] of long) {
		innerPairs.add(hi);
		innerPairs.add((((hi & 0xffff) << 16) | (lo >>> 16)) >>> 0);
		if ((lo & 0xffff) !== 0) innerPairs.add(lo);
	}
	const inner = [...innerPairs].sort((a, b) => a - b);
	const innerGroups = new Map<number, number>();
	for (const k of inner) innerGroups.set(k >>> 16, (innerGroups.get(k >>> 16) ?? 0) + 1);
	if (Math.max(...innerGroups.values()) > 0xffff) throw new Error("corpuslint: too many word-inner pairs with one first unit for a u16 count");

	const n1 = single.length;
	const n2 = pair.length;
	const nLong = long.length;
	const nExtra = extra.length;
	let size = HEADER_BYTES + align4(n1 * 2) + n1 * 4 + n2 * 8 + nLong * 12;
	size += (nExtra + 1) * 4 + nExtra * 4 + extraUnitCount * 2;
	size = align8(size + (n1 + n2 + nLong + nExtra) * 2) + logValues.length * 8;
	size += prefixKey.length * 14 + 8;
	size += innerGroups.size * 4 + inner.length * 2;
	const bytes = new Uint8Array(size);
	const view = new DataView(bytes.buffer);
	[MAGIC, n1, n2, nLong, nExtra, extraUnitCount, logValues.length, prefixKey.length].forEach((v, i) => view.setUint32(i * 4, v, true));
	view.setFloat64(32, total, true);
	view.setUint32(40, innerGroups.size, true);
	view.setUint32(44, inner.length, true);
	let at = HEADER_BYTES;
	const put16 = (values: number[]) => {
		for (const v of values) (view.setUint16(at, v, true), (at += 2));
	};
	const put32 = (values: number[]) => {
		for (const v of values) (view.setUint32(at, v, true), (at += 4));
	};
	put16(single.map(([w]) => w.charCodeAt(0)));
	at = align4(at);
	put32(single.map(([, c]) => c));
	put32(pair.map(([k]) => k));
	put32(pair.map(([, c]) => c));
	put32(long.map(([hi]) => hi));
	put32(long.map(([, lo]) => lo));
	put32(long.map(([, , c]) => c));
	let offset = 0;
	put32([0, ...extra.map(([w]) => (offset += w.length))]);
	put32(extra.map(([, c]) => c));
	for (const [w] of extra) put16([...w].map((ch) => ch.charCodeAt(0)));
	put16(single.map(([, c]) => logIndex.get(c)!));
	put16(pair.map(([, c]) => logIndex.get(c)!));
	put16(long.map(([, , c]) => logIndex.get(c)!));
	put16(extra.map(([, c]) => logIndex.get(c)!));
	at = align8(at);
	for (const v of logValues) (view.setFloat64(at, v, true), (at += 8));
	put32(prefixKey);
	put32(prefixLong);
	put32(prefixExtra);
	put16(prefixPairLog);
	put16([...innerGroups.keys()]);
	put16([...innerGroups.values()]);
	put16(inner.map((k) => k & 0xffff));
	return bytes;
}

/** Views the binary lexicon without copying (copies first when `bytes` is not 8-byte aligned, as a Buffer need not be). */
export function decodeLexicon(bytes: Uint8Array): Lexicon {
	const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
	const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
	if (view.getUint32(0, true) !== MAGIC) throw new Error("corpuslint: data/lexicon.bin is not a lexicon file of this version (re-run scripts/build-lexicon.ts)");
	const [n1, n2, nLong, nExtra, nUnits, nLog, nPrefix] = [1, 2, 3, 4, 5, 6, 7].map((i) => view.getUint32(i * 4, true));
	const nInnerFirst = view.getUint32(40, true);
	const nInner = view.getUint32(44, true);
	let at = aligned.byteOffset + HEADER_BYTES;
	const buffer = aligned.buffer;
	const take16 = (n: number) => {
		const a = new Uint16Array(buffer, at, n);
		at += n * 2;
		return a;
	};
	const take32 = (n: number) => {
		const a = new Uint32Array(buffer, at, n);
		at += n * 4;
		return a;
	};
	const single = take16(n1);
	at = align4(at);
	const lexicon = {
		total: view.getFloat64(32, true),
		single,
		singleCounts: take32(n1),
		pair: take32(n2),
		pairCounts: take32(n2),
		longHi: take32(nLong),
		longLo: take32(nLong),
		longCounts: take32(nLong),
		extraStart: take32(nExtra + 1),
		extraCounts: take32(nExtra),
		extraUnits: take16(nUnits),
		singleLog: take16(n1),
		pairLog: take16(n2),
		longLog: take16(nLong),
		extraLog: take16(nExtra),
	};
	at = align8(at);
	const logValues = new Float64Array(buffer, at, nLog);
	at += nLog * 8;
	return {
		...lexicon,
		logValues,
		prefixKey: take32(nPrefix),
		prefixLong: take32(nPrefix + 1),
		prefixExtra: take32(nPrefix + 1),
		prefixPairLog: take16(nPrefix),
		innerFirst: take16(nInnerFirst),
		innerCount: take16(nInnerFirst),
		innerSecond: take16(nInner),
	};
}
