/**
 * Word segmentation that cuts exactly as `@node-rs/jieba`'s `cut(text, true)`
 * (jieba-rs 0.10.3 with jieba's own dictionary), in TypeScript on our own data.
 *
 * Why not the native addon: its dictionary costs ~43 MB of RSS and ~220 ms of
 * loading in every process and every worker thread. This cutter reads
 * data/lexicon.bin (jieba's dict.txt, every word with its count and the
 * logarithm of the count) and data/hmm-model.bin (jieba's HMM), about 10 MB
 * in all once its lookup table is built.
 *
 * The algorithm is jieba's, with jieba-rs's details, each of which decides
 * the output:
 * - Text is split into runs of "Han" characters — CJK ideographs (main block,
 *   extension A, compatibility block, the astral extensions) plus ASCII
 *   letters, digits and `+#&._%-` — and everything else. Outside a run each
 *   character is a word on its own, except that "\r\n" is one word.
 * - In a run, every dictionary word starting at each character is an edge;
 *   a character where none starts gets a one-character edge with count 1.
 *   The route maximises the sum of ln(count) − ln(total) from the end of the
 *   run backwards; on equal sums the longer word wins (jieba-rs compares
 *   (probability, end) pairs). The logarithms are glibc's, correctly rounded
 *   (see exact-log.ts); V8's Math.log differs in the last bit on some counts.
 * - Consecutive one-character steps of the route are collected; a collection
 *   of two or more characters that is not itself a dictionary word goes to
 *   the HMM (hmm.ts), one that is a word is emitted character by character.
 * - The HMM splits its input again: runs of U+4E00..U+9FD5 are decoded by
 *   Viterbi (a lone character is a word); other runs are cut by jieba-rs
 *   0.10.3's `([a-zA-Z0-9]+(?:.\d+)?%?)` with its unescaped dot (any one
 *   character), and the text between matches is one word.
 * - jieba counts characters, we count UTF-16 units: a surrogate pair is one
 *   character (never part of a dictionary word), and offsets stay in units.
 *   A lone surrogate is a one-unit word (jieba sees U+FFFD there).
 *
 * scripts/compare-segmenter.ts and test/linguistics/word-cut.test.ts compare
 * this cutter with the native one on corpora and random strings.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";
import { decodeHmmModel, HMM_HAN_MAX, HMM_HAN_MIN, viterbiCut, type HmmModel } from "./hmm.js";
import type { Lexicon } from "./lexicon.js";

const NONE = 0xffff;
const PREFIX_BITS = 19;
const PREFIX_MASK = (1 << PREFIX_BITS) - 1;
const prefixSlot = (key: number) => Math.imul(key, 0x9e3779b1) >>> (32 - PREFIX_BITS);

/**
 * Lookup tables over every dictionary word. Words of two or more units are
 * found through their first two units: lexicon.bin lists every such prefix
 * with its own log index and the ranges of the three/four-unit and longer
 * words that begin with it; one hash probe finds the prefix (178 k prefixes
 * in 512 k slots, filled on load: the only table built at run time).
 */
interface Tables {
	lex: Lexicon;
	logs: Float64Array;
	logTotal: number;
	/** ln-index of each BMP unit as a one-character word (NONE when it is not one). */
	single: Uint16Array;
	/** 1 + index of the slot's prefix in lex.prefixKey (0 = empty slot). */
	slots: Uint32Array;
	/** Per prefix, its count as a two-unit word (0 when it is not one): the detectors' pair lookups use the same probe. */
	pairCount: Uint32Array;
}

let tables: Tables | undefined;
let hmm: HmmModel | undefined;

