import { describe, expect, it } from "vitest";
import { fixDocument, fixDocuments, lintDocument, lintDocuments, MAX_FIX_PASSES } from "../../src/engine/linter.js";
import { ConfigError } from "../../src/engine/rule-options.js";
import { closestRuleName, type AnyRule } from "../../src/engine/rule-registry.js";
import { applyFixes } from "../../src/engine/source-fixer.js";
import type { ResolvedRules, RuleConfigEntry } from "../../src/engine/types.js";
import type { TextRuleDefinition } from "../../src/language/rule-types.js";
import { recorder, testRegistry } from "../helpers/test-rules.js";

function rules(entries: Record<string, 0 | 1 | 2 | [0 | 1 | 2, ...unknown[]]>): ResolvedRules {
	return new Map(
		Object.entries(entries).map(([id, e]): [string, RuleConfigEntry] => {
			const [severity, ...options] = Array.isArray(e) ? e : [e];
			return [id, { severity, options }];
		}),
	);
}

describe("messages", () => {
	it("interpolates data, sorts by position and reports 1-based ranges", () => {
		const messages = lintDocument("ab  cd  e\nx   y\n", rules({ "squeeze-spaces": 2 }), testRegistry);
		expect(messages.map((m) => [m.line, m.column, m.endLine, m.endColumn, m.message])).toEqual([
			[1, 3, 1, 5, "2 spaces in a row."],
			[1, 7, 1, 9, "2 spaces in a row."],
			[2, 2, 2, 5, "3 spaces in a row."],
		]);
		expect(messages[0]).toMatchObject({ ruleId: "squeeze-spaces", messageId: "squeeze", severity: 2, fix: { range: [2, 4], text: " " } });
	});

	it("runs rules turned off not at all, and warns with severity 1", () => {
		const off = lintDocument("a  b\n", rules({ "squeeze-spaces": 0 }), testRegistry);
		expect(off).toEqual([]);
		const warn = lintDocument("a  b\n", rules({ "squeeze-spaces": 1 }), testRegistry);
		expect(warn.map((m) => m.severity)).toEqual([1]);
	});

	it("visits Document, Paragraph and Line in order with :exit, in one traversal", () => {
		recorder.calls.length = 0;
		lintDocument("一\n二\n\n三\n", rules({ recorder: 2 }), testRegistry);
		expect(recorder.calls).toEqual([
			"Document 2",
			"Paragraph 1",
			"Line 1",
			"Line:exit 1",
			"Line 2",
			"Line:exit 2",
			"Paragraph:exit 1",
			"Paragraph 4",
			"Line 4",
			"Line:exit 4",
			"Paragraph:exit 4",
			"Document:exit",
		]);
	});

	it("names the rule when it reports an unknown messageId or throws", () => {
		const bad: TextRuleDefinition = {
			meta: { type: "problem", schema: [], messages: { a: "A" } },
			create: (context) => ({ Document: (node) => context.report({ node, messageId: "nope" } as never) }),
		};
		const registry = new Map<string, AnyRule>([["bad-rule", bad as AnyRule], ...testRegistry]);
		// A crashing rule is reported on the document; the other rules' findings are kept.
		const messages = lintDocument("x  y", rules({ "bad-rule": 2, "squeeze-spaces": 2 }), registry);
		expect(messages).toHaveLength(2);
		expect(messages.find((m) => m.ruleId === "squeeze-spaces")).toBeDefined();
		expect(messages.find((m) => m.ruleId === "bad-rule")).toMatchObject({ severity: 2, fatal: true, line: 1, message: expect.stringMatching(/bad-rule.*nope/u) });
	});

	it("refuses a fix from a rule that is not meta.fixable", () => {
		const sneaky: TextRuleDefinition = {
			meta: { type: "problem", schema: [], messages: { a: "A" } },
			create: (context) => ({
				Document: (node) => context.report({ node, messageId: "a", fix: (f) => f.insertTextBeforeRange([0, 0], "x") }),
			}),
		};
		const [m] = lintDocument("x", rules({ sneaky: 2 }), new Map([["sneaky", sneaky as AnyRule]]));
		expect(m).toMatchObject({ ruleId: "sneaky", fatal: true, message: expect.stringMatching(/meta\.fixable/u) });
		expect(m.fix).toBeUndefined();
	});
});

