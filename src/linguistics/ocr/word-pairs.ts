/**
 * Character-pair indexes over jieba's dictionary, keyed by the two UTF-16
 * code units packed into one number so the hot loop of the look-alike
 * detector does no string allocation: which adjacent pairs occur inside a
 * common word at all ("covered"), and the count of each two-character word.
 */
import { dictionaryWords } from "../segment.js";
import { lazy, loadDataFile } from "./data.js";

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

interface PairIndex {
	covered: Set<number>;
	twoCharCount: Map<number, number>;
}

export const pairIndex = lazy((): PairIndex => {
	const covered = new Set<number>();
	const twoCharCount = new Map<number, number>();
	for (const [word, count] of dictionaryWords()) {
		if (word.length < 2) continue;
		if (word.length === 2) {
			const key = pairKey(word.charCodeAt(0), word.charCodeAt(1));
			if (key >= 0) twoCharCount.set(key, count);
		}
		if (count < COVER_MIN_COUNT) continue;
		for (let i = 0; i + 1 < word.length; i++) {
			const key = pairKey(word.charCodeAt(i), word.charCodeAt(i + 1));
			if (key >= 0) covered.add(key);
		}
	}
	// News terms jieba lacks (data/ocr-extra-words.json): normal pairs, never look-alike damage.
	for (const word of loadDataFile<{ words: string[] }>("ocr-extra-words.json").words) {
		for (let i = 0; i + 1 < word.length; i++) {
			const key = pairKey(word.charCodeAt(i), word.charCodeAt(i + 1));
			if (key >= 0) covered.add(key);
		}
	}
	return { covered, twoCharCount };
});

/** Count of the two-character word a+b (0 when it is not a dictionary word). */
export function pairCount(a: number, b: number): number {
	return index().twoCharCount.get(pairKey(a, b)) ?? 0;
}

/** Whether a+b occurs adjacent inside some dictionary word of count ≥ 3. */
export function isCoveredPair(a: number, b: number): boolean {
	return index().covered.has(pairKey(a, b));
}

let loaded: PairIndex | undefined;
const index = (): PairIndex => (loaded ??= pairIndex());
