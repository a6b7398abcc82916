/**
 * Results for formatter tests: a text file with a fix, a suggestion and a
 * message full of characters the formats must escape; a JSONL corpus with
 * document findings and a broken line; a clean file.
 */
import type { LintMessage, LintResult } from "../../src/engine/types.js";
import type { FormatterContext } from "../../src/formats/types.js";
import { tallyResult } from "../../src/runner/result.js";

export const cwd = "/repo";

export const articleText = "第一行,有逗号\n第二行  多余空格\r\n尾行";

export function sampleResults(): LintResult[] {
	const article: LintMessage[] = [
		{
			ruleId: "punctuation-width",
			severity: 1,
			message: "Half-width ',' inside Chinese text; use '，'.",
			messageId: "halfWidth",
			line: 1,
			column: 4,
			endLine: 1,
			endColumn: 5,
			fix: { range: [3, 4], text: "，" },
		},
		{
			ruleId: "whitespace",
			severity: 2,
			// Every character the escapers care about: % : , newlines, XML specials, a control character.
			message: "100% wrong: a, b\r\nnext <line> & \"q\" 'a' \u0001end",
			line: 2,
			column: 4,
			endLine: 2,
			endColumn: 6,
			suggestions: [{ desc: "Remove the spaces.", fix: { range: [11, 13], text: "" } }],
		},
	];
	const corpus: LintMessage[] = [
		{ ruleId: null, severity: 2, message: "line is not valid JSON", line: 2, column: 1, fatal: true, docId: null },
		{
			ruleId: "punctuation-width",
			severity: 2,
			message: "Half-width ',' inside Chinese text; use '，'.",
			line: 3,
			column: 1,
			docId: "doc-7",
			docLine: 2,
			docColumn: 3,
			docEndLine: 2,
			docEndColumn: 4,
			fix: { range: [7, 8], text: "，" },
		},
	];
	return [
		tallyResult({ ...base("/repo/data/article one.txt"), messages: article }),
		tallyResult({ ...base("/repo/data/batch.jsonl"), messages: corpus, documentCount: 2 }),
		tallyResult({ ...base("/repo/data/clean.txt"), messages: [] }),
	];
}

function base(filePath: string): LintResult {
	return {
		filePath,
		messages: [],
		suppressedMessages: [],
		errorCount: 0,
		fatalErrorCount: 0,
		warningCount: 0,
		fixableErrorCount: 0,
		fixableWarningCount: 0,
	};
}

export const sampleContext: FormatterContext = {
	cwd,
	rulesMeta: {
		"punctuation-width": {
			type: "layout",
			docs: { description: "Full-width punctuation in Chinese text.", url: "https://example.org/rules/punctuation-width.md" },
			fixable: "code",
		},
		whitespace: { type: "layout", docs: { description: "Stray whitespace.", url: "https://example.org/rules/whitespace.md" }, hasSuggestions: true },
	},
	getSource: (p) => (p === "/repo/data/article one.txt" ? articleText : undefined),
};