describe("rules taking turns (lintDocuments)", () => {
	/** Reports at line 1, column 1 from the given visitor keys, naming the key and the document. */
	const at = (name: string, keys: string[], crashOn?: string): TextRuleDefinition => ({
		meta: { type: "problem", schema: [], messages: { here: "{{name}} {{key}}" } },
		create: (context) => {
			const visitor: Record<string, () => void> = {};
			for (const key of keys) {
				visitor[key] = () => {
					if (key === crashOn) throw new Error(`${name} fails`);
					context.report({ loc: { line: 1, column: 1 }, messageId: "here", data: { name, key } });
				};
			}
			return visitor;
		},
	});
	const registry = new Map<string, AnyRule>([
		["on-line", at("L", ["Line", "Document:exit"]) as AnyRule],
		["on-document", at("D", ["Document", "Paragraph:exit"]) as AnyRule],
		["on-paragraph", at("P", ["Paragraph", "Line:exit"]) as AnyRule],
		...testRegistry,
	]);
	const all = rules({ "on-line": 2, "on-document": 2, "on-paragraph": 2, "squeeze-spaces": 2 });

	it("breaks ties of position in the order of a node-by-node traversal: by node, then rule", () => {
		const messages = lintDocument("一\n二\n\n三\n", all, registry);
		// Document; Paragraph; Line, Line:exit per line; Paragraph:exit; …; Document:exit. Rules in configured order at each.
		expect(messages.map((m) => m.message)).toEqual([
			"D Document",
			"P Paragraph",
			"L Line",
			"P Line:exit",
			"L Line",
			"P Line:exit",
			"D Paragraph:exit",
			"P Paragraph",
			"L Line",
			"P Line:exit",
			"D Paragraph:exit",
			"L Document:exit",
		]);
	});

	it("fixes each document of a batch as alone, however many passes each takes", () => {
		const texts = ["say QUOTE now", "a  b   c\n", "", "\ufeffx  QUOTE  y\n\n\nz"];
		const config = rules({ "quote-word": 2, "squeeze-spaces": 2 });
		expect(fixDocuments(texts, config, testRegistry)).toEqual(texts.map((t) => fixDocument(t, config, testRegistry)));
		expect(fixDocuments(texts, config, testRegistry, { fixTypes: ["layout"] })).toEqual(texts.map((t) => fixDocument(t, config, testRegistry, { fixTypes: ["layout"] })));
	});

	it("gives each document of a batch its own file name, in every fix pass", () => {
		// Reports its file name, and fixes a double space per pass (so later passes see only the documents still changing).
		const named: TextRuleDefinition = {
			meta: { type: "layout", schema: [], fixable: "whitespace", messages: { at: "in {{name}}" } },
			create: (context) => ({
				Document: (node) => {
					const at = context.sourceCode.text.indexOf("  ");
					if (at < 0) context.report({ node, messageId: "at", data: { name: context.filename } });
					else context.report({ node, messageId: "at", data: { name: context.filename }, fix: (f) => f.replaceTextRange([at, at + 2], " ") });
				},
			}),
		};
		const reg = new Map<string, AnyRule>([["named", named as AnyRule]]);
		const config = rules({ named: 2 });
		const texts = ["a b", "a    b", "a  b"];
		const filenames = ["one.txt", "two.txt", "three.txt"];
		expect(lintDocuments(texts, config, reg, { filenames }).map((ms) => ms[0].message)).toEqual(["in one.txt", "in two.txt", "in three.txt"]);
		const fixed = fixDocuments(texts, config, reg, { filenames });
		expect(fixed.map((r) => [r.output, r.messages[0].message])).toEqual([
			["a b", "in one.txt"],
			["a b", "in two.txt"],
			["a b", "in three.txt"],
		]);
		expect(fixed).toEqual(texts.map((t, i) => fixDocument(t, config, reg, { filename: filenames[i] })));
	});

	it("gives each document of a batch what it gets alone", () => {
		const texts = ["一  二\n\n三\n", "\ufeffa  b\n", "", "x\n\n\ny   z\n"];
		const crashing = new Map<string, AnyRule>([["crash-on-line", at("C", ["Document", "Line"], "Line") as AnyRule], ...registry]);
		const withCrash = rules({ "crash-on-line": 2, "on-line": 1, "on-document": 2, "squeeze-spaces": 2 });
		for (const [config, reg] of [
			[all, registry],
			[withCrash, crashing],
		] as const) {
			expect(lintDocuments(texts, config, reg)).toEqual(texts.map((t) => lintDocument(t, config, reg)));
		}
	});
});

