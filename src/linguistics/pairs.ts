/**
 * Pairing of Chinese brackets and quotes, shared by `unbalanced-pairs`,
 * `truncated-sentence` and `column-join`. Straight ASCII quotes are
 * ambiguous (open or close) and are left to `punctuation-width`.
 */

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

/** Any opener or closer (global: the scan below resets lastIndex; nothing else uses it). */
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

/**
 * Scans text with a stack and returns unmatched openers and closers. A closer
 * that matches an opener deeper in the stack closes it and reports the
 * openers above it as unclosed, which keeps one missing quote from cascading
 * into a report on every later bracket.
 */
export function findUnpairedMarks(text: string): PairProblem[] {
	const stack: Array<{ index: number; char: string }> = [];
	const problems: PairProblem[] = [];
	// Jump from mark to mark with a native regex scan instead of reading every character.
	const marks = MARKS;
	marks.lastIndex = 0;
	for (let m = marks.exec(text); m; m = marks.exec(text)) {
		const i = m.index;
		const ch = m[0];
		// ’ between letters is an apostrophe (China’s, rock’n’roll), not a closing quote.
		if (ch === "’" && LETTER.test(text[i - 1] ?? "") && LETTER.test(text[i + 1] ?? "")) continue;
		if (Object.hasOwn(OPEN_TO_CLOSE, ch)) {
			stack.push({ index: i, char: ch });
			continue;
		}
		const opener = CLOSE_TO_OPEN[ch];
		let depth = stack.length - 1;
		while (depth >= 0 && stack[depth].char !== opener) depth--;
		if (depth < 0) {
			problems.push({ index: i, char: ch, kind: "unopened", expected: opener });
			continue;
		}
		// The matched opener is the first removed; everything above it never closed.
		for (const s of stack.splice(depth).slice(1)) {
			problems.push({ index: s.index, char: s.char, kind: "unclosed", expected: OPEN_TO_CLOSE[s.char] });
		}
	}
	for (const s of stack) problems.push({ index: s.index, char: s.char, kind: "unclosed", expected: OPEN_TO_CLOSE[s.char] });
	return problems.sort((a, b) => a.index - b.index);
}

/** True when every bracket and quote in the text is closed. */
export function isBalanced(text: string): boolean {
	return findUnpairedMarks(text).length === 0;
}