function buildTables(lex: Lexicon): Tables {
	const single = new Uint16Array(0x10000).fill(NONE);
	for (let i = 0; i < lex.single.length; i++) single[lex.single[i]] = lex.singleLog[i];
	const { prefixKey } = lex;
	if (prefixKey.length > (1 << PREFIX_BITS) * 0.7) throw new Error("corpuslint: too many word prefixes for the cutter's table");
	const slots = new Uint32Array(1 << PREFIX_BITS);
	for (let e = 0; e < prefixKey.length; e++) {
		let slot = prefixSlot(prefixKey[e]);
		while (slots[slot] !== 0) slot = (slot + 1) & PREFIX_MASK;
		slots[slot] = e + 1;
	}
	// Both key lists are sorted, and every two-unit word is a prefix: one merge.
	const pairCount = new Uint32Array(prefixKey.length);
	for (let w = 0, e = 0; w < lex.pair.length; w++) {
		while (prefixKey[e] !== lex.pair[w]) e++;
		pairCount[e] = lex.pairCounts[w];
	}
	return { lex, logs: lex.logValues, logTotal: lex.logValues[lex.logValues.length - 1], single, slots, pairCount };
}

const tablesOf = (lexicon: () => Lexicon): Tables => (tables ??= buildTables(lexicon()));

/** The dictionary count of the two-unit word a, b (0 when it is not a word). */
export function pairWordCount(a: number, b: number, lexicon: () => Lexicon): number {
	const t = tablesOf(lexicon);
	const e = prefixEntry(t, a, b);
	return e < 0 ? 0 : t.pairCount[e];
}

/** The dictionary count of `word` (two or more units; 0 when it is not a word). */
export function lexiconCount(word: string, lexicon: () => Lexicon): number {
	return word.length < 2 ? 0 : Math.max(0, countOf(tablesOf(lexicon), word, 0, word.length));
}

/** Whether `word` (any length) is a dictionary word, even one with a count of 0. */
export function isLexiconWord(word: string, lexicon: () => Lexicon): boolean {
	const t = tablesOf(lexicon);
	if (word.length === 1) return t.single[word.charCodeAt(0)] !== NONE;
	return word.length > 1 && isWord(t, word, 0, word.length);
}

function model(): HmmModel {
	return (hmm ??= decodeHmmModel(readFileSync(join(packageRoot, "data", "hmm-model.bin"))));
}

/** Entry number of the two-unit prefix a, b, or −1. */
function prefixEntry(t: Tables, a: number, b: number): number {
	const key = ((a << 16) | b) >>> 0;
	const { slots } = t;
	const { prefixKey } = t.lex;
	for (let slot = prefixSlot(key); ; slot = (slot + 1) & PREFIX_MASK) {
		const e = slots[slot];
		if (e === 0) return -1;
		if (prefixKey[e - 1] === key) return e - 1;
	}
}

/** The count of text[from, to) (at least two units) as a dictionary word, or -1 when it is not one. */
function countOf(t: Tables, text: string, from: number, to: number): number {
	const e = prefixEntry(t, text.charCodeAt(from), text.charCodeAt(from + 1));
	if (e < 0) return -1;
	const length = to - from;
	const { longLo, longCounts, prefixLong, prefixExtra, extraStart, extraUnits, extraCounts } = t.lex;
	if (length === 2) return t.lex.prefixPairLog[e] === NONE ? -1 : t.pairCount[e];
	if (length <= 4) {
		const lo = ((text.charCodeAt(from + 2) << 16) | (length === 4 ? text.charCodeAt(from + 3) : 0)) >>> 0;
		for (let i = prefixLong[e]; i < prefixLong[e + 1]; i++) if (longLo[i] === lo) return longCounts[i];
		return -1;
	}
	for (let i = prefixExtra[e]; i < prefixExtra[e + 1]; i++) {
		if (extraStart[i + 1] - extraStart[i] === length && unitsMatch(extraUnits, extraStart[i], text, from, length)) return extraCounts[i];
	}
	return -1;
}

const isWord = (t: Tables, text: string, from: number, to: number): boolean => countOf(t, text, from, to) >= 0;

function unitsMatch(units: Uint16Array, at: number, text: string, from: number, length: number): boolean {
	for (let k = 2; k < length; k++) if (units[at + k] !== text.charCodeAt(from + k)) return false;
	return true;
}

