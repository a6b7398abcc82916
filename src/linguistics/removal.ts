/**
 * Ranges that delete whole lines or paragraphs together with one of the
 * separators around them, so removing repeats never piles up blank lines.
 * Each run of consecutive removed units leaves behind exactly one of the two
 * separators it sat between — the wider one, so a block keeps its blank line
 * to the next paragraph — and a run at the end of the document takes the
 * break before it (keeping the file's final newline). Shared by the rules
 * that delete repeated text.
 */
import type { SourceRange } from "@eslint/core";

interface Ranged {
	range: SourceRange;
}

/**
 * `units` are the document's lines or paragraphs in order; `remove` the
 * indices of the ones to delete. Returns sorted, non-overlapping ranges to
 * delete. Costs O(k log k) for k removed units, whatever the document size.
 */
export function removalRanges(units: readonly Ranged[], remove: readonly number[]): SourceRange[] {
	const sorted = [...new Set(remove)].sort((a, b) => a - b);
	const ranges: SourceRange[] = [];
	for (let r = 0; r < sorted.length; r++) {
		const i = sorted[r];
		let j = i;
		while (r + 1 < sorted.length && sorted[r + 1] === j + 1) j = sorted[++r];
		const first = units[i];
		const last = units[j];
		const before = units[i - 1];
		const after = units[j + 1];
		if (!before && !after) ranges.push([first.range[0], last.range[1]]);
		else if (!after) ranges.push([before.range[1], last.range[1]]);
		else if (!before) ranges.push([first.range[0], after.range[0]]);
		else {
			const gapBefore = first.range[0] - before.range[1];
			const gapAfter = after.range[0] - last.range[1];
			ranges.push(gapAfter > gapBefore ? [before.range[1], last.range[1]] : [first.range[0], after.range[0]]);
		}
	}
	return ranges;
}
