import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";
import { documentContinuity, joinEdits } from "../src/linguistics/continuation.js";

type Options = [
	{
		/** Also report a document whose last body paragraph stops mid-clause. */
		documentEnd?: boolean;
	},
];
type MessageIds = "truncated" | "documentEnd" | "joinWithContinuation";

const rule: TextRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Find body paragraphs (and documents) that stop mid-clause; headlines, speaker lines, datelines, captions and bylines are exempt",
			url: ruleDocsUrl("truncated-sentence"),
			recommended: "warn",
		},
		hasSuggestions: true,
		schema: [
			{
				type: "object",
				properties: { documentEnd: { type: "boolean" } },
				additionalProperties: false,
			},
		],
		defaultOptions: [{ documentEnd: true }],
		messages: {
			truncated: "Paragraph stops mid-clause{{detail}}.",
			documentEnd: "The document stops mid-clause{{detail}}.",
			joinWithContinuation: "Join with line {{line}}, where the sentence goes on.",
		},
	},
	create(context) {
		const [options] = context.options;
		const { sourceCode } = context;

		return {
			Document() {
				const continuity = documentContinuity(sourceCode);
				const { shapes, byHead } = continuity;
				let lastBody = shapes.length - 1;
				while (lastBody >= 0 && shapes[lastBody].heading !== undefined) lastBody--;

				for (const shape of shapes) {
					if (!shape.truncated) continue;
					const atEnd = shape.index === lastBody;
					if (atEnd && !options.documentEnd) continue;
					const { paragraph, body } = shape;
					const end = shape.bodyStart + body.length;
					const detail = shape.openQuote && shape.danglingOn === "“" ? " (a quote is left open)" : shape.danglingOn ? ` (on '${shape.danglingOn}')` : "";
					const continuation = byHead.get(paragraph);
					const loc = sourceCode.locIn(paragraph, Math.max(shape.bodyStart, end - 1), end);
					const messageId = atEnd && !continuation ? "documentEnd" : "truncated";
					if (!continuation) {
						context.report({ loc, messageId, data: { detail } });
						continue;
					}
					const edits = joinEdits(sourceCode, continuity, continuation);
					context.report({
						loc,
						messageId,
						data: { detail },
						suggest: [
							{
								messageId: "joinWithContinuation",
								data: { line: String(continuation.tail.paragraph.loc.start.line) },
								fix: (fixer) => edits.map((e) => fixer.replaceTextRange(e.range, e.text)),
							},
						],
					});
				}
			},
		};
	},
};

export default rule;
