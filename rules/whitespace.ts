import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";
import { isChinese, isClosingCjkPunctuation } from "../src/linguistics/script.js";

type Options = [
	{
		trailing?: boolean;
		tabs?: boolean;
		nbsp?: boolean;
		spaceBeforePunctuation?: boolean;
		/** Longest run of blank lines left alone; longer runs are cut to this length. */
		maxBlankLines?: number;
	},
];
type MessageIds = "trailing" | "tab" | "nbsp" | "spaceBeforePunctuation" | "blankLines";

/** Start of the spaces and tabs (and NBSP, ideographic space) that end the line; a scan, since `/\s+$/` is quadratic on long gaps. */
function trailingStart(text: string): number {
	let i = text.length;
	while (i > 0 && isSpaceOrIndent(text.charCodeAt(i - 1))) i--;
	return i;
}
const isSpaceOrIndent = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
/** A gap inside a line: any run of horizontal space, ideographic space included. */
const GAP = /[ \t\u00a0\u3000]+/gu;
/** /^[ \t\u00a0\u3000\ufeff]*$/ as a loop: most lines fail on their first character. */
function isBlankLine(line: string): boolean {
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (!isGap(c) && c !== 0xfeff) return false;
	}
	return true;
}
const isGap = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;

const rule: TextRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "layout",
		docs: {
			description: "Disallow stray whitespace in Chinese text: trailing spaces, tabs, lone NBSP, spaces before punctuation, long runs of blank lines",
			url: ruleDocsUrl("whitespace"),
			recommended: true,
		},
		fixable: "whitespace",
		schema: [
			{
				type: "object",
				properties: {
					trailing: { type: "boolean" },
					tabs: { type: "boolean" },
					nbsp: { type: "boolean" },
					spaceBeforePunctuation: { type: "boolean" },
					maxBlankLines: { type: "integer", minimum: 1 },
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ trailing: true, tabs: true, nbsp: true, spaceBeforePunctuation: true, maxBlankLines: 3 }],
		messages: {
			trailing: "Trailing whitespace.",
			tab: "Tab inside Chinese text.",
			nbsp: "Lone no-break space (U+00A0) inside Chinese text.",
			spaceBeforePunctuation: "Whitespace before '{{punct}}'.",
			blankLines: "{{count}} blank lines in a row; at most {{max}} expected.",
		},
	},
	create(context) {
		const [options] = context.options;
		const { sourceCode } = context;
		const maxBlank = options.maxBlankLines ?? 3;

		return {
			Line(node) {
				const text = node.value;
				const end = trailingStart(text);
				if (options.trailing && end < text.length) {
					context.report({
						loc: sourceCode.locIn(node, end, text.length),
						messageId: "trailing",
						fix: (fixer) => fixer.removeRange(sourceCode.rangeIn(node, end, text.length)),
					});
				}
				// `test` moves lastIndex to the end of each gap without building a match array; a gap
				// is a maximal run, so its start is found by stepping back over gap characters.
				GAP.lastIndex = 0;
				let previousStop = 0;
				while (GAP.test(text)) {
					const stop = GAP.lastIndex;
					let start = stop - 1;
					while (start > previousStop && isGap(text.charCodeAt(start - 1))) start--;
					previousStop = stop;
					if (start >= end) break;
					// Leading indent (the 　　 convention, or tabs) is layout, not a stray gap.
					if (start === 0) continue;
					const before = text.codePointAt(start - 1)!;
					const after = text.codePointAt(stop)!;
					// After a URL or a Latin word the gap is deliberate (it keeps the link clean), so only Chinese counts.
					if (options.spaceBeforePunctuation && isClosingCjkPunctuation(after) && isChinese(before)) {
						context.report({
							loc: sourceCode.locIn(node, start, stop),
							messageId: "spaceBeforePunctuation",
							data: { punct: String.fromCodePoint(after) },
							fix: (fixer) => fixer.removeRange(sourceCode.rangeIn(node, start, stop)),
						});
						continue;
					}
					if (!isChinese(before) && !isChinese(after)) continue;
					const gap = text.slice(start, stop);
					if (options.tabs && gap.includes("\t")) {
						context.report({
							loc: sourceCode.locIn(node, start, stop),
							messageId: "tab",
							// One space keeps the separation the tab made (often a table column).
							fix: (fixer) => fixer.replaceTextRange(sourceCode.rangeIn(node, start, stop), " "),
						});
					} else if (options.nbsp && gap === "\u00a0") {
						// Pairs of NBSP are a layout convention (headline gaps, "陈  光" name padding): only a lone one is stray.
						context.report({
							loc: sourceCode.locIn(node, start, stop),
							messageId: "nbsp",
							fix: (fixer) => fixer.replaceTextRange(sourceCode.rangeIn(node, start, stop), " "),
						});
					}
				}
			},
			Document(node) {
				const lines = sourceCode.lines;
				// The empty string after a final newline is the end of the file, not a blank line.
				const last = lines.length - (lines[lines.length - 1] === "" ? 1 : 0);
				let runStart = -1;
				for (let i = 0; i <= last; i++) {
					if (i < last && isBlankLine(lines[i])) {
						if (runStart < 0) runStart = i;
						continue;
					}
					if (runStart >= 0 && i - runStart > maxBlank) {
						const count = i - runStart;
						const from = sourceCode.getIndexFromLoc({ line: runStart + maxBlank + 1, column: 1 });
						const to = i < lines.length ? sourceCode.getIndexFromLoc({ line: i + 1, column: 1 }) : node.range[1];
						context.report({
							loc: sourceCode.locOfRange(sourceCode.rangeIn(node, from, to)),
							messageId: "blankLines",
							data: { count: String(count), max: String(maxBlank) },
							fix: (fixer) => fixer.removeRange(sourceCode.rangeIn(node, from, to)),
						});
					}
					runStart = -1;
				}
			},
		};
	},
};

export default rule;
