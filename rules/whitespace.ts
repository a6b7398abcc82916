import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";

type Options = [{ trailing?: boolean }];

/** Spaces and tabs (and NBSP, ideographic space) at the end of a line. */
const TRAILING = /[ \t\u00a0\u3000]+$/u;

const rule: TextRuleDefinition<{ RuleOptions: Options; MessageIds: "trailing" }> = {
	meta: {
		type: "layout",
		docs: {
			description: "Disallow trailing whitespace at the end of lines",
			url: ruleDocsUrl("whitespace"),
			recommended: true,
		},
		fixable: "whitespace",
		schema: [
			{
				type: "object",
				properties: { trailing: { type: "boolean" } },
				additionalProperties: false,
			},
		],
		defaultOptions: [{ trailing: true }],
		messages: {
			trailing: "Trailing whitespace.",
		},
	},
	create(context) {
		const [{ trailing }] = context.options;
		const { sourceCode } = context;
		return {
			Line(node) {
				if (!trailing) return;
				const m = TRAILING.exec(node.value);
				if (!m) return;
				context.report({
					loc: sourceCode.locIn(node, m.index, node.value.length),
					messageId: "trailing",
					fix: (fixer) => fixer.removeRange(sourceCode.rangeIn(node, m.index, node.value.length)),
				});
			},
		};
	},
};

export default rule;