/** jieba-rs's default "Han" class for a BMP unit (surrogates are handled by the caller). */
function isHanUnit(c: number): boolean {
	if (c < 0x80) {
		// a-z A-Z 0-9 + # & . _ % -
		return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x23 || c === 0x26 || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2d;
	}
	return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function isHanAstral(cp: number): boolean {
	return (cp >= 0x20000 && cp <= 0x2a6df) || (cp >= 0x2a700 && cp <= 0x2ebef) || (cp >= 0x2f800 && cp <= 0x2fa1f);
}

/** Length in units of the character at `i` (2 for a surrogate pair, else 1). */
function charLength(text: string, i: number, end: number): number {
	const c = text.charCodeAt(i);
	if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
		const d = text.charCodeAt(i + 1);
		if (d >= 0xdc00 && d <= 0xdfff) return 2;
	}
	return 1;
}

/** Whether the character at `i` is in the Han class, as its length when it is (0 when not). */
function hanLength(text: string, i: number): number {
	const c = text.charCodeAt(i);
	if (c < 0xd800 || c > 0xdfff) return isHanUnit(c) ? 1 : 0;
	if (c <= 0xdbff && i + 1 < text.length) {
		const d = text.charCodeAt(i + 1);
		if (d >= 0xdc00 && d <= 0xdfff) return isHanAstral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) ? 2 : 0;
	}
	return 0;
}

// The best edge so far at one position of the route.
let bestProb = 0;
let bestEnd = -1;

/** Keeps the better (probability, end) pair, compared as jieba-rs's max_by compares them: a higher probability wins, and on a tie the longer word. */
function consider(prob: number, end: number): void {
	if (bestEnd < 0 || prob > bestProb || (prob === bestProb && end > bestEnd)) {
		bestProb = prob;
		bestEnd = end;
	}
}

// Route scratch, indexed by unit offset within the run; grown as needed.
let routeProb = new Float64Array(256);
let routeEnd = new Int32Array(256);

/**
 * Pushes to `ends` the end offset (UTF-16 units) of every word of `text`,
 * cut as `@node-rs/jieba`'s `cut(text, true)` cuts it.
 */
export function cutEnds(text: string, ends: number[], lexicon: () => Lexicon): void {
	const t = tablesOf(lexicon);
	const n = text.length;
	let i = 0;
	while (i < n) {
		let j = i;
		for (let k; j < n && (k = hanLength(text, j)) > 0; ) j += k;
		if (j > i) {
			cutRun(t, text, i, j, ends);
			i = j;
			continue;
		}
		// Outside a run: one word per character, "\r\n" together.
		const c = text.charCodeAt(i);
		i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : charLength(text, i, n);
		ends.push(i);
	}
}

