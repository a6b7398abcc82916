/**
 * Small synthetic rules for engine, config and runner tests. They exercise one
 * engine behaviour each, so those tests do not move when the real rules change.
 * All of them work on offsets inside `node.value` and ask sourceCode for
 * ranges, as real rules must.
 */
import type { AnyRule, RuleRegistry } from "../../src/engine/rule-registry.js";
import type { TextRuleDefinition } from "../../src/language/rule-types.js";

/** Wraps each line in ⟨…⟩ as one fix over the whole line (unless already wrapped). */
export const wrapLine: TextRuleDefinition<{ RuleOptions: []; MessageIds: "wrap" }> = {
	meta: {
		type: "layout",
		docs: { description: "wrap each line in angle brackets", recommended: true },
		fixable: "code",
		schema: [],
		messages: { wrap: "Line is not wrapped." },
	},
	create(context) {
		const { sourceCode } = context;
		return {
			Line(node) {
				if (node.value.startsWith("⟨") || node.value === "") return;
				context.report({
					node,
					messageId: "wrap",
					fix: (fixer) => fixer.replaceTextRange(sourceCode.rangeIn(node, 0, node.value.length), `⟨${node.value}⟩`),
				});
			},
		};
	},
};

/** Replaces every "o" by "0", one report (and one fix) per character. */
export const zeroO: TextRuleDefinition<{ RuleOptions: []; MessageIds: "zero" }> = {
	meta: {
		type: "problem",
		docs: { description: "o looks like a zero", recommended: "warn" },
		fixable: "code",
		schema: [],
		messages: { zero: "Letter o where a zero was meant." },
	},
	create(context) {
		const { sourceCode } = context;
		return {
			Line(node) {
				for (let i = node.value.indexOf("o"); i !== -1; i = node.value.indexOf("o", i + 1)) {
					const at = i;
					context.report({
						loc: sourceCode.locIn(node, at, at + 1),
						messageId: "zero",
						fix: (fixer) => fixer.replaceTextRange(sourceCode.rangeIn(node, at, at + 1), "0"),
					});
				}
			},
		};
	},
};

/** Removes every "-"; removing them can leave runs of spaces for `squeeze-spaces`. */
export const stripDash: TextRuleDefinition<{ RuleOptions: []; MessageIds: "dash" }> = {
	meta: {
		type: "problem",
		docs: { description: "no dashes" },
		fixable: "code",
		schema: [],
		messages: { dash: "Stray dash." },
	},
	create(context) {
		const { sourceCode } = context;
		return {
			Line(node) {
				for (let i = node.value.indexOf("-"); i !== -1; i = node.value.indexOf("-", i + 1)) {
					const at = i;
					context.report({
						loc: sourceCode.locIn(node, at, at + 1),
						messageId: "dash",
						fix: (fixer) => fixer.removeRange(sourceCode.rangeIn(node, at, at + 1)),
					});
				}
			},
		};
	},
};

/** Squeezes runs of two or more spaces into one. */
export const squeezeSpaces: TextRuleDefinition<{ RuleOptions: []; MessageIds: "squeeze" }> = {
	meta: {
		type: "layout",
		docs: { description: "one space at a time" },
		fixable: "whitespace",
		schema: [],
		messages: { squeeze: "{{count}} spaces in a row." },
	},
	create(context) {
		const { sourceCode } = context;
		return {
			Line(node) {
				for (const m of node.value.matchAll(/ {2,}/gu)) {
					const start = m.index;
					const end = start + m[0].length;
					context.report({
						loc: sourceCode.locIn(node, start, end),
						messageId: "squeeze",
						data: { count: m[0].length },
						fix: (fixer) => fixer.replaceTextRange(sourceCode.rangeIn(node, start, end), " "),
					});
				}
			},
		};
	},
};

/** Never satisfied: appends "!" to the document on every pass. */
export const neverStable: TextRuleDefinition<{ RuleOptions: []; MessageIds: "more" }> = {
	meta: {
		type: "problem",
		docs: { description: "always wants one more exclamation mark" },
		fixable: "code",
		schema: [],
		messages: { more: "Not excited enough." },
	},
	create(context) {
		return {
			Document(node) {
				context.report({ node, messageId: "more", fix: (fixer) => fixer.insertTextAfterRange(node.range, "!") });
			},
		};
	},
};

/** Quotes the word QUOTE with two separate edits in one report (「 before, 」 after). */
export const quoteWord: TextRuleDefinition<{ RuleOptions: []; MessageIds: "quote" }> = {
	meta: {
		type: "suggestion",
		docs: { description: "quote QUOTE" },
		fixable: "code",
		schema: [],
		messages: { quote: "Unquoted {{ word }}." },
	},
	create(context) {
		const { sourceCode } = context;
		return {
			Line(node) {
				for (let i = node.value.indexOf("QUOTE"); i !== -1; i = node.value.indexOf("QUOTE", i + 1)) {
					const at = i;
					if (node.value[at - 1] === "「") continue;
					context.report({
						loc: sourceCode.locIn(node, at, at + 5),
						messageId: "quote",
						data: { word: "QUOTE" },
						// A generator on purpose: the engine must accept any iterable of edits.
						*fix(fixer) {
							yield fixer.insertTextAfterRange(sourceCode.rangeIn(node, at, at + 5), "」");
							yield fixer.insertTextBeforeRange(sourceCode.rangeIn(node, at, at + 5), "「");
						},
					});
				}
			},
		};
	},
};