describe("fix merging", () => {
	it("merges several edits of one report (from a generator) into one fix", () => {
		const [m] = lintDocument("say QUOTE now", rules({ "quote-word": 2 }), testRegistry);
		expect(m.message).toBe("Unquoted QUOTE.");
		expect(m.fix).toEqual({ range: [4, 9], text: "「QUOTE」" });
		expect(fixDocument("say QUOTE now", rules({ "quote-word": 2 }), testRegistry).output).toBe("say 「QUOTE」 now");
	});

	it("skips a fix that overlaps an earlier one in the same pass and applies it in the next pass", () => {
		const enabled = rules({ "wrap-line": 2, "zero-o": 2 });
		// Pass 1 alone: the whole-line wrap wins, the o→0 fixes inside it wait.
		const pass1 = applyFixes("foo", lintDocument("foo", enabled, testRegistry));
		expect(pass1.output).toBe("⟨foo⟩");
		expect(pass1.remaining.map((m) => m.ruleId)).toEqual(["zero-o", "zero-o"]);
		// The multipass fixer applies them on the wrapped text.
		const report = fixDocument("foo", enabled, testRegistry);
		expect(report).toMatchObject({ output: "⟨f00⟩", fixed: true, messages: [] });
	});

	it("treats a fix that starts where the previous one ended as overlapping (as ESLint does)", () => {
		const text = "ab";
		const messages = [
			{ ruleId: "x", severity: 2 as const, message: "", line: 1, column: 1, fix: { range: [0, 1] as [number, number], text: "A" } },
			{ ruleId: "y", severity: 2 as const, message: "", line: 1, column: 2, fix: { range: [1, 2] as [number, number], text: "B" } },
		];
		const outcome = applyFixes(text, messages);
		expect(outcome.output).toBe("Ab");
		expect(outcome.remaining.map((m) => m.ruleId)).toEqual(["y"]);
	});

	it("reruns the rules after a pass so a fix can enable another fix", () => {
		const enabled = rules({ "strip-dash": 2, "squeeze-spaces": 2 });
		// Removing the dashes leaves three spaces that only exist after pass 1.
		expect(lintDocument("a - - b", enabled, testRegistry).map((m) => m.ruleId)).toEqual(["strip-dash", "strip-dash"]);
		const report = fixDocument("a - - b", enabled, testRegistry);
		expect(report.output).toBe("a b");
		expect(report.messages).toEqual([]);
	});

	it(`stops after ${MAX_FIX_PASSES} passes on a rule that never stabilises and returns the last messages`, () => {
		expect(MAX_FIX_PASSES).toBe(10);
		const report = fixDocument("hi", rules({ "never-stable": 2 }), testRegistry);
		expect(report.output).toBe(`hi${"!".repeat(10)}`);
		expect(report.fixed).toBe(true);
		// The remaining message is the one for the final text, not a stale one.
		expect(report.messages).toHaveLength(1);
		expect(report.messages[0].fix).toEqual({ range: [12, 12], text: "!" });
	});

	it("fixing twice equals fixing once", () => {
		const enabled = rules({ "wrap-line": 2, "zero-o": 2, "strip-dash": 2, "squeeze-spaces": 2, "quote-word": 2 });
		const text = "foo - bar  QUOTE\n\nno -  so\r\nQUOTE and QUOTE\n";
		const once = fixDocument(text, enabled, testRegistry);
		const twice = fixDocument(once.output, enabled, testRegistry);
		expect(once.fixed).toBe(true);
		expect(twice.output).toBe(once.output);
		expect(twice.fixed).toBe(false);
		expect(once.output).toBe("⟨f00 bar 「QUOTE」⟩\n\n⟨n0 s0⟩\r\n⟨「QUOTE」 and 「QUOTE」⟩\n");
	});

	it("never applies suggestions, but returns them with their fixes and interpolated descriptions", () => {
		const report = fixDocument("记得 TODO 了", rules({ "suggest-todo": 2 }), testRegistry);
		expect(report.output).toBe("记得 TODO 了");
		expect(report.fixed).toBe(false);
		expect(report.messages).toHaveLength(1);
		expect(report.messages[0].fix).toBeUndefined();
		expect(report.messages[0].suggestions).toEqual([
			{ desc: "Remove the marker.", messageId: "remove", fix: { range: [3, 7], text: "" } },
			{ desc: "Replace it with 待办.", messageId: "replace", fix: { range: [3, 7], text: "待办" } },
		]);
	});

	it("applies only fixes of the rule types named by fixTypes", () => {
		// zero-o is a "problem", squeeze-spaces "layout".
		const enabled = rules({ "zero-o": 2, "squeeze-spaces": 2 });
		const problemsOnly = fixDocument("foo  bar", enabled, testRegistry, { fixTypes: ["problem"] });
		expect(problemsOnly.output).toBe("f00  bar");
		expect(problemsOnly.messages.map((m) => m.ruleId)).toEqual(["squeeze-spaces"]);
		const layoutOnly = fixDocument("foo  bar", enabled, testRegistry, { fixTypes: ["layout"] });
		expect(layoutOnly.output).toBe("foo bar");
		const none = fixDocument("foo  bar", enabled, testRegistry, { fixTypes: ["suggestion"] });
		expect(none).toMatchObject({ output: "foo  bar", fixed: false });
	});

	it("does not fix with a rule that is off", () => {
		const report = fixDocument("foo", rules({ "zero-o": 0 }), testRegistry);
		expect(report).toEqual({ output: "foo", fixed: false, messages: [] });
	});

	it("a fix on clean text changes nothing", () => {
		const enabled = rules({ "zero-o": 2, "strip-dash": 2, "squeeze-spaces": 2 });
		expect(fixDocument("清洁的文本。\n\n第二段。\n", enabled, testRegistry)).toMatchObject({ output: "清洁的文本。\n\n第二段。\n", fixed: false });
	});
});

