import type { DocumentNode, LineNode, ParagraphNode } from "./ast.js";

/** The line terminators the model splits on; `\r\n` first so it counts as one. */
export const LINE_ENDING = /\r\n|\r|\n/gu;

/** A line that starts a new paragraph even without a blank line before it. */
const INDENTED_START = /^(?:\u3000|[ \t]{2,}|\u00a0{2,})/u;

interface RawLine {
	text: string;
	start: number;
	end: number;
	number: number;
}

function splitLines(text: string): RawLine[] {
	const lines: RawLine[] = [];
	let start = 0;
	let number = 1;
	LINE_ENDING.lastIndex = 0;
	for (let m = LINE_ENDING.exec(text); m; m = LINE_ENDING.exec(text)) {
		lines.push({ text: text.slice(start, m.index), start, end: m.index, number });
		start = m.index + m[0].length;
		number++;
	}
	lines.push({ text: text.slice(start), start, end: text.length, number });
	return lines;
}

function isBlank(line: string): boolean {
	// A line of only spaces (ASCII, NBSP, ideographic) separates paragraphs like an empty one.
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff) return false;
	}
	return true;
}

function lineNode(l: RawLine): LineNode {
	return {
		type: "Line",
		value: l.text,
		lineNumber: l.number,
		range: [l.start, l.end],
		loc: { start: { line: l.number, column: 1 }, end: { line: l.number, column: l.text.length + 1 } },
	};
}

function paragraphNode(text: string, lines: RawLine[]): ParagraphNode {
	const first = lines[0];
	const last = lines[lines.length - 1];
	return {
		type: "Paragraph",
		value: text.slice(first.start, last.end),
		indent: /^[\s\u3000]*/u.exec(first.text)?.[0] ?? "",
		children: lines.map(lineNode),
		range: [first.start, last.end],
		loc: {
			start: { line: first.number, column: 1 },
			end: { line: last.number, column: last.text.length + 1 },
		},
	};
}

/**
 * Builds the document model. Paragraphs are separated by blank lines; inside a
 * block, a line with the paragraph indent (U+3000 or two spaces) starts a new
 * paragraph, because print-derived text often drops the blank lines but keeps
 * the indent. Files without any blank line are one paragraph a line.
 */
export function parseText(text: string): DocumentNode {
	const lines = splitLines(text);
	// A blank line separates paragraphs only between two non-blank lines: blank
	// lines before the first or after the last text line (a file ending in "\n\n")
	// do not make a one-paragraph-a-line file a blank-line one.
	let lastText = lines.length - 1;
	while (lastText >= 0 && isBlank(lines[lastText].text)) lastText--;
	const hasBlankSeparator = lines.some(
		(l, i) => i > 0 && i < lastText && isBlank(l.text) && !isBlank(lines[i - 1].text),
	);
	const paragraphs: ParagraphNode[] = [];
	let block: RawLine[] = [];
	const flush = () => {
		if (block.length) paragraphs.push(paragraphNode(text, block));
		block = [];
	};
	for (const line of lines) {
		if (isBlank(line.text)) {
			flush();
			continue;
		}
		if (!hasBlankSeparator || (block.length > 0 && INDENTED_START.test(line.text))) flush();
		block.push(line);
	}
	flush();
	const last = lines[lines.length - 1];
	return {
		type: "Document",
		children: paragraphs,
		paragraphMode: hasBlankSeparator ? "blank-line" : "line",
		range: [0, text.length],
		loc: { start: { line: 1, column: 1 }, end: { line: last.number, column: last.text.length + 1 } },
	};
}
