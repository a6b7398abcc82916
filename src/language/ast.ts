/**
 * The text model corpuslint rules walk: a document is a list of paragraphs,
 * a paragraph a list of physical lines. Blank lines belong to no paragraph;
 * rules that care about them read `sourceCode.lines`.
 *
 * Positions follow ESLint's text languages: lines and columns are 1-based,
 * ranges are [start, end) offsets into the document text in UTF-16 units.
 */
import type { SourceLocation, SourceRange } from "@eslint/core";

interface NodeBase {
	range: SourceRange;
	loc: SourceLocation;
}

export interface LineNode extends NodeBase {
	type: "Line";
	/** The line's text without its line terminator. */
	value: string;
	/** 1-based line number, the same as `loc.start.line`. */
	lineNumber: number;
}

export interface ParagraphNode extends NodeBase {
	type: "Paragraph";
	/** The paragraph's source text, internal line breaks included as they are in the file. */
	value: string;
	/** Leading indent of the first line (the news convention is two U+3000). */
	indent: string;
	children: LineNode[];
}

export interface DocumentNode extends NodeBase {
	type: "Document";
	children: ParagraphNode[];
	/** How paragraphs were delimited: by blank lines, or one paragraph a line. */
	paragraphMode: "blank-line" | "line";
}

export type TextNode = DocumentNode | ParagraphNode | LineNode;

export const visitorKeys: Record<string, string[]> = {
	Document: ["children"],
	Paragraph: ["children"],
	Line: [],
};
