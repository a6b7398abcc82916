/**
 * The shared word segmentation service: one jieba instance per process and a
 * word-frequency lookup from the dictionary jieba ships (349 k words with
 * counts, MIT). Both are built lazily on first use, so rules that never need
 * words cost nothing. Rules call `segmentParagraph` so one paragraph is cut
 * once per document whichever rule asks first.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { Jieba } from "@node-rs/jieba";
import type { ParagraphNode } from "../language/ast.js";
import type { TextSourceCode } from "../language/source-code.js";

const require = createRequire(import.meta.url);

let jieba: Jieba | undefined;

function instance(): Jieba {
	if (!jieba) {
		// `@node-rs/jieba/dict` is CommonJS that reads dict.txt from disk; load it only when needed.
		const { dict } = require("@node-rs/jieba/dict") as { dict: Uint8Array };
		jieba = Jieba.withDict(dict);
	}
	return jieba;
}

/** A word of a segmentation with its offset in the segmented string (UTF-16 units). */
export interface Token {
	word: string;
	start: number;
	end: number;
}

/** Cuts `text` into words (dictionary + HMM for unknown words), with offsets. */
export function segment(text: string): Token[] {
	const words = instance().cut(text, true);
	const tokens: Token[] = [];
	let at = 0;
	for (const word of words) {
		tokens.push({ word, start: at, end: at + word.length });
		at += word.length;
	}
	return tokens;
}

/** The segmentation of a paragraph, computed once per document and shared by every rule. */
export function segmentParagraph(sourceCode: TextSourceCode, paragraph: ParagraphNode): Token[] {
	return sourceCode.memo("segment", paragraph, () => segment(paragraph.value));
}

interface Lexicon {
	words: Map<string, number>;
	/** Total count of all dictionary entries, to turn counts into probabilities. */
	total: number;
}

let lexicon: Lexicon | undefined;

/**
 * Words up to this length are kept: the detectors only ask about short words
 * (a character with its neighbours), and dropping the long tail of names and
 * idioms halves the memory the map takes.
 */
const MAX_WORD_LENGTH = 4;

/** `Number(text.slice(start, end))`, without the slice for the plain digit counts the dictionary has (start-up time). */
function parseCount(text: string, start: number, end: number): number {
	// Beyond 15 digits the running sum could round differently from Number's parse.
	if (end - start > 15) return Number(text.slice(start, end));
	let n = 0;
	for (let i = start; i < end; i++) {
		const d = text.charCodeAt(i) - 0x30;
		if (d < 0 || d > 9) return Number(text.slice(start, end));
		n = n * 10 + d;
	}
	return start < end ? n : Number(text.slice(start, end));
}

function loadLexicon(): Lexicon {
	if (lexicon) return lexicon;
	const path = require.resolve("@node-rs/jieba/dict.txt");
	const text = readFileSync(path, "utf8");
	const words = new Map<string, number>();
	let total = 0;
	let lineStart = 0;
	while (lineStart < text.length) {
		let lineEnd = text.indexOf("\n", lineStart);
		if (lineEnd < 0) lineEnd = text.length;
		const firstSpace = text.indexOf(" ", lineStart);
		if (firstSpace > lineStart && firstSpace < lineEnd) {
			const secondSpace = text.indexOf(" ", firstSpace + 1);
			const countEnd = secondSpace > firstSpace && secondSpace < lineEnd ? secondSpace : lineEnd;
			const count = parseCount(text, firstSpace + 1, countEnd);
			if (Number.isFinite(count)) {
				total += count;
				if (firstSpace - lineStart <= MAX_WORD_LENGTH) {
					const word = text.slice(lineStart, firstSpace);
					words.set(word, (words.get(word) ?? 0) + count);
				}
			}
		}
		lineStart = lineEnd + 1;
	}
	lexicon = { words, total };
	return lexicon;
}

/** The dictionary count of a word (0 when it is not a dictionary word of at most four characters). */
export function wordFrequency(word: string): number {
	return loadLexicon().words.get(word) ?? 0;
}

/** True when `word` (at most four characters) is in jieba's dictionary. */
export function isDictionaryWord(word: string): boolean {
	return loadLexicon().words.has(word);
}

/** Every dictionary word of at most four characters with its count. */
export function dictionaryWords(): ReadonlyMap<string, number> {
	return loadLexicon().words;
}

let joins: Uint32Array | undefined;
const JOIN_BITS = 20;
const JOIN_MASK = (1 << JOIN_BITS) - 1;
const joinSlot = (key: number) => Math.imul(key, 0x9e3779b1) >>> (32 - JOIN_BITS);

/**
 * Every pair of adjacent UTF-16 units inside a dictionary word (≤ 4
 * characters), in an open-addressing table (≈300 k pairs, 4 MB). A word that
 * spans a join contains the last unit before it and the first after it, so
 * when that pair is absent no dictionary lookup or segmentation of the join
 * can find one.
 */
function joinTable(): Uint32Array {
	if (joins) return joins;
	const table = new Uint32Array(1 << JOIN_BITS);
	for (const word of loadLexicon().words.keys()) {
		for (let i = 0; i + 1 < word.length; i++) {
			// (0, 0) never occurs in a word, so 0 can mark an empty slot.
			const key = ((word.charCodeAt(i) << 16) | word.charCodeAt(i + 1)) >>> 0;
			let slot = joinSlot(key);
			while (table[slot] !== 0 && table[slot] !== key) slot = (slot + 1) & JOIN_MASK;
			table[slot] = key;
		}
	}
	joins = table;
	return table;
}

/** True when some dictionary word of at most four characters has unit `a` directly followed by unit `b`. */
export function isWordInnerPair(a: number, b: number): boolean {
	const key = ((a << 16) | b) >>> 0;
	if (key === 0) return false;
	const table = joinTable();
	for (let slot = joinSlot(key); ; slot = (slot + 1) & JOIN_MASK) {
		const k = table[slot];
		if (k === 0) return false;
		if (k === key) return true;
	}
}

/** Sum of all dictionary counts. */
export function totalFrequency(): number {
	return loadLexicon().total;
}
