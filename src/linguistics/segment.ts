/**
 * The shared word segmentation service: jieba's segmentation (word-cut.ts,
 * identical to @node-rs/jieba's `cut(text, true)`) and word-frequency lookups
 * in the dictionary jieba ships (349 k words with counts, MIT), both read
 * from data/lexicon.bin. Everything is loaded lazily on first use, so rules
 * that never need words cost nothing. Rules call `segmentParagraph` so one
 * paragraph is cut once per document whichever rule asks first.
 *
 * The native addon is not loaded at run time: its own copy of the dictionary
 * cost ~43 MB of RSS and ~220 ms in every process and worker thread. It stays
 * a dev dependency, as the oracle of the cutter's tests and the source of
 * dict.txt for scripts/build-lexicon.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ParagraphNode } from "../language/ast.js";
import type { TextSourceCode } from "../language/source-code.js";
import { packageRoot } from "../package-root.js";
import { decodeLexicon, MAX_WORD_LENGTH, type Lexicon } from "./lexicon.js";
import { cutEnds, isLexiconWord, lexiconCount, pairWordCount } from "./word-cut.js";

/** A word of a segmentation with its offset in the segmented string (UTF-16 units). */
export interface Token {
	word: string;
	start: number;
	end: number;
}

/** Cuts `text` into words (dictionary + HMM for unknown words), with offsets. */
export function segment(text: string): Token[] {
	const ends: number[] = [];
	cutEnds(text, ends, loadLexicon);
	const tokens: Token[] = new Array(ends.length);
	let at = 0;
	for (let i = 0; i < ends.length; i++) {
		const end = ends[i];
		tokens[i] = { word: text.slice(at, end), start: at, end };
		at = end;
	}
	return tokens;
}

/** Windows whose segmentation is kept: far more than one document asks for, small enough to stay cheap. */
const WINDOW_CACHE_SIZE = 2048;
const windowCache = new Map<string, readonly Token[]>();

/**
 * `segment` for short windows around a suspect character, remembered across
 * documents: a cut costs a few microseconds, and news corpora
 * repeat the same bylines, names and boilerplate (on a 30 MB sample four
 * windows in five had been segmented before). The tokens are shared: read only.
 */
export function segmentWindow(text: string): readonly Token[] {
	let tokens = windowCache.get(text);
	if (tokens === undefined) {
		tokens = segment(text);
		// Oldest first out: a Map iterates in insertion order.
		if (windowCache.size >= WINDOW_CACHE_SIZE) windowCache.delete(windowCache.keys().next().value!);
		windowCache.set(text, tokens);
	}
	return tokens;
}

/** The segmentation of a paragraph, computed once per document and shared by every rule. */
export function segmentParagraph(sourceCode: TextSourceCode, paragraph: ParagraphNode): Token[] {
	return sourceCode.memo("segment", paragraph, () => segment(paragraph.value));
}

let lexicon: Lexicon | undefined;

/** The dictionary's word counts, from data/lexicon.bin (see lexicon.ts), loaded on first use. */
export function loadLexicon(): Lexicon {
	return (lexicon ??= decodeLexicon(readFileSync(join(packageRoot, "data", "lexicon.bin"))));
}

/** Count of the two-character word of code units a, b (0 when it is not a dictionary word). */
export function pairFrequency(a: number, b: number): number {
	return pairWordCount(a, b, loadLexicon);
}

let singles: Uint32Array | undefined;

/** Count of every BMP character as a word of its own, indexed by code unit. */
export function singleFrequencies(): Uint32Array {
	if (singles) return singles;
	const { single, singleCounts } = loadLexicon();
	singles = new Uint32Array(0x10000);
	for (let i = 0; i < single.length; i++) singles[single[i]] = singleCounts[i];
	return singles;
}

/** The dictionary count of a word (0 when it is not a dictionary word of at most four characters). */
export function wordFrequency(word: string): number {
	switch (word.length) {
		case 1:
			return singleFrequencies()[word.charCodeAt(0)];
		case 2:
			return pairFrequency(word.charCodeAt(0), word.charCodeAt(1));
		case 3:
		case 4:
			return lexiconCount(word, loadLexicon);
		default:
			return 0;
	}
}

/** True when `word` (at most four characters) is in jieba's dictionary (even with a count of 0). */
export function isDictionaryWord(word: string): boolean {
	return word.length <= MAX_WORD_LENGTH && isLexiconWord(word, loadLexicon);
}

/**
 * Calls `visit` with every dictionary word of at most four characters as
 * code units (0 past the word's end) and its count, without making strings.
 */
export function forEachWord(visit: (length: number, a: number, b: number, c: number, d: number, count: number) => void): void {
	const lex = loadLexicon();
	for (let i = 0; i < lex.single.length; i++) visit(1, lex.single[i], 0, 0, 0, lex.singleCounts[i]);
	for (let i = 0; i < lex.pair.length; i++) visit(2, lex.pair[i] >>> 16, lex.pair[i] & 0xffff, 0, 0, lex.pairCounts[i]);
	for (let i = 0; i < lex.longHi.length; i++) {
		const lo = lex.longLo[i];
		const d = lo & 0xffff;
		visit(d === 0 ? 3 : 4, lex.longHi[i] >>> 16, lex.longHi[i] & 0xffff, lo >>> 16, d, lex.longCounts[i]);
	}
}

let innerStart: Uint32Array | undefined;

/**
 * Where each unit's group of word-inner pairs starts in the lexicon's
 * innerSecond (precomputed by scripts/build-lexicon.ts, ≈300 k pairs): a word
 * that spans a join contains the last unit before it and the first after it,
 * so when that pair is absent no dictionary lookup or segmentation of the
 * join can find one.
 */
function innerIndex(): Uint32Array {
	if (innerStart) return innerStart;
	const { innerFirst, innerCount } = loadLexicon();
	const start = new Uint32Array(0x10001);
	let total = 0;
	for (let k = 0, c = 0; c <= 0x10000; c++) {
		start[c] = total;
		if (k < innerFirst.length && innerFirst[k] === c) total += innerCount[k++];
	}
	return (innerStart = start);
}

/** True when some dictionary word of at most four characters has unit `a` directly followed by unit `b`. */
export function isWordInnerPair(a: number, b: number): boolean {
	const start = innerIndex();
	const second = loadLexicon().innerSecond;
	let lo = start[a];
	let hi = start[a + 1];
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		const x = second[mid];
		if (x === b) return true;
		if (x < b) lo = mid + 1;
		else hi = mid;
	}
	return false;
}

/** Sum of all dictionary counts. */
export function totalFrequency(): number {
	return loadLexicon().total;
}
