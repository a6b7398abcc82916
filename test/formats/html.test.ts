import { describe, expect, it } from "vitest";
import type { LintMessage, LintResult } from "../../src/engine/types.js";
import { html, HTML_LIMITS } from "../../src/formats/html.js";
import { renderText } from "../../src/formats/html-text.js";
import { tallyResult } from "../../src/runner/result.js";
import { articleText, sampleContext, sampleResults } from "./sample-results.js";

function reportData(page: string): { files: string[]; findings: Array<Record<string, any>> } {
	const json = /<script type="application\/json" id="report-data">([^<]*)<\/script>/u.exec(page)![1];
	return JSON.parse(json);
}

function marks(page: string): Array<{ ids: string; text: string; cls: string }> {
	return [...page.matchAll(/<mark(?: id="[^"]*")? class="([^"]*)" data-f="([^"]*)"[^>]*>([^<]*)<\/mark>/gu)].map((m) => ({ cls: m[1], ids: m[2], text: m[3] }));
}

describe("html formatter", () => {
	const page = html(sampleResults(), sampleContext);

	it("is one self-contained page: no external scripts, styles, images or fonts", () => {
		expect(page).not.toMatch(/<(?:script|img|iframe|link)\b[^>]*\b(?:src|href)=/iu);
		expect(page).not.toMatch(/url\(|@import/iu);
		expect(page).toContain("default-src 'none'");
	});

	it("shows the counts", () => {
		expect(page).toContain('<b id="sum-files">3</b>');
		expect(page).toContain('<b id="sum-findings">4</b>');
		expect(page).toContain('<b id="sum-errors">3</b>');
		expect(page).toContain('<b id="sum-warnings">1</b>');
		expect(page).toContain('<b id="sum-fixable">2</b>');
	});

	it("highlights findings inline with their message as hover text", () => {
		const found = marks(page);
		expect(found).toContainEqual({ ids: "0", text: ",", cls: "f s1" });
		expect(found).toContainEqual({ ids: "1", text: "  ", cls: "f s2" });
		expect(page).toContain('title="punctuation-width: Half-width &#39;,&#39; inside Chinese text; use &#39;，&#39;."');
	});

	it("embeds fix previews computed from the source", () => {
		const { findings } = reportData(page);
		expect(findings[0].fix).toEqual({ before: "第一行", removed: ",", inserted: "，", after: "有逗号\n第二行  多余空格\r\n尾" });
		expect(findings[1].suggestions).toEqual([{ desc: "Remove the spaces.", before: "第一行,有逗号\n第二行", removed: "  ", inserted: "", after: "多余空格\r\n尾行" }]);
		// Without the JSONL source, the fix can only be described.
		expect(findings[3]).toMatchObject({ rule: "punctuation-width", fixText: "，", where: "line 3 [doc-7] 2:3" });
		expect(page).toContain("Source text not available");
	});

	it("cannot be broken out of by a message", () => {
		const [result] = sampleResults();
		result.messages[0].message = "</script><script>alert(1)</script> <b>x</b>";
		const out = html([result], sampleContext);
		expect(out).not.toContain("<script>alert(1)");
		expect(out).not.toContain("<b>x</b>");
		expect(reportData(out).findings[0].message).toBe("</script><script>alert(1)</script> <b>x</b>");
	});

	it("shows JSONL documents' text from the source, with findings at their document positions", () => {
		const jsonl = `${JSON.stringify({ id: "a", text: "好的" })}\n${JSON.stringify({ id: "b", lang: "zh", text: "第一\n第二,三" })}\n`;
		const m: LintMessage = {
			ruleId: "punctuation-width",
			severity: 1,
			message: "Half-width ','.",
			line: 2,
			column: 1,
			docId: "b",
			docLine: 2,
			docColumn: 3,
			docEndLine: 2,
			docEndColumn: 4,
			fix: { range: [5, 6], text: "，" },
		};
		const result = tallyResult({ ...sampleResults()[2], filePath: "/repo/b.jsonl", messages: [m], documentCount: 2 });
		const out = html([result], { ...sampleContext, getSource: () => jsonl });
		expect(out).toContain("Document b <span class=\"muted\">(JSONL line 2)</span>");
		expect(marks(out)).toEqual([{ ids: "0", text: ",", cls: "f s1" }]);
		expect(reportData(out).findings[0].fix).toEqual({ before: "第一\n第二", removed: ",", inserted: "，", after: "三" });
	});

	it("shows windows around findings in huge files and says so", () => {
		const line = "这是一行很长的新闻文本，用来测试大文件。";
		const lines = Array.from({ length: 12_000 }, () => line);
		lines[5_000] = "这里有,逗号";
		const text = lines.join("\n");
		expect(text.length).toBeGreaterThan(HTML_LIMITS.fullTextChars);
		const m: LintMessage = { ruleId: "punctuation-width", severity: 1, message: "comma", line: 5_001, column: 4, endLine: 5_001, endColumn: 5 };
		const result = tallyResult({ ...sampleResults()[2], filePath: "/repo/big.txt", messages: [m] });
		const out = html([result], { ...sampleContext, getSource: () => text });
		expect(out.length).toBeLessThan(20_000);
		expect(out).toContain("lines around each finding");
		expect(out).toContain("⋯ lines 1–4998 not shown ⋯");
		expect(out).toContain("⋯ lines 5004–12000 not shown ⋯");
		expect(marks(out)).toEqual([{ ids: "0", text: ",", cls: "f s1" }]);
	});
});

describe("renderText", () => {
	it("splits overlapping findings into flat marks that name every finding covering them", () => {
		const out = renderText("abcdef", [
			{ id: 0, start: 1, end: 4, severity: 1, title: "one" },
			{ id: 1, start: 3, end: 5, severity: 2, title: "two" },
		], { full: true, contextLines: 2, budget: 1000 });
		expect(out.html).toBe(
			'<pre class="src"><span class="l" data-n="1">a' +
				'<mark id="f-0" class="f s1" data-f="0" tabindex="0" title="one">bc</mark>' +
				'<mark id="f-1" class="f s2" data-f="0 1" tabindex="0" title="one\ntwo">d</mark>' +
				'<mark class="f s2" data-f="1" tabindex="0" title="two">e</mark>f</span></pre>',
		);
		expect(out.hidden).toEqual([]);
	});

	it("marks zero-width findings and findings on a line break as a caret, splits multi-line findings per line", () => {
		const out = renderText("ab\ncd", [
			{ id: 0, start: 2, end: 3, severity: 1, title: "eol" },
			{ id: 1, start: 1, end: 4, severity: 2, title: "span" },
		], { full: true, contextLines: 2, budget: 1000 });
		expect(out.html).toBe(
			'<pre class="src"><span class="l" data-n="1">a<mark id="f-1" class="f s2" data-f="1" tabindex="0" title="span">b</mark>' +
				'<mark id="f-0" class="f s1 pt" data-f="0" tabindex="0" title="eol"></mark></span>' +
				'<span class="l" data-n="2"><mark class="f s2" data-f="1" tabindex="0" title="span">c</mark>d</span></pre>',
		);
	});

	it("leaves windows over budget out and reports their findings as hidden", () => {
		const text = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join("\n");
		const at = (line: number) => text.indexOf(`line ${line}\n`);
		const out = renderText(text, [
			{ id: 0, start: at(10), end: at(10) + 4, severity: 1, title: "a" },
			{ id: 1, start: at(80), end: at(80) + 4, severity: 1, title: "b" },
		], { full: false, contextLines: 1, budget: 30 });
		expect(out.hidden).toEqual([1]);
		expect(out.html).toContain("⋯ lines 1–8 not shown ⋯");
		expect(out.html).toContain("⋯ lines 12–100 not shown ⋯");
		expect(out.omittedLines).toBe(97);
	});
});

describe("html formatter on sample text", () => {
	it("keeps the source text intact apart from the markup", () => {
		const page = html(sampleResults().slice(0, 1), sampleContext);
		const shown = [...page.matchAll(/<pre class="src">([\s\S]*?)<\/pre>/gu)]
			.map((m) => m[1].replace(/<span class="l" data-n="\d+">/gu, "").replace(/<\/span>/gu, "\n").replace(/<[^>]+>/gu, ""))
			.join("")
			.replace(/&amp;/gu, "&");
		expect(shown).toBe(articleText.replace(/\r\n/gu, "\n") + "\n");
	});
});
