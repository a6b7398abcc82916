/**
 * Character-pair indexes over jieba's dictionary for the hot loop of the
 * look-alike detector, which asks about every pair of adjacent Han
 * characters and must not allocate: which pairs occur inside a common word
 * at all ("covered"), and the count of each two-character word.
 *
 * Coverage of pairs of the most frequent characters is a bit matrix (a few
 * MB, one array read per question); pairs involving rarer characters fall
 * back to a hash set keyed by small integers. The matrix is laid out in
 * Z order (the bits of both ranks interleaved), so the pairs of the few
 * hundred most frequent characters, which are most of running text, share
 * a block small enough to stay in cache; row-major, each pair touched a
 * cache line of its own. Two-character word counts come
 * from the lexicon's own pair table (segment.ts).
 */
import { forEachWord, pairFrequency } from "../segment.js";
import { precomputed } from "./precomputed.js";

/**
 * Both characters offset into the BMP Han blocks (U+3400–U+9FFF, 27 648
 * code points), so every key is a small integer (< 2^30) and V8 hashes it
 * without boxing; pairs outside the blocks get -1 and are never stored.
 */
const HAN_BASE = 0x3400;
const HAN_SPAN = 0xa000 - HAN_BASE;
export const pairKey = (a: number, b: number): number => {
	const x = a - HAN_BASE;
	const y = b - HAN_BASE;
	return x >= 0 && x < HAN_SPAN && y >= 0 && y < HAN_SPAN ? x * HAN_SPAN + y : -1;
};

/** Words rarer than this do not make a pair "normal": the dictionary's tail (count 3–9) holds rare names and phrases such as 负面新闻 that would hide 新间. */
const COVER_MIN_COUNT = 10;

/** Characters with a dense index for the bit matrix (ranks < 2^13; in Z order the matrix spans about 6 MB, of which running text touches a small corner). */
const DENSE = 6144;
const RANK_BITS = 13;

/** The rank's bits spread to the even bit positions (Z order's row part; the column part is this shifted left by one). */
function spread(rank: number): number {
	let z = 0;
	for (let b = 0; b < RANK_BITS; b++) z |= ((rank >>> b) & 1) << (2 * b);
	return z;
}

/** Row of the code units outside the Han blocks: a rank no character has, so its row and column stay zero (never covered, no branch). */
export const OUTSIDE_ROW = spread(DENSE);
/** Row of the Han units without a dense rank: asked of the hash set instead. */
export const RARE_ROW = spread(DENSE + 1);

export interface PairIndex {
	/** Spread dense rank of a code unit, or OUTSIDE_ROW / RARE_ROW. */
	row: Int32Array;
	bits: Uint32Array;
	coveredRare: Set<number>;
}

/**
 * The index as arrays for data/ocr-tables.bin (precomputed.ts), from the
 * lexicon and the extra news words: built at run time it cost ~35 ms in
 * every process and worker thread. The bit matrix is stored sparse (its
 * nonzero words, 0.5 MB), the rest as it is.
 */
export function pairIndexArrays(extraWords: readonly string[]): Record<string, Uint16Array | Uint32Array | Int32Array> {
	// Dense indices go to the characters of the most word occurrences.
	const weight = new Float64Array(0x10000);
	forEachWord((length, a, b, c, d, count) => {
		weight[a] += count;
		if (length > 1) weight[b] += count;
		if (length > 2) weight[c] += count;
		if (length > 3) weight[d] += count;
	});
	const ranked: number[] = [];
	for (let c = 0; c < 0x10000; c++) if (weight[c] > 0 && pairKey(c, c) >= 0) ranked.push(c);
	ranked.sort((a, b) => weight[b] - weight[a] || a - b);
	const pairRanked = Uint16Array.from(ranked.slice(0, DENSE));
	const index = pairIndexFrom(pairRanked, new Uint32Array(0), new Uint32Array(0), new Int32Array(0));
	forEachWord((length, a, b, c, d, count) => {
		if (length < 2 || count < COVER_MIN_COUNT) return;
		addCovered(index, a, b);
		if (length > 2) addCovered(index, b, c);
		if (length > 3) addCovered(index, c, d);
	});
	// News terms jieba lacks (data/ocr-extra-words.json): normal pairs, never look-alike damage.
	for (const word of extraWords) {
		for (let i = 0; i + 1 < word.length; i++) addCovered(index, word.charCodeAt(i), word.charCodeAt(i + 1));
	}
	const words: number[] = [];
	index.bits.forEach((w, i) => w !== 0 && words.push(i));
	return {
		pairRanked,
		coverWords: Uint32Array.from(words),
		coverBits: Uint32Array.from(words, (i) => index.bits[i]),
		coverRare: Int32Array.from(index.coveredRare),
	};
}

/** The index from its stored arrays: dense characters in rank order, the matrix's nonzero words, the rare pairs. */
function pairIndexFrom(ranked: Uint16Array, words: Uint32Array, bits: Uint32Array, rare: Int32Array): PairIndex {
	const row = new Int32Array(0x10000).fill(OUTSIDE_ROW);
	row.fill(RARE_ROW, HAN_BASE, HAN_BASE + HAN_SPAN);
	for (let k = 0; k < ranked.length; k++) row[ranked[k]] = spread(k);
	const index: PairIndex = { row, bits: new Uint32Array(((RARE_ROW * 3) >>> 5) + 1), coveredRare: new Set(rare) };
	for (let k = 0; k < words.length; k++) index.bits[words[k]] = bits[k];
	return index;
}

function addCovered(index: PairIndex, a: number, b: number): void {
	const ra = index.row[a];
	const rb = index.row[b];
	if (ra !== RARE_ROW && rb !== RARE_ROW && ra !== OUTSIDE_ROW && rb !== OUTSIDE_ROW) {
		const bit = ra | (rb << 1);
		index.bits[bit >>> 5] |= 1 << (bit & 31);
		return;
	}
	const key = pairKey(a, b);
	if (key >= 0) index.coveredRare.add(key);
}

let loaded: PairIndex | undefined;
const pairIndex = (): PairIndex =>
	(loaded ??= pairIndexFrom(
		precomputed("pairRanked", Uint16Array),
		precomputed("coverWords", Uint32Array),
		precomputed("coverBits", Uint32Array),
		precomputed("coverRare", Int32Array),
	));

/** The coverage tables, for a scan that asks about every adjacent pair and spells isCoveredPair out on locals. */
export const coverageIndex = (): Readonly<PairIndex> => pairIndex();

/** Count of the two-character word a+b when both are Han characters (0 when it is not a dictionary word). */
export function pairCount(a: number, b: number): number {
	return pairKey(a, b) < 0 ? 0 : pairFrequency(a, b);
}

/** Whether code units a+b occur adjacent inside some dictionary word of count ≥ 10 (or an extra news word). */
export function isCoveredPair(a: number, b: number): boolean {
	const index = pairIndex();
	const ra = index.row[a];
	const rb = index.row[b];
	if (ra === RARE_ROW || rb === RARE_ROW) return index.coveredRare.has(pairKey(a, b));
	const bit = ra | (rb << 1);
	return (index.bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
}
