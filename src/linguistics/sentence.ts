/**
 * Where sentences end, and which words a clause cannot end in or begin with.
 * Shared by `truncated-sentence`, `column-join` and the headline classifier.
 * The word lists live in data/continuation-markers.json.
 */
import { loadDataJson } from "../data-files.js";
import { segmentWindow } from "./segment.js";
import { isHan } from "./script.js";

export interface ContinuationData {
	/** `opens`: every first character of a marker; `toEnds`: a class of every last character of a `to` marker. */
	markers: { from: string[]; to: string[]; opens: string; toEnds: string };
	furniture: { lines: string[]; lineStart: string };
	bylines: string[];
	trailingBylines: string;
	/** A one-character class holding the last non-space character of every `trailingBylines` match. */
	trailingBylineEnds: string;
	captions: string[];
	datelines: string[];
	titleWords: string;
	danglingEndings: { words: string[]; frameOpeners: string[] };
	badStarts: { chars: string; punctuation: string; prefixes: string[]; notPrefixes: string[] };
}

let data: ContinuationData | undefined;

/** The cue tables, read once per process. */
export function continuationData(): ContinuationData {
	data ??= loadDataJson<ContinuationData>("continuation-markers.json");
	return data;
}

/**
 * One pattern that matches where any of `sources` does, so a line is tested
 * in one call instead of one per pattern. Sources that refer to their own
 * groups (\1, \k<name>, named groups) could change meaning side by side:
 * such a list stays a list.
 */
