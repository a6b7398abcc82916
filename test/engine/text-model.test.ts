import { TextSourceCodeBase } from "@eslint/plugin-kit";
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/language/parse.js";
import { TextSourceCode } from "../../src/language/source-code.js";

function paragraphs(text: string): string[] {
	return parseText(text).children.map((p) => p.value);
}

describe("paragraph model", () => {
	it("splits on blank lines and keeps a paragraph's internal newlines", () => {
		const doc = parseText("标题\n\n第一段第一行\n第一段第二行\n\n第二段。\n");
		expect(doc.paragraphMode).toBe("blank-line");
		expect(doc.children.map((p) => p.value)).toEqual(["标题", "第一段第一行\n第一段第二行", "第二段。"]);
		expect(doc.children[1].children.map((l) => [l.lineNumber, l.value])).toEqual([
			[3, "第一段第一行"],
			[4, "第一段第二行"],
		]);
	});

	it("treats a file without blank lines as one paragraph a line", () => {
		const doc = parseText("标题\n第一段。\n第二段。\n");
		expect(doc.paragraphMode).toBe("line");
		expect(doc.children.map((p) => p.value)).toEqual(["标题", "第一段。", "第二段。"]);
	});

	it("does not let blank lines only at the start or end of a file make it a blank-line file", () => {
		expect(parseText("\n\n标题\n第一段。\n").paragraphMode).toBe("line");
		// Scraped files often end with an extra empty line; that separates nothing.
		const trailing = parseText("标题\n第一段。\n第二段。\n\n");
		expect(trailing.paragraphMode).toBe("line");
		expect(trailing.children.map((p) => p.value)).toEqual(["标题", "第一段。", "第二段。"]);
	});

	it("counts whitespace-only lines (spaces, U+3000, NBSP) as blank", () => {
		expect(paragraphs("一\n \u3000\u00a0\n二\n")).toEqual(["一", "二"]);
	});

	it("starts a new paragraph at a U+3000 or two-space indented line inside a block", () => {
		const doc = parseText("标题\n\n\u3000\u3000第一段。\n\u3000\u3000第二段，\n接着第二段。\n  第三段。\n");
		expect(doc.children.map((p) => p.value)).toEqual(["标题", "\u3000\u3000第一段。", "\u3000\u3000第二段，\n接着第二段。", "  第三段。"]);
		expect(doc.children[1].indent).toBe("\u3000\u3000");
		expect(doc.children[2].indent).toBe("\u3000\u3000");
	});

	it("keeps CRLF out of line values and counts it as one terminator in positions", () => {
		const text = "甲乙\r\n\r\n丙丁戊\r\n己\r\n";
		const doc = parseText(text);
		expect(doc.paragraphMode).toBe("blank-line");
		const [p1, p2] = doc.children;
		expect(p1.children[0]).toMatchObject({ value: "甲乙", range: [0, 2], loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 3 } } });
		expect(p2.value).toBe("丙丁戊\r\n己");
		expect(p2.range).toEqual([6, 12]);
		expect(p2.children.map((l) => [l.lineNumber, l.range])).toEqual([
			[3, [6, 9]],
			[4, [11, 12]],
		]);
		expect(doc.loc.end).toEqual({ line: 5, column: 1 });
		for (const p of doc.children) for (const l of p.children) expect(text.slice(l.range[0], l.range[1])).toBe(l.value);
	});

	it("handles empty text and text without a final newline", () => {
		expect(parseText("")).toMatchObject({ children: [], range: [0, 0], loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } });
		expect(paragraphs("一\n\n二")).toEqual(["一", "二"]);
	});
});

describe("TextSourceCode positions", () => {
	it("turns offsets inside a node into absolute ranges and locations (CRLF text)", () => {
		const text = "标题\r\n\r\n第一行，\r\n第二行有错字。\r\n";
		const sourceCode = new TextSourceCode({ text, ast: parseText(text) });
		const paragraph = sourceCode.paragraphs[1];
		const second = paragraph.children[1];
		// "错字" is at offsets 4..6 of line 4.
		expect(sourceCode.rangeIn(second, 4, 6)).toEqual([second.range[0] + 4, second.range[0] + 6]);
		expect(text.slice(...sourceCode.rangeIn(second, 4, 6))).toBe("错字");
		expect(sourceCode.locIn(second, 4, 6)).toEqual({ start: { line: 4, column: 5 }, end: { line: 4, column: 7 } });
		// Inside a paragraph, offsets cross the CRLF: "第二" starts at 4 + 2 (the \r\n) of the paragraph value.
		const at = paragraph.value.indexOf("第二");
		expect(at).toBe(6);
		expect(sourceCode.locIn(paragraph, at, at + 2)).toEqual({ start: { line: 4, column: 1 }, end: { line: 4, column: 3 } });
		expect(sourceCode.getNodeText(paragraph)).toBe(paragraph.value);
		expect(() => sourceCode.rangeIn(second, 0, 99)).toThrow(RangeError);
	});

	it("lists line nodes in order and shares memoised results between callers", () => {
		const text = "一\n\n二\n三\n";
		const sourceCode = new TextSourceCode({ text, ast: parseText(text) });
		expect(sourceCode.lineNodes.map((l) => l.value)).toEqual(["一", "二", "三"]);
		let computed = 0;
		const p = sourceCode.paragraphs[0];
		const a = sourceCode.memo("k", p, () => ({ n: ++computed }));
		const b = sourceCode.memo("k", p, () => ({ n: ++computed }));
		expect(b).toBe(a);
		expect(computed).toBe(1);
		expect(sourceCode.getParent(sourceCode.lineNodes[1])).toBe(sourceCode.paragraphs[1]);
	});
});

describe("TextSourceCode line table", () => {
	// The positions come from the parser's line table instead of the base class's lazy regex split;
	// they must agree with the base class everywhere, errors included.
	const pieces = ["\n", "\r\n", "\r", "\r\r\n", "一", "ab", "\u3000", " ", "\n\n"];
	const call = (f: () => unknown): string => {
		try {
			return JSON.stringify(f());
		} catch (error) {
			return `${(error as Error).name}: ${(error as Error).message}`;
		}
	};
	it("agrees with plugin-kit's TextSourceCodeBase on lines, offsets and locations", () => {
		let seed = 11;
		const next = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
		for (let t = 0; t < 300; t++) {
			let text = "";
			for (let k = next(10); k > 0; k--) text += pieces[next(pieces.length)];
			const ast = parseText(text);
			const ours = new TextSourceCode({ text, ast });
			const base = new TextSourceCodeBase({ text, ast, lineEndingPattern: /\r\n|\r|\n/u });
			expect(ours.lines).toEqual(base.lines);
			for (let i = -1; i <= text.length + 1; i++) expect(call(() => ours.getLocFromIndex(i))).toBe(call(() => base.getLocFromIndex(i)));
			for (let line = 0; line <= 8; line++) {
				for (let column = 0; column <= 5; column++) {
					expect(call(() => ours.getIndexFromLoc({ line, column }))).toBe(call(() => base.getIndexFromLoc({ line, column })));
				}
			}
		}
	});
});
