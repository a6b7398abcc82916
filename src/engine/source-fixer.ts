import type { LintMessage, TextEdit } from "./types.js";

export interface FixOutcome {
	fixed: boolean;
	output: string;
	/** Messages whose fix was not applied (overlap, or filtered out), plus all messages without a fix. */
	remaining: LintMessage[];
}

function compareFixes(a: LintMessage, b: LintMessage): number {
	return a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1];
}

/**
 * Applies the fixes of one pass, the way ESLint's SourceCodeFixer does: sort by
 * position, apply each fix whose range starts after the previous one ended,
 * and leave overlapping fixes for the next pass. Suggestions are never applied.
 */
export function applyFixes(
	text: string,
	messages: readonly LintMessage[],
	shouldFix: (message: LintMessage) => boolean = () => true,
): FixOutcome {
	const fixable: LintMessage[] = [];
	const remaining: LintMessage[] = [];
	for (const m of messages) {
		if (m.fix && shouldFix(m)) fixable.push(m);
		else remaining.push(m);
	}
	if (fixable.length === 0) return { fixed: false, output: text, remaining: [...messages] };

	fixable.sort(compareFixes);
	const parts: string[] = [];
	let lastEnd = -1;
	let cursor = 0;
	let fixed = false;
	for (const m of fixable) {
		const { range, text: replacement } = m.fix!;
		const [start, end] = range;
		if (start < 0 || end > text.length || start > end) {
			remaining.push(m);
			continue;
		}
		// Strictly after: two insertions at one point would be ambiguous in order.
		if (start <= lastEnd) {
			remaining.push(m);
			continue;
		}
		parts.push(text.slice(cursor, start), replacement);
		cursor = end;
		lastEnd = end;
		fixed = true;
	}
	parts.push(text.slice(cursor));
	return { fixed, output: parts.join(""), remaining: remaining.sort(compareLocations) };
}

export function compareLocations(a: LintMessage, b: LintMessage): number {
	return a.line - b.line || a.column - b.column;
}

/** Merges several edits of one report into one, as ESLint does for fix arrays. */
export function mergeEdits(text: string, edits: readonly TextEdit[]): TextEdit | undefined {
	if (edits.length === 0) return undefined;
	if (edits.length === 1) return edits[0];
	const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
	const start = sorted[0].range[0];
	const end = Math.max(...sorted.map((e) => e.range[1]));
	let out = "";
	let cursor = start;
	for (const e of sorted) {
		if (e.range[0] < cursor) throw new Error("Fix objects of one report must not overlap.");
		out += text.slice(cursor, e.range[0]) + e.text;
		cursor = e.range[1];
	}
	out += text.slice(cursor, end);
	return { range: [start, end], text: out };
}
