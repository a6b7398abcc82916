import type { RuleTextEditor } from "@eslint/core";
import type { ParagraphNode } from "../src/language/ast.js";
import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";
import { documentContinuity, interveningParagraphs, joinEdits, opensForeignBlock } from "../src/linguistics/continuation.js";
import { classifyHeading } from "../src/linguistics/headline.js";
import { anyOf, continuationData } from "../src/linguistics/sentence.js";

type Options = [
	{
		interleaved?: boolean;
		midSentenceStart?: boolean;
		continuationMarker?: boolean;
		foreignInsertion?: boolean;
	},
];
type MessageIds = "interleaved" | "midSentenceStart" | "continuationMarker" | "foreignInsertion" | "moveToContinue";

interface MarkerPatterns {
	inline: RegExp;
	from: RegExp;
	furnitureLines: { test(text: string): boolean };
	lineStart: RegExp;
}

let patterns: MarkerPatterns | undefined;

function markerPatterns(): MarkerPatterns {
	if (patterns) return patterns;
	const d = continuationData();
	patterns = {
		inline: new RegExp([...d.markers.from, ...d.markers.to].join("|"), "gu"),
		from: new RegExp(d.markers.from.join("|"), "u"),
		furnitureLines: anyOf(d.furniture.lines),
		lineStart: new RegExp(d.furniture.lineStart, "u"),
	};
	return patterns;
}

const trimmedLength = (text: string) => text.replace(/[\s\u3000]+$/u, "").length;

