import { describe, expect, it } from "vitest";
import { parseText } from "../../src/language/parse.js";
import { TextSourceCode } from "../../src/language/source-code.js";
import { isDictionaryWord, segment, segmentParagraph, wordFrequency } from "../../src/linguistics/segment.js";

describe("segment", () => {
	it("cuts text into words whose offsets cover the input exactly", () => {
		const text = "我们积极与各地政府部门合作，共同探讨媒体发展。";
		const tokens = segment(text);
		expect(tokens.map((t) => t.word).join("")).toBe(text);
		for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word);
		expect(tokens.map((t) => t.word)).toContain("合作");
	});

	it("looks up dictionary counts", () => {
		expect(wordFrequency("合作")).toBeGreaterThan(10000);
		expect(wordFrequency("台作")).toBe(0);
		expect(isDictionaryWord("探讨")).toBe(true);
		expect(isDictionaryWord("探讠")).toBe(false);
	});

	it("segments each paragraph once per document and shares the result", () => {
		const text = "第一段合作。\n\n第二段新闻。\n";
		const sourceCode = new TextSourceCode({ text, ast: parseText(text) });
		const [p] = sourceCode.paragraphs;
		const first = segmentParagraph(sourceCode, p);
		expect(segmentParagraph(sourceCode, p)).toBe(first);
		expect(first.map((t) => t.word).join("")).toBe(p.value);
	});
});
