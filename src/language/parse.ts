import type { DocumentNode, LineNode, ParagraphNode } from "./ast.js";

/** The line terminators the model splits on; `\r\n` first so it counts as one. */
export const LINE_ENDING = /\r\n|\r|\n/gu;

/**
 * Where every physical line of a text starts and ends (terminator excluded).
 * The parser finds them anyway; the source code object reuses them for
 * `lines` and offset/position conversions instead of splitting the text again.
 */
export interface LineTable {
	starts: number[];
	ends: number[];
}

const lineTables = new WeakMap<DocumentNode, LineTable>();

/** The line table of a document `parseText` built, if it built this one. */
export function lineTableOf(ast: DocumentNode): LineTable | undefined {
	return lineTables.get(ast);
}

/** Splits on `\r\n`, `\r` and `\n` exactly as LINE_ENDING does, without a regex or a string per line. */
export function computeLineTable(text: string): LineTable {
	const starts: number[] = [];
	const ends: number[] = [];
	let start = 0;
	if (text.indexOf("\r") === -1) {
		// The common case: jump from newline to newline natively.
		for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
			starts.push(start);
			ends.push(nl);
			start = nl + 1;
		}
	} else {
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 0x0a || c === 0x0d) {
				starts.push(start);
				ends.push(i);
				if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
				start = i + 1;
			}
		}
	}
	starts.push(start);
	ends.push(text.length);
	return { starts, ends };
}

/** A line of only spaces (ASCII, NBSP, ideographic) separates paragraphs like an empty one. */
function isBlankSpan(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff) return false;
	}
	return true;
}

/** A line that starts a new paragraph even without a blank line before it: /^(?:\u3000|[ \t]{2,}|\u00a0{2,})/. */
function isIndentedStart(text: string, start: number, end: number): boolean {
	if (start >= end) return false;
	const c = text.charCodeAt(start);
	if (c === 0x3000) return true;
	if (start + 1 >= end) return false;
	const d = text.charCodeAt(start + 1);
	if (c === 0x20 || c === 0x09) return d === 0x20 || d === 0x09;
	return c === 0xa0 && d === 0xa0;
}

/** JavaScript's `\s` (plus U+3000, already in it): the characters of a paragraph's leading indent. */
function isJsSpace(c: number): boolean {
	if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
	if (c < 0xa0) return false;
	return (
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

function lineNode(text: string, start: number, end: number, number: number): LineNode {
	return {
		type: "Line",
		value: text.slice(start, end),
		lineNumber: number,
		range: [start, end],
		loc: { start: { line: number, column: 1 }, end: { line: number, column: end - start + 1 } },
	};
}

/** The paragraph made of lines `first`..`last` (0-based indices into the table). */
function paragraphNode(text: string, table: LineTable, first: number, last: number): ParagraphNode {
	const { starts, ends } = table;
	const start = starts[first];
	const end = ends[last];
	let indentEnd = start;
	while (indentEnd < ends[first] && isJsSpace(text.charCodeAt(indentEnd))) indentEnd++;
	const children: LineNode[] = [];
	for (let k = first; k <= last; k++) children.push(lineNode(text, starts[k], ends[k], k + 1));
	return {
		type: "Paragraph",
		value: text.slice(start, end),
		indent: text.slice(start, indentEnd),
		children,
		range: [start, end],
		loc: {
			start: { line: first + 1, column: 1 },
			end: { line: last + 1, column: end - starts[last] + 1 },
		},
	};
}

let blankFlags = new Uint8Array(0);

/**
 * Builds the document model. Paragraphs are separated by blank lines; inside a
 * block, a line with the paragraph indent (U+3000 or two spaces) starts a new
 * paragraph, because print-derived text often drops the blank lines but keeps
 * the indent. Files without any blank line are one paragraph a line.
 */
export function parseText(text: string): DocumentNode {
	const table = computeLineTable(text);
	const { starts, ends } = table;
	const count = starts.length;
	// One flag array reused across documents (a typed array this size is an external allocation
	// each time); a huge document gets its own, so the process does not keep it.
	if (blankFlags.length < count && count <= 1 << 16) blankFlags = new Uint8Array(Math.min(1 << 16, Math.max(count, blankFlags.length * 2)));
	const blank = count <= blankFlags.length ? blankFlags : new Uint8Array(count);
	for (let i = 0; i < count; i++) blank[i] = isBlankSpan(text, starts[i], ends[i]) ? 1 : 0;
	// A blank line separates paragraphs only between two non-blank lines: blank
	// lines before the first or after the last text line (a file ending in "\n\n")
	// do not make a one-paragraph-a-line file a blank-line one.
	let lastText = count - 1;
	while (lastText >= 0 && blank[lastText]) lastText--;
	let hasBlankSeparator = false;
	for (let i = 1; i < lastText; i++) {
		if (blank[i] && !blank[i - 1]) {
			hasBlankSeparator = true;
			break;
		}
	}
	const paragraphs: ParagraphNode[] = [];
	let blockStart = -1;
	for (let i = 0; i < count; i++) {
		if (blank[i]) {
			if (blockStart >= 0) paragraphs.push(paragraphNode(text, table, blockStart, i - 1));
			blockStart = -1;
			continue;
		}
		if (blockStart >= 0 && (!hasBlankSeparator || isIndentedStart(text, starts[i], ends[i]))) {
			paragraphs.push(paragraphNode(text, table, blockStart, i - 1));
			blockStart = -1;
		}
		if (blockStart < 0) blockStart = i;
	}
	if (blockStart >= 0) paragraphs.push(paragraphNode(text, table, blockStart, count - 1));
	const doc: DocumentNode = {
		type: "Document",
		children: paragraphs,
		paragraphMode: hasBlankSeparator ? "blank-line" : "line",
		range: [0, text.length],
		loc: { start: { line: 1, column: 1 }, end: { line: count, column: ends[count - 1] - starts[count - 1] + 1 } },
	};
	lineTables.set(doc, table);
	return doc;
}
