/**
 * A report whose fix is several separate edits (a group of repeated lines
 * deleted at once) blocks only those edits, not the text between them, so
 * fixes of other reports in between still land in the same pass.
 */
import { describe, expect, it } from "vitest";
import { fixDocument, lintDocument } from "../../src/engine/linter.js";
import { applyFixes } from "../../src/engine/source-fixer.js";
import type { AnyRule } from "../../src/engine/rule-registry.js";
import type { TextRuleDefinition } from "../../src/language/rule-types.js";

/** Deletes every later line equal to the first line that starts with "#", in one report. */
const dropRepeats: TextRuleDefinition<{ RuleOptions: []; MessageIds: "repeat" }> = {
	meta: { type: "problem", fixable: "code", schema: [], messages: { repeat: "Repeated line." } },
	create(context) {
		const { sourceCode } = context;
		return {
			Document() {
				const lines = sourceCode.lineNodes;
				const groups = new Map<string, typeof lines>();
				for (const l of lines) if (l.value.startsWith("#")) groups.set(l.value, [...(groups.get(l.value) ?? []), l]);
				for (const group of groups.values()) {
					if (group.length < 2) continue;
					context.report({
						node: group[1],
						messageId: "repeat",
						// Each copy goes with its line break: separate, non-adjacent edits.
						fix: (fixer) => group.slice(1).map((l) => fixer.removeRange([l.range[0], l.range[1] + 1])),
					});
				}
			},
		};
	},
};

/** Upper-cases "x" wherever it appears. */
const upperX: TextRuleDefinition<{ RuleOptions: []; MessageIds: "x" }> = {
	meta: { type: "layout", fixable: "code", schema: [], messages: { x: "Lower-case x." } },
	create(context) {
		const { sourceCode } = context;
		return {
			Line(node) {
				const i = node.value.indexOf("x");
				if (i >= 0) context.report({ loc: sourceCode.locIn(node, i, i + 1), messageId: "x", fix: (f) => f.replaceTextRange(sourceCode.rangeIn(node, i, i + 1), "X") });
			},
		};
	},
};

const registry = new Map<string, AnyRule>([
	["drop-repeats", dropRepeats as AnyRule],
	["upper-x", upperX as AnyRule],
]);
const rules = new Map([
	["drop-repeats", { severity: 2 as const, options: [] }],
	["upper-x", { severity: 2 as const, options: [] }],
]);

describe("fixes made of separate edits", () => {
	it("apply in one pass together with fixes between their edits", () => {
		const text = "#a\nx1\n#b\n#a\n-\nx2\n#b\n-\n#a\n-\nx3\n#b\nend\n";
		const messages = lintDocument(text, rules, registry);
		const outcome = applyFixes(text, messages);
		// One pass: both groups and all three x's, though each group's merged span covers the others' edits.
		expect(outcome.output).toBe("#a\nX1\n#b\n-\nX2\n-\n-\nX3\nend\n");
		expect(outcome.remaining.filter((m) => m.fix)).toEqual([]);
	});

	it("still treat two insertions at one point as a conflict", () => {
		const at = (pos: number, text: string) => ({ ruleId: "upper-x", severity: 2 as const, message: "", line: 1, column: 1, fix: { range: [pos, pos] as [number, number], text } });
		const outcome = applyFixes("ab", [at(1, "1"), at(1, "2")]);
		expect(outcome.output).toBe("a1b");
		expect(outcome.remaining).toHaveLength(1);
	});

	it("fix fourteen interleaved groups completely (more groups than fix passes)", () => {
		const heads = Array.from({ length: 14 }, (_, i) => `#caption ${i}`);
		const text = `${[0, 1, 2].map(() => heads.join("\n")).join("\nbody\n")}\n`;
		const { output, messages } = fixDocument(text, rules, registry);
		expect(output).toBe(`${heads.join("\n")}\nbody\nbody\n`);
		expect(messages).toEqual([]);
	});

	it("keep the merged single-range fix in the output, as ESLint shows it", () => {
		const text = "#a\nmid\n#a\n";
		const [m] = lintDocument(text, rules, registry).filter((x) => x.ruleId === "drop-repeats");
		expect(m.fix).toEqual({ range: [7, 10], text: "" });
		expect(JSON.parse(JSON.stringify(m))).not.toHaveProperty("edits");
	});

	it("apply all edits of a report or none when one of them conflicts", () => {
		const text = "#a\nx\n#a\n";
		const messages = lintDocument(text, rules, registry);
		// A foreign fix touching the second copy takes precedence (it sorts first).
		const blocker = { ruleId: "upper-x", severity: 2 as const, message: "", line: 3, column: 1, fix: { range: [5, 6] as [number, number], text: "@" } };
		const outcome = applyFixes(text, [blocker, ...messages.filter((m) => m.ruleId === "drop-repeats")]);
		expect(outcome.output).toBe("#a\nx\n@a\n");
		expect(outcome.remaining.map((m) => m.ruleId)).toEqual(["drop-repeats"]);
	});

	it("refer to the same text in every pass when the document starts with a BOM", () => {
		// Pass 1 removes the soft hyphen, so pass 2 starts with the (formerly inner) BOM: ranges must not shift.
		const text = "#a\n\ufeffx\n#a\n";
		const { output } = fixDocument(`\ufeff${text}`, rules, registry);
		expect(output).toBe("\ufeff#a\n\ufeffX\n");
	});
});
