import type { LintMessage, TextEdit } from "./types.js";

export interface FixOutcome {
	fixed: boolean;
	output: string;
	/** Messages whose fix was not applied (overlap, or filtered out), plus all messages without a fix. */
	remaining: LintMessage[];
}

/**
 * The separate edits behind a message's merged `fix`, when a report made
 * several (a group of repeated captions deleted at once). Kept off the JSON
 * output, which shows ESLint's single merged fix.
 */
const EDITS = Symbol("corpuslint.edits");
type WithEdits = LintMessage & { [EDITS]?: TextEdit[] };

export function attachEdits(message: LintMessage, edits: TextEdit[]): void {
	if (edits.length > 1) Object.defineProperty(message, EDITS, { value: edits, enumerable: false });
}

export function editsOf(message: LintMessage): TextEdit[] {
	return (message as WithEdits)[EDITS] ?? [message.fix!];
}

/** Ranges already taken in this pass, sorted and disjoint. */
class TakenRanges {
	readonly #starts: number[] = [];
	readonly #ends: number[] = [];
	/** Touching counts as a conflict, as in ESLint: two edits at one point would be ambiguous in order. */
	conflicts([start, end]: [number, number]): boolean {
		const s = this.#starts;
		let lo = 0;
		let hi = s.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (s[mid] <= end) lo = mid + 1;
			else hi = mid;
		}
		// Ranges are disjoint and sorted, so their ends ascend: walk back while they can reach `start`.
		for (let i = lo - 1; i >= 0 && this.#ends[i] >= start; i--) {
			if (s[i] <= end) return true;
		}
		return false;
	}
	add([start, end]: [number, number]): void {
		let i = this.#starts.length;
		while (i > 0 && this.#starts[i - 1] > start) i--;
		this.#starts.splice(i, 0, start);
		this.#ends.splice(i, 0, end);
	}
}

/**
 * Applies the fixes of one pass, the way ESLint's SourceCodeFixer does: sort by
 * position, apply each fix that does not touch an already applied one, and
 * leave the others for the next pass. A report made of several separate edits
 * is applied all or nothing, and only its edits (not the text between them)
 * block other fixes. Suggestions are never applied.
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

	fixable.sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
	const taken = new TakenRanges();
	const accepted: TextEdit[] = [];
	for (const m of fixable) {
		const edits = editsOf(m);
		const valid = edits.every(({ range: [s, e] }) => s >= 0 && e <= text.length && s <= e);
		if (!valid || edits.some((e) => taken.conflicts(e.range))) {
			remaining.push(m);
			continue;
		}
		for (const e of edits) {
			taken.add(e.range);
			accepted.push(e);
		}
	}
	if (accepted.length === 0) return { fixed: false, output: text, remaining: remaining.sort(compareLocations) };
	accepted.sort((a, b) => a.range[0] - b.range[0]);
	const parts: string[] = [];
	let cursor = 0;
	for (const { range, text: replacement } of accepted) {
		parts.push(text.slice(cursor, range[0]), replacement);
		cursor = range[1];
	}
	parts.push(text.slice(cursor));
	return { fixed: true, output: parts.join(""), remaining: remaining.sort(compareLocations) };
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
