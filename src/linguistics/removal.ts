/**
 * Ranges that delete whole lines or paragraphs together with the separator
 * they leave behind, so removing repeats never piles up blank lines: a
 * removed unit takes the line break and blank lines that follow it, and the
 * last unit of a document takes the break before it instead (keeping the
 * file's final newline). Shared by the rules that delete repeated text.
 */
import type { SourceRange } from "@eslint/core";

interface Ranged {
	range: SourceRange;
}

/**
 * `units` are the document's lines or paragraphs in order; `remove` the ones
 * to delete. Returns sorted, non-overlapping ranges to delete.
 */
export function removalRanges<T extends Ranged>(units: readonly T[], remove: ReadonlySet<T>): SourceRange[] {
	const spans: SourceRange[] = [];
	let lastKept: T | undefined;
	for (let i = 0; i < units.length; i++) {
		const unit = units[i];
		if (!remove.has(unit)) {
			lastKept = unit;
			continue;
		}
		const next = units[i + 1];
		if (next) spans.push([unit.range[0], next.range[0]]);
		else spans.push([lastKept ? lastKept.range[1] : unit.range[0], unit.range[1]]);
	}
	spans.sort((a, b) => a[0] - b[0]);
	const merged: SourceRange[] = [];
	for (const s of spans) {
		const top = merged[merged.length - 1];
		if (top && s[0] <= top[1]) top[1] = Math.max(top[1], s[1]);
		else merged.push([s[0], s[1]]);
	}
	return merged;
}