/** The dictionary route through the Han run text[from, to), then its words. */
function cutRun(t: Tables, text: string, from: number, to: number, ends: number[]): void {
	const n = to - from;
	if (routeProb.length <= n) {
		routeProb = new Float64Array(n * 2 + 1);
		routeEnd = new Int32Array(n * 2 + 1);
	}
	const { logs, logTotal, single } = t;
	const { longLo, longLog, extraStart, extraUnits, extraLog, prefixLong, prefixExtra, prefixPairLog } = t.lex;
	routeProb[n] = 0;
	// From the end backwards; the low half of a surrogate pair is never a start and is skipped.
	for (let x = n - 1; x >= 0; x--) {
		const at = from + x;
		const c = text.charCodeAt(at);
		if (c >= 0xdc00 && c <= 0xdfff && x > 0 && charLength(text, at - 1, to) === 2) continue;
		bestEnd = -1;
		const s = single[c];
		if (s !== NONE) consider(logs[s] - logTotal + routeProb[x + 1], x + 1);
		const e = x + 1 < n ? prefixEntry(t, c, text.charCodeAt(at + 1)) : -1;
		if (e >= 0) {
			const l2 = prefixPairLog[e];
			if (l2 !== NONE) consider(logs[l2] - logTotal + routeProb[x + 2], x + 2);
			if (x + 2 < n) {
				const c2 = text.charCodeAt(at + 2) << 16;
				const lo3 = c2 >>> 0;
				const lo4 = x + 3 < n ? (c2 | text.charCodeAt(at + 3)) >>> 0 : -1;
				for (let w = prefixLong[e], end = prefixLong[e + 1]; w < end; w++) {
					const lo = longLo[w];
					if (lo === lo3) consider(logs[longLog[w]] - logTotal + routeProb[x + 3], x + 3);
					else if (lo === lo4) consider(logs[longLog[w]] - logTotal + routeProb[x + 4], x + 4);
				}
				for (let w = prefixExtra[e], end = prefixExtra[e + 1]; w < end; w++) {
					const length = extraStart[w + 1] - extraStart[w];
					if (x + length <= n && unitsMatch(extraUnits, extraStart[w], text, at, length)) {
						consider(logs[extraLog[w]] - logTotal + routeProb[x + length], x + length);
					}
				}
			}
		}
		if (bestEnd < 0) {
			// No dictionary word starts here: the character alone, with count 1 (ln 1 = 0).
			bestEnd = x + charLength(text, at, to);
			bestProb = 0 - logTotal + routeProb[bestEnd];
		}
		routeProb[x] = bestProb;
		routeEnd[x] = bestEnd;
	}
	// Words along the route; runs of one-character steps are held back for the HMM.
	let left = -1;
	for (let x = 0; x < n; ) {
		const y = routeEnd[x];
		if (y - x === 1 || (y - x === 2 && charLength(text, from + x, to) === 2)) {
			if (left < 0) left = x;
		} else {
			if (left >= 0) {
				cutSingles(t, text, from + left, from + x, ends);
				left = -1;
			}
			ends.push(from + y);
		}
		x = y;
	}
	if (left >= 0) cutSingles(t, text, from + left, to, ends);
}

/** A run of characters the route left single: one word each if together they are a word, else the HMM's words. */
function cutSingles(t: Tables, text: string, from: number, to: number, ends: number[]): void {
	const first = charLength(text, from, to);
	if (from + first === to) {
		ends.push(to);
		return;
	}
	if (to - from >= 2 && isWord(t, text, from, to)) {
		for (let i = from + 1; i <= to; i++) ends.push(i);
		return;
	}
	hmmCut(text, from, to, ends);
}

const isHmmHan = (c: number) => c >= HMM_HAN_MIN && c <= HMM_HAN_MAX;
const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** jieba-rs's HMM cut of text[from, to): Viterbi on ideograph runs, the skip pattern elsewhere. */
function hmmCut(text: string, from: number, to: number, ends: number[]): void {
	let i = from;
	while (i < to) {
		let j = i;
		if (isHmmHan(text.charCodeAt(i))) {
			while (j < to && isHmmHan(text.charCodeAt(j))) j++;
			if (j - i === 1) ends.push(j);
			else viterbiCut(model(), text, i, j, ends);
		} else {
			while (j < to && !isHmmHan(text.charCodeAt(j))) j++;
			skipCut(text, i, j, ends);
		}
		i = j;
	}
}

/**
 * find_iter of `([a-zA-Z0-9]+(?:.\d+)?%?)` over text[from, to), yielding the
 * text between matches and each match as words. The dot is unescaped in
 * jieba-rs 0.10.3, so it matches any one character (a newline never occurs
 * here); \d can only meet ASCII digits in a Han run.
 */
function skipCut(text: string, from: number, to: number, ends: number[]): void {
	let i = from;
	while (i < to) {
		let start = i;
		while (start < to && !isAsciiAlnum(text.charCodeAt(start))) start++;
		if (start > i) ends.push(start);
		if (start === to) return;
		let end = start + 1;
		while (end < to && isAsciiAlnum(text.charCodeAt(end))) end++;
		if (end < to) {
			const dot = charLength(text, end, to);
			let digits = end + dot;
			while (digits < to && isDigit(text.charCodeAt(digits))) digits++;
			if (digits > end + dot) end = digits;
		}
		if (end < to && text.charCodeAt(end) === 0x25) end++;
		ends.push(end);
		i = end;
	}
}