export function anyOf(sources: readonly string[]): { test(text: string): boolean } {
	if (sources.some((s) => /\\[1-9]|\\k<|\(\?<[^=!]/u.test(s))) {
		const list = sources.map((s) => new RegExp(s, "u"));
		return { test: (text) => list.some((r) => r.test(text)) };
	}
	return new RegExp(sources.map((s) => `(?:${s})`).join("|") || "(?!)", "u");
}

/** Punctuation that closes a sentence (or a clause that legitimately ends a paragraph: ；： and a lead-in dash). */
const TERMINALS = new Set([..."。！？…；：!?;:．", "——"]);
/** Marks that may follow the terminal: closing quotes and brackets. */
const CLOSERS = new Set([..."”’」』）)》〉】〕\"'"]);
/** The same sets by UTF-16 unit (every member is one unit but "——"): `text[i]` would make a string per test. */
const unitsOf = (set: Set<string>) => new Set([...set].filter((s) => s.length === 1).map((s) => s.charCodeAt(0)));
const TERMINAL_UNITS = unitsOf(TERMINALS);
const CLOSER_UNITS = unitsOf(CLOSERS);
const EM_DASH = 0x2014;
/** Internal sentence punctuation: a line containing these is a sentence, not a title. */
const SENTENCE_INTERNAL = /[。！？；!?;]|[\p{Script=Han}][.．](?=\s|[\p{Script=Han}“"]|$)/u;
const SPACE_CHAR = /[\s\u3000\u00a0]/u;
/** Decoration and invisible characters after the last mark: emoji (with joiners and selectors), format characters. */
const DECORATION_CHAR = /[\p{Extended_Pictographic}\p{Cf}\u{fe0f}\u{20e3}\s\u3000]/u;

/**
 * A test of single UTF-16 units against a one-character class. These run on
 * every paragraph end and join: the regular expression decides once per unit
 * (0 not asked yet, 1 yes, 2 no), a table answers after that.
 */
export function unitTest(pattern: RegExp): (c: number) => boolean {
	let known: Uint8Array | undefined;
	return (c) => {
		known ??= new Uint8Array(0x10000);
		let k = known[c];
		if (k === 0) k = known[c] = pattern.test(String.fromCharCode(c)) ? 1 : 2;
		return k === 1;
	};
}

/** Whether a UTF-16 unit is whitespace as the patterns see it (`\s`). */
export const isWhitespaceUnit = unitTest(SPACE_CHAR);
const isDecorationUnit = unitTest(DECORATION_CHAR);

/** Length of the text without trailing whitespace. */
export function trimmedEnd(text: string): number {
	// A loop from the end: a `\s+$` search would try every position of a long paragraph.
	let end = text.length;
	while (end > 0 && isWhitespaceUnit(text.charCodeAt(end - 1))) end--;
	return end;
}

/** The text without trailing whitespace. */
export function trimEnd(text: string): string {
	const end = trimmedEnd(text);
	return end === text.length ? text : text.slice(0, end);
}

/**
 * True when the text ends a sentence: the last mark, after any closing quotes
 * and brackets, is terminal punctuation. A bare ASCII full stop counts only
 * when it does not follow a digit, so a list number "3." does not.
 */
export function endsSentence(text: string): boolean {
	let end = text.length;
	while (end > 0) {
		// Step over a whole code point so an emoji's surrogate pair is tested as one character.
		const low = text.charCodeAt(end - 1);
		const width = low >= 0xdc00 && low <= 0xdfff && end >= 2 ? 2 : 1;
		if (!(width === 1 ? isDecorationUnit(low) : DECORATION_CHAR.test(text.slice(end - width, end)))) break;
		end -= width;
	}
	while (end > 0 && CLOSER_UNITS.has(text.charCodeAt(end - 1))) end--;
	if (end === 0) return false;
	const last = text.charCodeAt(end - 1);
	if (last === EM_DASH && text.charCodeAt(end - 2) === EM_DASH) return true;
	// A lone "3." is a list number; anywhere else an ASCII full stop ends a sentence (电话：63071234.).
	if (last === 0x2e || last === 0xff0e) return end >= 2 && !/^[\s\u3000]*[0-9]{1,3}[.．]$/u.test(text.slice(0, end));
	return TERMINAL_UNITS.has(last);
}

/** True when the text contains a sentence end before its last character (it holds at least one full sentence). */
export function hasInternalSentenceEnd(text: string): boolean {
	return SENTENCE_INTERNAL.test(trimEnd(text).slice(0, -1));
}

/** Offset just after the last sentence end in the text (0 when there is none). */
export function lastSentenceEnd(text: string): number {
	for (let i = text.length - 1; i >= 0; i--) {
		if (TERMINALS.has(text[i]) || (text[i] === "." && i > 0 && isHan(text.codePointAt(i - 1)!))) {
			let j = i + 1;
			while (j < text.length && CLOSERS.has(text[j])) j++;
			return j;
		}
	}
	return 0;
}

let dangling: Set<string> | undefined;
/** The listed words by their last UTF-16 unit. */
let danglingByLast: Map<number, string[]> | undefined;

/**
 * The function word or particle the text ends in, when it ends in one a
 * clause cannot end in (的 和 与 在 将 对 把 被 为 …); undefined otherwise.
 * Decided on words, not characters, so 大会 does not end in 会 nor 成都 in 都.
 */
export function danglingEnding(text: string): string | undefined {
	dangling ??= new Set(continuationData().danglingEndings.words);
	if (!danglingByLast) {
		danglingByLast = new Map();
		for (const w of dangling) {
			const last = w.charCodeAt(w.length - 1);
			const list = danglingByLast.get(last);
			if (list) list.push(w);
			else danglingByLast.set(last, [w]);
		}
	}
	const tail = trimEnd(text).slice(-8);
	if (!tail) return undefined;
	const last = tail.charCodeAt(tail.length - 1);
	if (last === 0xff0c) return "，";
	if (last === 0x2c) return ",";
	if (last === 0x3001) return "、";
	// Segmenting is the costly part; the last word is a suffix of the text, so most endings cannot be a listed word at all (蔺明照 is no 按照).
	const candidates = danglingByLast.get(last);
	if (candidates === undefined || !candidates.some((w) => tail.endsWith(w))) return undefined;
	const tokens = segmentWindow(tail);
	const word = tokens[tokens.length - 1]?.word;
	return word && dangling.has(word) ? word : undefined;
}

/** True when the text opens with an adverbial frame (随着… 由于…) that needs a main clause after it. */
export function opensFrame(text: string): boolean {
	const t = text.replace(/^[\s\u3000]+/u, "");
	return continuationData().danglingEndings.frameOpeners.some((w) => t.startsWith(w));
}

let badStartChars: Set<string> | undefined;
let badStartPunct: Set<string> | undefined;
/** Every first UTF-16 unit a bad start can have: most paragraphs open with none of them. */
let badStartOpeners: Set<number> | undefined;

/**
 * Why the text cannot begin a paragraph, or undefined when it can: it opens
 * with a suffix or particle (化、 的 们), with punctuation that only follows
 * text, or with a locative plus 的 (上的 中的).
 */
export function badStart(text: string): string | undefined {
	const { badStarts } = continuationData();
	badStartChars ??= new Set(badStarts.chars);
	badStartPunct ??= new Set(badStarts.punctuation);
	badStartOpeners ??= new Set([...badStartChars, ...badStartPunct, ...badStarts.prefixes].filter((p) => p).map((p) => p.charCodeAt(0)));
	let lead = 0;
	while (lead < text.length && isWhitespaceUnit(text.charCodeAt(lead))) lead++;
	if (lead === text.length || !badStartOpeners.has(text.charCodeAt(lead))) return undefined;
	const t = lead ? text.slice(lead) : text;
	if (badStartPunct.has(t[0])) return t[0];
	if (badStarts.notPrefixes.some((p) => t.startsWith(p))) return undefined;
	const prefix = badStarts.prefixes.find((p) => t.startsWith(p));
	if (prefix) return prefix;
	if (badStartChars.has(t[0])) {
		// Whether 的/化 starts a word here is a segmentation question: 的确 and 化解 open sentences.
		const first = segmentWindow(t.slice(0, 6))[0]?.word ?? t[0];
		if (first.length === 1) return first;
	}
	return undefined;
}

/** Closing quotes and brackets that may end a sentence after the terminal mark. */
export function isCloser(ch: string): boolean {
	return CLOSERS.has(ch);
}
