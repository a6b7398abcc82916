/**
 * Character-pair indexes over jieba's dictionary for the hot loop of the
 * look-alike detector, which asks about every pair of adjacent Han
 * characters and must not allocate: which pairs occur inside a common word
 * at all ("covered"), and the count of each two-character word.
 *
 * Coverage of pairs of the most frequent characters is a bit matrix (a few
 * MB, one array read per question); pairs involving rarer characters fall
 * back to a hash set keyed by small integers.
 */
import { dictionaryWords } from "../segment.js";
import { loadDataFile } from "./data.js";

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

/** Characters with a dense index for the bit matrix: 6 144² bits = 4.5 MB. */
const DENSE = 6144;

interface PairIndex {
	/** Dense index + 1 of a code unit (0: not dense). */
	dense: Uint16Array;
	bits: Uint32Array;
	coveredRare: Set<number>;
	/** Two-character word counts in an open-addressing table (key + 1, 0 = empty): no boxing, no Map overhead. */
	countKeys: Int32Array;
	countValues: Float64Array;
}

const COUNT_SLOTS = 1 << 19;
const COUNT_MASK = COUNT_SLOTS - 1;
/** Multiplicative hash spreading the small-integer keys over the slots. */
const slotOf = (key: number) => Math.imul(key, 0x9e3779b1) >>> 13;

function build(): PairIndex {
	const words = dictionaryWords();
	// Dense indices go to the characters of the most word occurrences.
	const weight = new Map<number, number>();
	for (const [word, count] of words) {
		for (let i = 0; i < word.length; i++) weight.set(word.charCodeAt(i), (weight.get(word.charCodeAt(i)) ?? 0) + count);
	}
	const dense = new Uint16Array(0x10000);
	[...weight]
		.filter(([c]) => pairKey(c, c) >= 0)
		.sort((a, b) => b[1] - a[1])
		.slice(0, DENSE)
		.forEach(([c], k) => (dense[c] = k + 1));
	const index: PairIndex = {
		dense,
		bits: new Uint32Array((DENSE * DENSE) >>> 5),
		coveredRare: new Set(),
		countKeys: new Int32Array(COUNT_SLOTS),
		countValues: new Float64Array(COUNT_SLOTS),
	};
	const cover = (word: string) => {
		for (let i = 0; i + 1 < word.length; i++) addCovered(index, word.charCodeAt(i), word.charCodeAt(i + 1));
	};
	for (const [word, count] of words) {
		if (word.length < 2) continue;
		if (word.length === 2) {
			const key = pairKey(word.charCodeAt(0), word.charCodeAt(1));
			if (key >= 0) setCount(index, key, count);
		}
		if (count >= COVER_MIN_COUNT) cover(word);
	}
	// News terms jieba lacks (data/ocr-extra-words.json): normal pairs, never look-alike damage.
	for (const word of loadDataFile<{ words: string[] }>("ocr-extra-words.json").words) cover(word);
	return index;
}

function setCount(index: PairIndex, key: number, count: number): void {
	let slot = slotOf(key) & COUNT_MASK;
	while (index.countKeys[slot] !== 0 && index.countKeys[slot] !== key + 1) slot = (slot + 1) & COUNT_MASK;
	index.countKeys[slot] = key + 1;
	index.countValues[slot] = count;
}

function addCovered(index: PairIndex, a: number, b: number): void {
	const da = index.dense[a];
	const db = index.dense[b];
	if (da && db) {
		const bit = (da - 1) * DENSE + (db - 1);
		index.bits[bit >>> 5] |= 1 << (bit & 31);
		return;
	}
	const key = pairKey(a, b);
	if (key >= 0) index.coveredRare.add(key);
}

let loaded: PairIndex | undefined;
const pairIndex = (): PairIndex => (loaded ??= build());

/** Count of the two-character word a+b (0 when it is not a dictionary word). */
export function pairCount(a: number, b: number): number {
	const key = pairKey(a, b);
	if (key < 0) return 0;
	const { countKeys, countValues } = pairIndex();
	for (let slot = slotOf(key) & COUNT_MASK; ; slot = (slot + 1) & COUNT_MASK) {
		const k = countKeys[slot];
		if (k === 0) return 0;
		if (k === key + 1) return countValues[slot];
	}
}

/** Whether a+b occurs adjacent inside some dictionary word of count ≥ 10 (or an extra news word). */
export function isCoveredPair(a: number, b: number): boolean {
	const index = pairIndex();
	const da = index.dense[a];
	const db = index.dense[b];
	if (da && db) {
		const bit = (da - 1) * DENSE + (db - 1);
		return (index.bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
	}
	return index.coveredRare.has(pairKey(a, b));
}
