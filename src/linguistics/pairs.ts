/**
 * Pairing of Chinese brackets and quotes, shared by `unbalanced-pairs`,
 * `truncated-sentence` and `column-join`. Straight ASCII quotes are
 * ambiguous (open or close) and are left to `punctuation-width`.
 */
import { utf16Reader } from "./normalize.js";

export const OPEN_TO_CLOSE: Readonly<Record<string, string>> = {
	"“": "”",
	"‘": "’",
	"《": "》",
	"〈": "〉",
	"（": "）",
	"「": "」",
	"『": "』",
	"【": "】",
	"〔": "〕",
	"(": ")",
};
export const CLOSE_TO_OPEN: Readonly<Record<string, string>> = Object.fromEntries(
	Object.entries(OPEN_TO_CLOSE).map(([o, c]) => [c, o]),
);

/** Any opener or closer (global: the scan below resets lastIndex; nothing else uses it). Every one is a single UTF-16 unit. */
const MARKS = new RegExp(
	`[${Object.entries(OPEN_TO_CLOSE)
		.flat()
		.join("")
		.replace(/[()\]\\^-]/gu, "\\$&")}]`,
	"gu",
);

/** Letters of alphabetic scripts (not Han): the neighbours of an apostrophe. */
const LETTER = /^(?!\p{Script=Han})\p{L}$/u;

export interface PairProblem {
	/** Offset of the unmatched character in the scanned text. */
	index: number;
	char: string;
	kind: "unclosed" | "unopened";
	/** The character that would have matched it. */
	expected: string;
}

/** Per UTF-16 unit: 0, OPENS or CLOSES; built on first use. */
const OPENS = 1;
const CLOSES = 2;
let markKinds: Uint8Array | undefined;
/** Opener code of each closer code. */
let openerOf: Map<number, number> | undefined;

function kinds(): Uint8Array {
	if (!markKinds) {
		markKinds = new Uint8Array(0x10000);
		openerOf = new Map();
		for (const [open, close] of Object.entries(OPEN_TO_CLOSE)) {
			markKinds[open.charCodeAt(0)] = OPENS;
			markKinds[close.charCodeAt(0)] = CLOSES;
			openerOf.set(close.charCodeAt(0), open.charCodeAt(0));
		}
	}
	return markKinds;
}

function unclosed(index: number, code: number): PairProblem {
	const char = String.fromCharCode(code);
	return { index, char, kind: "unclosed", expected: OPEN_TO_CLOSE[char] };
}

/**
 * Scans text with a stack and returns unmatched openers and closers. A closer
 * that matches an opener deeper in the stack closes it and reports the
 * openers above it as unclosed, which keeps one missing quote from cascading
 * into a report on every later bracket.
 */
export function findUnpairedMarks(text: string): PairProblem[] {
	// The native scan rejects text without any mark; from the first one, a table lookup per unit
	// is cheaper than a regex call per mark (news text has a mark every few dozen characters).
	MARKS.lastIndex = 0;
	if (!MARKS.test(text)) return [];
	const table = kinds();
	// The stack in two reused buffers with a height, and no list of problems until there is one: most paragraphs pair up.
	let height = 0;
	let problems: PairProblem[] | undefined;
	const units = unitsOf(text);
	for (let i = MARKS.lastIndex - 1; i < text.length; i++) {
		const code = units[i];
		const kind = table[code];
		if (kind === 0) continue;
		// ’ between letters is an apostrophe (China’s, rock’n’roll), not a closing quote.
		if (code === 0x2019 && LETTER.test(text[i - 1] ?? "") && LETTER.test(text[i + 1] ?? "")) continue;
		if (kind === OPENS) {
			if (height === stackIndex.length) growStack();
			stackIndex[height] = i;
			stackCode[height] = code;
			height++;
			continue;
		}
		const opener = openerOf!.get(code)!;
		let depth = height - 1;
		while (depth >= 0 && stackCode[depth] !== opener) depth--;
		if (depth < 0) {
			(problems ??= []).push({ index: i, char: String.fromCharCode(code), kind: "unopened", expected: String.fromCharCode(opener) });
			continue;
		}
		// The matched opener is the first removed; everything above it never closed.
		for (let k = depth + 1; k < height; k++) (problems ??= []).push(unclosed(stackIndex[k], stackCode[k]));
		height = depth;
	}
	for (let k = 0; k < height; k++) (problems ??= []).push(unclosed(stackIndex[k], stackCode[k]));
	if (problems === undefined) return [];
	return problems.length > 1 ? problems.sort((a, b) => a.index - b.index) : problems;
}

let stackIndex = new Int32Array(64);
let stackCode = new Uint16Array(64);

function growStack(): void {
	const index = new Int32Array(2 * stackIndex.length);
	const code = new Uint16Array(2 * stackCode.length);
	index.set(stackIndex);
	code.set(stackCode);
	stackIndex = index;
	stackCode = code;
}

/** The code units of the text being scanned (its own buffer: a caller may hold another reader's). */
const unitsOf = utf16Reader();

/** True when every bracket and quote in the text is closed. */
export function isBalanced(text: string): boolean {
	return findUnpairedMarks(text).length === 0;
}
