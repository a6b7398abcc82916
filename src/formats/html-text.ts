/**
 * Renders a text with findings highlighted inline for the HTML report: one
 * `<mark>` per stretch of text covered by the same findings (overlaps are
 * split, never nested), a caret mark for zero-width findings such as
 * insertions, line numbers in a gutter. Huge texts are shown as windows of a
 * few lines around the findings, within a character budget.
 */
import { LineIndex } from "./positions.js";

export interface Span {
	/** Index of the finding in the report's data table. */
	id: number;
	start: number;
	end: number;
	severity: 1 | 2;
	/** Hover text. */
	title: string;
}

export interface TextView {
	/** Show the whole text (else windows around the findings). */
	full: boolean;
	contextLines: number;
	/** Characters of text this call may render; windows beyond it are left out. */
	budget: number;
}

export interface RenderedText {
	html: string;
	renderedChars: number;
	/** Findings that fell outside the rendered windows. */
	hidden: number[];
	/** Lines not shown (outside windows, or over budget). */
	omittedLines: number;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c]);
}

/** Visible stand-ins for characters that would otherwise be invisible inside a highlight. */
function visible(s: string): string {
	return escapeHtml(s).replace(/\t/gu, "→\t").replace(/\u3000/gu, "<span class=\"ws\">\u3000</span>");
}

function windowsOf(lines: LineIndex, spans: Span[], view: TextView): Array<[number, number]> {
	const total = lines.lineCount;
	if (view.full) return [[1, total]];
	const ranges = spans
		.map((s) => [lines.positionOf(s.start).line, lines.positionOf(Math.max(s.start, s.end - 1)).line] as [number, number])
		.map(([a, b]) => [Math.max(1, a - view.contextLines), Math.min(total, b + view.contextLines)] as [number, number])
		.sort((x, y) => x[0] - y[0]);
	const merged: Array<[number, number]> = [];
	for (const r of ranges) {
		const last = merged[merged.length - 1];
		if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
		else merged.push([r[0], r[1]]);
	}
	return merged;
}

function markOpen(covering: Span[], anchored: Set<number>, point: boolean): string {
	const severity = covering.some((s) => s.severity === 2) ? 2 : 1;
	const ids = covering.map((s) => s.id);
	const fresh = ids.find((id) => !anchored.has(id));
	let anchor = "";
	if (fresh !== undefined) {
		// The first piece of each finding is its scroll target; later pieces only carry data-f.
		anchor = ` id="f-${fresh}"`;
		for (const id of ids) anchored.add(id);
	}
	const title = escapeHtml(covering.map((s) => s.title).join("\n"));
	return `<mark${anchor} class="f s${severity}${point ? " pt" : ""}" data-f="${ids.join(" ")}" tabindex="0" title="${title}">`;
}

function renderLine(text: string, lineStart: number, lineEnd: number, spans: Span[], anchored: Set<number>): string {
	const ranged: Span[] = [];
	const points: Span[] = [];
	for (const s of spans) {
		const vs = Math.max(s.start, lineStart);
		const ve = Math.min(s.end, lineEnd);
		if (vs < ve) ranged.push(s);
		else if (s.start >= lineStart && s.start <= lineEnd) points.push(s);
	}
	if (ranged.length === 0 && points.length === 0) return visible(text.slice(lineStart, lineEnd));
	const cuts = new Set<number>([lineStart, lineEnd]);
	for (const s of ranged) {
		cuts.add(Math.max(s.start, lineStart));
		cuts.add(Math.min(s.end, lineEnd));
	}
	for (const s of points) cuts.add(Math.min(s.start, lineEnd));
	const sorted = [...cuts].sort((a, b) => a - b);
	let out = "";
	for (let i = 0; i < sorted.length; i++) {
		const p = sorted[i];
		const here = points.filter((s) => Math.min(s.start, lineEnd) === p);
		if (here.length) out += `${markOpen(here, anchored, true)}</mark>`;
		if (i === sorted.length - 1) break;
		const q = sorted[i + 1];
		const covering = ranged.filter((s) => s.start <= p && s.end >= q);
		const piece = visible(text.slice(p, q));
		out += covering.length ? `${markOpen(covering, anchored, false)}${piece}</mark>` : piece;
	}
	return out;
}

export function renderText(text: string, spans: Span[], view: TextView, lines = new LineIndex(text)): RenderedText {
	const windows = windowsOf(lines, spans, view);
	const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
	const anchored = new Set<number>();
	let html = "";
	let renderedChars = 0;
	let shownLines = 0;
	let previousEnd = 0;
	let cursor = 0;
	for (const [first, last] of windows) {
		const from = lines.starts[first - 1];
		const to = lines.ends[last - 1];
		// The first window is shown even when over budget, so a file with findings never shows no text at all.
		if (view.budget <= 0 || (renderedChars > 0 && renderedChars + (to - from) > view.budget)) break;
		if (first > previousEnd + 1) html += `<div class="gap">⋯ lines ${previousEnd + 1}–${first - 1} not shown ⋯</div>`;
		let body = "";
		while (cursor < sorted.length && sorted[cursor].end < from) cursor++;
		for (let line = first; line <= last; line++) {
			const ls = lines.starts[line - 1];
			const le = lines.ends[line - 1];
			const onLine: Span[] = [];
			for (let k = cursor; k < sorted.length && sorted[k].start <= le; k++) {
				if (sorted[k].end >= ls) onLine.push(sorted[k]);
			}
			body += `<span class="l" data-n="${line}">${renderLine(text, ls, le, onLine, anchored)}</span>`;
		}
		html += `<pre class="src">${body}</pre>`;
		renderedChars += to - from;
		shownLines += last - first + 1;
		previousEnd = last;
	}
	if (previousEnd < lines.lineCount && windows.length > 0) {
		html += `<div class="gap">⋯ lines ${previousEnd + 1}–${lines.lineCount} not shown ⋯</div>`;
	}
	const hidden = spans.filter((s) => !anchored.has(s.id)).map((s) => s.id);
	return { html, renderedChars, hidden, omittedLines: lines.lineCount - shownLines };
}
