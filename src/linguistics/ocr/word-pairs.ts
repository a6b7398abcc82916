/**
 * Character-pair indexes over jieba's dictionary, keyed by the two UTF-16
 * code units packed into one number so the hot loop of the look-alike
 * detector does no string allocation: which adjacent pairs occur inside a
 * common word at all ("covered"), and the count of each two-character word.
 */
import { dictionaryWords } from "../segment.js";
import { lazy, loadDataFile } from "./data.js";

export const pairKey = (a: number, b: number): number => a * 0x10000 + b;

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
		if (word.length === 2) twoCharCount.set(pairKey(word.charCodeAt(0), word.charCodeAt(1)), count);
		if (count < COVER_MIN_COUNT) continue;
		for (let i = 0; i + 1 < word.length; i++) covered.add(pairKey(word.charCodeAt(i), word.charCodeAt(i + 1)));
	}
	// News terms jieba lacks (data/ocr-extra-words.json): normal pairs, never look-alike damage.
	for (const word of loadDataFile<{ words: string[] }>("ocr-extra-words.json").words) {
		for (let i = 0; i + 1 < word.length; i++) covered.add(pairKey(word.charCodeAt(i), word.charCodeAt(i + 1)));
	}
	return { covered, twoCharCount };
});

/** Count of the two-character word a+b (0 when it is not a dictionary word). */
export function pairCount(a: number, b: number): number {
	return pairIndex().twoCharCount.get(pairKey(a, b)) ?? 0;
}

/** Whether a+b occurs adjacent inside some dictionary word of count ≥ 3. */
export function isCoveredPair(a: number, b: number): boolean {
	return pairIndex().covered.has(pairKey(a, b));
}
