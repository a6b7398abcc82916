import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";
import type { ParagraphNode } from "../src/language/ast.js";
import { findUnpairedMarks, type PairProblem } from "../src/linguistics/pairs.js";

type MessageIds = "unclosed" | "unopened";
type Options = [];

/** Quotation marks a multi-paragraph quotation reopens at each paragraph without closing the previous one. */
const REOPENED = new Set(["“", "‘", "「", "『"]);
/** "1）", "一）", "a）" at the start of a line number a list; they have no opener by design. */
const LIST_MARKER_BEFORE = /(?:^|\n)[\s\u3000]*(?:[0-9]{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})$/u;
const LEADING = /^[\s\u3000]*/u;

interface Finding {
	node: ParagraphNode;
	problem: PairProblem;
}

const rule: TextRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Report quotes and brackets (“” 《》 （） 「」 【】 …) that do not pair up within a paragraph",
			url: ruleDocsUrl("unbalanced-pairs"),
			recommended: "warn",
		},
		schema: [],
		messages: {
			unclosed: "'{{char}}' is not closed in this paragraph (no '{{expected}}').",
			unopened: "'{{char}}' closes nothing in this paragraph (no '{{expected}}' before it).",
		},
	},
	create(context) {
		const { sourceCode } = context;
		return {
			Document(doc) {
				const paragraphs = sourceCode.paragraphs;
				const perParagraph: Finding[][] = [];
				for (const node of paragraphs) {
					const problems = findUnpairedMarks(node.value);
					const kept: Finding[] = [];
					for (const problem of problems) {
						// ASCII parentheses are pairing context only; in Chinese text `punctuation-width` reports them.
						if (problem.char === "(" || problem.char === ")") continue;
						if (problem.kind === "unopened" && LIST_MARKER_BEFORE.test(node.value.slice(Math.max(0, problem.index - 12), problem.index))) continue;
						kept.push({ node, problem });
					}
					perParagraph.push(kept);
				}
				const dropped = new Set<Finding>();
				for (let i = 0; i + 1 < paragraphs.length; i++) {
					// Both adjustments below only ever drop findings of paragraph i (and its partners in i + 1).
					if (perParagraph[i].length === 0) continue;
					const next = paragraphs[i + 1];
					const opener = next.value.slice(LEADING.exec(next.value)![0].length)[0];
					// A quotation running over several paragraphs: each reopens it, only the last one closes.
					for (const f of perParagraph[i]) {
						if (f.problem.kind === "unclosed" && REOPENED.has(f.problem.char) && f.problem.char === opener) dropped.add(f);
					}
					// One paragraph a line (hard-wrapped text): a pair may straddle the line break.
					if (doc.paragraphMode === "line") {
						const unclosed = perParagraph[i].filter((f) => f.problem.kind === "unclosed" && !dropped.has(f));
						for (const f of perParagraph[i + 1]) {
							if (f.problem.kind !== "unopened") break;
							const last = unclosed[unclosed.length - 1];
							if (!last || last.problem.char !== f.problem.expected) break;
							unclosed.pop();
							dropped.add(last);
							dropped.add(f);
						}
					}
				}
				for (const findings of perParagraph) {
					for (const f of findings) {
						if (dropped.has(f)) continue;
						const { node, problem } = f;
						context.report({
							loc: sourceCode.locIn(node, problem.index, problem.index + problem.char.length),
							messageId: problem.kind,
							data: { char: problem.char, expected: problem.expected },
						});
					}
				}
			},
		};
	},
};

export default rule;