/** Reports "TODO" with two suggestions and no fix: suggestions must never be applied by fixing. */
export const suggestTodo: TextRuleDefinition<{ RuleOptions: []; MessageIds: "todo" | "remove" | "replace" }> = {
	meta: {
		type: "suggestion",
		docs: { description: "no TODO markers" },
		hasSuggestions: true,
		schema: [],
		messages: { todo: "TODO marker left in text.", remove: "Remove the marker.", replace: "Replace it with {{ with }}." },
	},
	create(context) {
		const { sourceCode } = context;
		return {
			Line(node) {
				const at = node.value.indexOf("TODO");
				if (at === -1) return;
				const range = sourceCode.rangeIn(node, at, at + 4);
				context.report({
					loc: sourceCode.locIn(node, at, at + 4),
					messageId: "todo",
					suggest: [
						{ messageId: "remove", fix: (fixer) => fixer.removeRange(range) },
						{ messageId: "replace", data: { with: "待办" }, fix: (fixer) => fixer.replaceTextRange(range, "待办") },
					],
				});
			},
		};
	},
};

/** Reports lines longer than `max`; exercises the option schema, defaults and merging. */
export const maxLength: TextRuleDefinition<{ RuleOptions: [{ max?: number; ignoreIndented?: boolean }]; MessageIds: "long" }> = {
	meta: {
		type: "suggestion",
		docs: { description: "short lines" },
		schema: [
			{
				type: "object",
				properties: { max: { type: "integer", minimum: 1 }, ignoreIndented: { type: "boolean" } },
				additionalProperties: false,
			},
		],
		defaultOptions: [{ max: 10, ignoreIndented: false }],
		messages: { long: "Line is {{length}} characters long (max {{max}})." },
	},
	create(context) {
		const [{ max = 10, ignoreIndented }] = context.options;
		return {
			Line(node) {
				if (ignoreIndented && node.value.startsWith("\u3000")) return;
				if (node.value.length > max) context.report({ node, messageId: "long", data: { length: node.value.length, max } });
			},
		};
	},
};

/** Records what the engine passed to it, for visitor-order and context tests. */
export const recorder: TextRuleDefinition<{ RuleOptions: []; MessageIds: "seen" }> & { calls: string[] } = {
	calls: [],
	meta: {
		type: "suggestion",
		docs: { description: "records visits" },
		schema: [],
		messages: { seen: "seen" },
	},
	create() {
		const calls = recorder.calls;
		return {
			Document: (n) => void calls.push(`Document ${n.children.length}`),
			"Document:exit": () => void calls.push("Document:exit"),
			Paragraph: (n) => void calls.push(`Paragraph ${n.loc.start.line}`),
			"Paragraph:exit": (n) => void calls.push(`Paragraph:exit ${n.loc.start.line}`),
			Line: (n) => void calls.push(`Line ${n.lineNumber}`),
			"Line:exit": (n) => void calls.push(`Line:exit ${n.lineNumber}`),
		};
	},
};

export const testRegistry: RuleRegistry = new Map<string, AnyRule>([
	["wrap-line", wrapLine as AnyRule],
	["zero-o", zeroO as AnyRule],
	["strip-dash", stripDash as AnyRule],
	["squeeze-spaces", squeezeSpaces as AnyRule],
	["never-stable", neverStable as AnyRule],
	["quote-word", quoteWord as AnyRule],
	["suggest-todo", suggestTodo as AnyRule],
	["max-length", maxLength as AnyRule],
	["recorder", recorder as AnyRule],
]);

/** Reports with a single position (`loc: { line, column }`) and with a message instead of a messageId. */
export const pointReport: TextRuleDefinition<{ RuleOptions: []; MessageIds: never }> = {
	meta: {
		type: "problem",
		docs: { description: "points at each #" },
		schema: [],
	},
	create(context) {
		const { sourceCode } = context;
		return {
			Line(node) {
				const at = node.value.indexOf("#");
				if (at === -1) return;
				context.report({ loc: sourceCode.locIn(node, at).start, message: "Hash at {{where}}.", data: { where: at } } as never);
			},
		};
	},
};

/** Every synthetic rule plus pointReport, for the ESLint parity test. */
export const parityRegistry: RuleRegistry = new Map<string, AnyRule>([...testRegistry, ["point-report", pointReport as AnyRule]]);