describe("rule options", () => {
	it("merges user options over meta.defaultOptions", () => {
		const text = "123456789012\n\u3000234567890123456\n";
		expect(lintDocument(text, rules({ "max-length": 2 }), testRegistry).map((m) => m.message)).toEqual([
			"Line is 12 characters long (max 10).",
			"Line is 16 characters long (max 10).",
		]);
		// Only ignoreIndented given: max keeps its default of 10.
		expect(lintDocument(text, rules({ "max-length": [2, { ignoreIndented: true }] }), testRegistry).map((m) => m.line)).toEqual([1]);
		expect(lintDocument(text, rules({ "max-length": [2, { max: 12 }] }), testRegistry).map((m) => m.line)).toEqual([2]);
	});

	it("validates and merges per rule even when two rules share one options array", () => {
		const shared: unknown[] = [];
		const both: ResolvedRules = new Map([
			["zero-o", { severity: 2, options: shared }],
			["max-length", { severity: 2, options: shared }],
		]);
		// max-length must still get its default max of 10, not zero-o's (absent) defaults.
		expect(lintDocument("123456789012o", both, testRegistry).map((m) => m.ruleId)).toEqual(["max-length", "zero-o"]);
		const badShared: unknown[] = [{ max: 3 }];
		const bad: ResolvedRules = new Map([
			["max-length", { severity: 2, options: badShared }],
			["zero-o", { severity: 2, options: badShared }],
		]);
		expect(() => lintDocument("x", bad, testRegistry)).toThrow(/"zero-o"/u);
	});

	it("rejects an unknown option with an error naming the rule and the option", () => {
		const run = () => lintDocument("x", rules({ "max-length": [2, { maxx: 3 }] }), testRegistry);
		expect(run).toThrow(ConfigError);
		expect(run).toThrow(/rule "max-length".*unknown property "maxx"/u);
	});

	it("rejects a badly typed option value, naming the option path", () => {
		expect(() => lintDocument("x", rules({ "max-length": [2, { max: 0 }] }), testRegistry)).toThrow(/"max-length".*options\.0\.max must be >= 1/u);
		expect(() => lintDocument("x", rules({ "max-length": [2, { max: "ten" }] }), testRegistry)).toThrow(/"max-length".*max must be integer/u);
	});

	it("rejects options for a rule whose schema takes none", () => {
		expect(() => lintDocument("x", rules({ "zero-o": [2, { any: true }] }), testRegistry)).toThrow(/"zero-o".*too many options|"zero-o".*no options/u);
	});
});

describe("rule registry", () => {
	it("suggests the closest rule name", () => {
		expect(closestRuleName("max-lenght", testRegistry)).toBe("max-length");
		expect(closestRuleName("zero0", testRegistry)).toBe("zero-o");
		expect(closestRuleName("completely-unrelated-name-here", testRegistry)).toBeUndefined();
	});
});
