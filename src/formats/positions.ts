/**
 * Line/column ⇄ offset conversion for formatters that place findings back in
 * the text (html) or describe fixes by position (sarif). Same line terminators
 * and 1-based UTF-16 columns as the text model, so positions agree with the engine.
 */
import { LINE_ENDING } from "../language/parse.js";

export class LineIndex {
	/** Offset at which each line starts (index 0 = line 1). */
	readonly starts: number[] = [0];
	/** Offset just past each line's content (before its terminator). */
	readonly ends: number[] = [];

	constructor(readonly text: string) {
		const re = new RegExp(LINE_ENDING.source, "gu");
		for (let m = re.exec(text); m; m = re.exec(text)) {
			this.ends.push(m.index);
			this.starts.push(m.index + m[0].length);
		}
		this.ends.push(text.length);
	}

	get lineCount(): number {
		return this.starts.length;
	}

	/** Offset of a 1-based line/column, clamped into the text. */
	offsetOf(line: number, column: number): number {
		if (line < 1) return 0;
		if (line > this.starts.length) return this.text.length;
		const start = this.starts[line - 1];
		// A column past the line's content points at its terminator (ESLint's end of line).
		return Math.min(start + Math.max(column - 1, 0), line < this.starts.length ? this.starts[line] : this.text.length);
	}

	/** 1-based line/column of an offset. */
	positionOf(offset: number): { line: number; column: number } {
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: offset - this.starts[lo] + 1 };
	}
}