const rule: TextRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Find text broken by reading a print page in the wrong order: interleaved columns, paragraphs that begin mid-sentence, jump markers and page furniture, foreign insertions",
			url: ruleDocsUrl("column-join"),
			recommended: "warn",
		},
		fixable: "code",
		hasSuggestions: true,
		schema: [
			{
				type: "object",
				properties: {
					interleaved: { type: "boolean" },
					midSentenceStart: { type: "boolean" },
					continuationMarker: { type: "boolean" },
					foreignInsertion: { type: "boolean" },
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ interleaved: true, midSentenceStart: true, continuationMarker: true, foreignInsertion: true }],
		messages: {
			interleaved: "Lines of two columns alternate in this paragraph ({{count}} broken join(s)).",
			midSentenceStart: "Paragraph begins mid-sentence ('{{start}}'){{where}}.",
			continuationMarker: "Page furniture '{{marker}}' inside the text.",
			foreignInsertion: "This block interrupts the story around it{{why}}.",
			moveToContinue: "Move this text to the end of line {{line}}, where its sentence begins.",
		},
	},
	create(context) {
		const [options] = context.options;
		const { sourceCode } = context;
		const lineOf = (p: ParagraphNode) => String(p.loc.end.line);

		return {
			Line(node, paragraph) {
				if (!options.continuationMarker) return;
				const p = markerPatterns();
				const text = node.value;
				const trimmed = text.trim();
				if (trimmed && p.furnitureLines.test(trimmed)) {
					// Inside a block the line goes with its line break, so the text around it stays one paragraph.
					const lines = paragraph.children;
					const at = lines.indexOf(node);
					const [start] = sourceCode.rangeIn(node, 0);
					const [end] = sourceCode.rangeIn(node, text.length);
					const range: [number, number] =
						at + 1 < lines.length
							? [start, sourceCode.rangeIn(lines[at + 1], 0)[0]]
							: at > 0
								? [sourceCode.rangeIn(lines[at - 1], lines[at - 1].value.length)[0], end]
								: [start, end];
					context.report({
						loc: sourceCode.locIn(node, 0, text.length),
						messageId: "continuationMarker",
						data: { marker: trimmed },
						fix: (fixer) => fixer.removeRange(range),
					});
					return;
				}
				const stray = p.lineStart.exec(text);
				// A black square before a short title is a bullet the layout means to keep.
				if (stray && !(stray[0].includes("■") && classifyHeading(text.slice(stray[0].length)) !== undefined)) {
					const mark = stray[0].trim();
					const indent = /^[\s\u3000]*/u.exec(text)![0].length;
					context.report({
						loc: sourceCode.locIn(node, indent, stray[0].length),
						messageId: "continuationMarker",
						data: { marker: mark },
						fix: (fixer) => fixer.removeRange(sourceCode.rangeIn(node, indent, stray[0].length)),
					});
				}
				p.inline.lastIndex = 0;
				for (let m = p.inline.exec(text); m; m = p.inline.exec(text)) {
					const start = m.index;
					const end = start + m[0].length;
					context.report({
						loc: sourceCode.locIn(node, start, end),
						messageId: "continuationMarker",
						data: { marker: m[0] },
						fix: (fixer) => fixer.removeRange(sourceCode.rangeIn(node, start, end)),
					});
				}
			},
			Document() {
				const continuity = documentContinuity(sourceCode);
				const { shapes, byHead, byTail } = continuity;
				const firstBody = shapes.findIndex((s) => s.heading === undefined);

				for (const shape of shapes) {
					const { paragraph } = shape;
					if (options.interleaved && shape.interleaved) {
						// The whole paragraph mixes two texts; the report spans it from the first broken join.
						const gap = shape.interleaved[0];
						context.report({
							loc: sourceCode.locIn(paragraph, 0, Math.max(gap.end, trimmedLength(paragraph.value))),
							messageId: "interleaved",
							data: { count: String(shape.interleaved.length) },
						});
					}
					if (options.foreignInsertion && shape.index > firstBody && markerPatterns().from.test(paragraph.value.slice(0, shape.bodyStart))) {
						context.report({
							loc: sourceCode.locIn(paragraph, 0, paragraph.value.length),
							messageId: "foreignInsertion",
							data: { why: ": it opens with a jump line from another page" },
						});
					}
					const joined = byTail.get(paragraph);
					if (options.foreignInsertion && shape.index > firstBody && opensForeignBlock(continuity, shape)) {
						context.report({
							loc: sourceCode.locIn(paragraph, 0, paragraph.value.length),
							messageId: "foreignInsertion",
							data: { why: ": it opens mid-sentence after a finished paragraph" },
						});
					}
					if (options.midSentenceStart && !shape.interleaved && (joined || shape.badStart)) {
						// The quoted start stops at a line break, so the location never ends between \r and \n.
						const start = /^[^\r\n]{0,6}/u.exec(shape.body)![0];
						const where = joined ? ` — it continues line ${lineOf(joined.head.paragraph)}` : "";
						const loc = sourceCode.locIn(paragraph, shape.bodyStart, Math.min(paragraph.value.length, shape.bodyStart + start.length));
						// Adjacent halves are joined by the fix; a continuation found elsewhere is only a suggestion to move this text.
						const edits = joined ? joinEdits(sourceCode, continuity, joined) : [];
						const apply = (fixer: RuleTextEditor) => edits.map((e) => fixer.replaceTextRange(e.range, e.text));
						context.report({
							loc,
							messageId: "midSentenceStart",
							data: { start, where },
							fix: joined?.adjacent ? apply : null,
							suggest:
								joined && !joined.adjacent
									? [{ messageId: "moveToContinue", data: { line: lineOf(joined.head.paragraph) }, fix: apply }]
									: null,
						});
					}
				}

				if (!options.foreignInsertion) return;
				// Paragraphs that sit inside a sentence broken off and resumed a little later came from elsewhere.
				for (const c of byHead.values()) {
					if (c.adjacent || c.tail.index < c.head.index) continue;
					for (const between of interveningParagraphs(continuity, c)) {
						if (between.heading !== undefined || byHead.has(between.paragraph) || byTail.has(between.paragraph)) continue;
						context.report({
							loc: sourceCode.locIn(between.paragraph, 0, between.paragraph.value.length),
							messageId: "foreignInsertion",
							data: { why: `: the sentence of line ${lineOf(c.head.paragraph)} resumes on line ${c.tail.paragraph.loc.start.line}` },
						});
					}
				}
			},
		};
	},
};

export default rule;
