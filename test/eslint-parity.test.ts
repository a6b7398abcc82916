/**
 * The same rules must give the same answers inside ESLint (as the
 * `corpuslint/text` language of a plugin) and inside corpuslint's own kernel:
 * same messages at the same places, same fixed text after multipass fixing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Linter } from "eslint";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../rules/index.js";
import { fixText, lintText } from "../src/api.js";
import { fixDocument, lintDocument } from "../src/engine/linter.js";
import { editsOf } from "../src/engine/source-fixer.js";
import type { ResolvedRules } from "../src/engine/types.js";
import { textLanguage } from "../src/language/language.js";
import plugin from "../src/eslint-plugin.js";
import type { LintMessage } from "../src/engine/types.js";
import { repoRoot } from "./helpers/cli.js";
import { parityRegistry } from "./helpers/test-rules.js";

const seedsDir = join(repoRoot, "seeds");
const samples: Array<[string, string]> = [
	...readdirSync(seedsDir)
		.filter((f) => f.endsWith(".txt"))
		.sort()
		.map((f): [string, string] => [f, readFileSync(join(seedsDir, f), "utf8")]),
	[
		"synthetic",
		[
			"标题  ",
			"",
			"\u3000\u3000第一段，有\t制表符和\u00a0不换行空格 。",
			"\u3000\u3000第二段（括号）“引号”😀 结束。   ",
			"",
			"",
			"",
			"",
			"",
			"English words , and 中文 , mixed.\t",
			"",
			"最后一行没有换行",
		].join("\r\n"),
	],
	["one-paragraph-a-line", "标题\n第一段。 \n第二段，\t继续。\n"],
	["empty", ""],
];

const linter = new Linter({ configType: "flat" });

function eslintConfig(ruleId: string) {
	return [
		{
			files: ["**/*.txt"],
			plugins: { corpuslint: plugin },
			language: "corpuslint/text",
			rules: { [`corpuslint/${ruleId}`]: "error" },
		},
	] as unknown as Linter.Config[];
}

interface Comparable {
	ruleId: string | null;
	messageId?: string;
	message: string;
	line: number;
	column: number;
	endLine?: number;
	endColumn?: number;
	fix?: unknown;
	suggestions?: unknown;
}

function comparable(m: LintMessage | Linter.LintMessage): Comparable {
	const out: Comparable = {
		ruleId: m.ruleId?.replace(/^corpuslint\//u, "") ?? null,
		messageId: m.messageId,
		message: m.message,
		line: m.line,
		column: m.column,
		endLine: m.endLine,
		endColumn: m.endColumn,
	};
	if (m.fix) out.fix = { range: [...m.fix.range], text: m.fix.text };
	if (m.suggestions?.length) {
		out.suggestions = m.suggestions.map((s) => ({ desc: s.desc, messageId: s.messageId, fix: { range: [...s.fix.range], text: s.fix.text } }));
	}
	return out;
}

function byPosition(a: Comparable, b: Comparable): number {
	return a.line - b.line || a.column - b.column || (a.messageId ?? "").localeCompare(b.messageId ?? "");
}

describe("ESLint parity", () => {
	it("the whitespace rule is in the registry and finds something in the synthetic text (the comparison is not vacuous)", () => {
		expect(builtinRules.has("whitespace")).toBe(true);
		const synthetic = samples.find(([name]) => name === "synthetic")![1];
		expect(lintText(synthetic, { rules: { whitespace: "error" }, preset: null }).length).toBeGreaterThanOrEqual(4);
	});

	for (const ruleId of [...builtinRules.keys()].sort()) {
		describe(ruleId, () => {
			for (const [name, text] of samples) {
				it(`same messages and fixed text on ${name}`, () => {
					const ours = lintText(text, { rules: { [ruleId]: "error" }, preset: null }).map(comparable).sort(byPosition);
					const theirs = linter.verify(text, eslintConfig(ruleId), { filename: `${name}.txt` }).map(comparable).sort(byPosition);
					expect(ours).toEqual(theirs);

					const ourFix = fixText(text, { rules: { [ruleId]: "error" }, preset: null });
					const theirFix = linter.verifyAndFix(text, eslintConfig(ruleId), { filename: `${name}.txt` });
					expect(ourFix.output).toBe(theirFix.output);
					expect(ourFix.fixed).toBe(theirFix.fixed);
					expect(ourFix.messages.map(comparable).sort(byPosition)).toEqual(theirFix.messages.map(comparable).sort(byPosition));
				});
			}
		});
	}

	it("random whitespace-heavy texts: whitespace gives the same messages and fixed text in both hosts", () => {
		const pieces = ["中", "文", "a", " ", "\t", "\u00a0", "\u3000", "。", "，", "）", "\n", "\r\n", "\n\n\n\n\n", "\r"];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
				const text = parts.join("");
				const ours = lintText(text, { rules: { whitespace: "error" }, preset: null }).map(comparable).sort(byPosition);
				const theirs = linter.verify(text, eslintConfig("whitespace"), { filename: "a.txt" }).map(comparable).sort(byPosition);
				expect(ours).toEqual(theirs);
				const fixed = fixText(text, { rules: { whitespace: "error" }, preset: null }).output;
				expect(fixed).toBe(linter.verifyAndFix(text, eslintConfig("whitespace"), { filename: "a.txt" }).output);
				expect(fixText(fixed, { rules: { whitespace: "error" }, preset: null }).output).toBe(fixed);
			}),
			{ numRuns: 200, seed: 20261122 },
		);
	});

	// ESLint strips a leading U+FEFF before linting (positions and fix ranges do not count it)
	// and puts it back on the fixed output; the kernel does the same for strings given to the API.
	it("a leading BOM in a string is not counted in positions, and survives fixing, as in ESLint", () => {
		const text = "\ufeff标题  \n";
		const ours = lintText(text, { rules: { whitespace: "error" }, preset: null }).map(comparable);
		const theirs = linter.verify(text, eslintConfig("whitespace"), { filename: "a.txt" }).map(comparable);
		expect(ours).toEqual(theirs);
		const fixed = fixText(text, { rules: { whitespace: "error" }, preset: null }).output;
		expect(fixed).toBe("\ufeff标题\n");
		expect(fixed).toBe(linter.verifyAndFix(text, eslintConfig("whitespace"), { filename: "a.txt" }).output);
	});

	it("the plugin's recommended config gives the same findings as corpuslint's recommended preset", () => {
		const config = [plugin.configs.recommended] as unknown as Linter.Config[];
		for (const [name, text] of samples) {
			const tuple = (m: LintMessage | Linter.LintMessage) => [comparable(m).ruleId, m.severity, m.line, m.column, m.messageId ?? ""].join(" ");
			const ours = lintText(text).map(tuple).sort();
			const theirs = linter.verify(text, config, { filename: `${name}.txt` }).map(tuple).sort();
			expect(ours, name).toEqual(theirs);
		}
	});

	// One deliberate difference: a report whose fix is several separate edits (a
	// group of repeated captions) blocks only those edits in corpuslint, while
	// ESLint merges them into one range that blocks every fix in between. The
	// pass schedule then differs, and fixes that interact may end differently.
	// So the combined comparison leaves out, per sample, the rules that make such fixes on it.
	it("all rules together give the same fixed text (fixes of different rules merge the same way)", () => {
		for (const [name, text] of samples) {
			const multiEdit = new Set(lintText(text, { preset: "corpuslint:all" }).filter((m) => m.fix && editsOf(m).length > 1).map((m) => m.ruleId));
			const ids = [...builtinRules.keys()].filter((id) => !multiEdit.has(id));
			const all = Object.fromEntries(ids.map((id) => [`corpuslint/${id}`, "error"]));
			const config = [{ files: ["**/*.txt"], plugins: { corpuslint: plugin }, language: "corpuslint/text", rules: all }] as unknown as Linter.Config[];
			const ours = fixText(text, { rules: Object.fromEntries(ids.map((id) => [id, "error"])), preset: null });
			const theirs = linter.verifyAndFix(text, config, { filename: `${name}.txt` });
			expect(ours.output, name).toBe(theirs.output);
		}
	});
});

describe("ESLint parity of the engine (synthetic rules)", () => {
	const synthetic = {
		meta: { name: "synthetic" },
		languages: { text: textLanguage },
		rules: Object.fromEntries(parityRegistry),
	};
	const text = "foo - bar  QUOTE #1\r\n\r\n记得 TODO 了 -- o\r\n#2 123456789012\n";
	const setups: Array<Record<string, "error" | ["error", ...unknown[]]>> = [
		{ "wrap-line": "error", "zero-o": "error" },
		{ "strip-dash": "error", "squeeze-spaces": "error" },
		{ "quote-word": "error", "suggest-todo": "error" },
		{ "never-stable": "error" },
		{ "max-length": ["error", { max: 5 }] },
		{ "point-report": "error" },
		Object.fromEntries([...parityRegistry.keys()].map((id) => [id, "error" as const])),
	];
	it("random texts: same fixed text and remaining messages as ESLint, and fixing twice equals fixing once", () => {
		const ids = [...parityRegistry.keys()].filter((id) => id !== "never-stable");
		const config = [
			{ files: ["**/*.txt"], plugins: { synthetic }, language: "synthetic/text", rules: Object.fromEntries(ids.map((id) => [`synthetic/${id}`, "error"])) },
		] as unknown as Linter.Config[];
		const rules: ResolvedRules = new Map(ids.map((id) => [id, { severity: 2 as const, options: [] }]));
		const pieces = ["o", "f", "-", " ", "  ", "QUOTE", "TODO", "#", "⟨", "中文", "😀", "\n", "\r\n", "\n\n", "\u3000"];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
				const text = parts.join("");
				const ours = fixDocument(text, rules, parityRegistry);
				const theirs = linter.verifyAndFix(text, config, { filename: "a.txt" });
				expect(ours.output).toBe(theirs.output);
				expect(ours.messages.map(comparable).sort(byPosition)).toEqual(
					theirs.messages.map((m) => comparable({ ...m, ruleId: m.ruleId?.replace(/^synthetic\//u, "") ?? null })).sort(byPosition),
				);
				expect(fixDocument(ours.output, rules, parityRegistry).output).toBe(ours.output);
			}),
			{ numRuns: 150, seed: 20261122 },
		);
	});

	for (const setup of setups) {
		it(`${Object.keys(setup).length > 3 ? "all synthetic rules" : Object.keys(setup).join(" + ")}: same messages and fixed text`, () => {
			const config = [
				{ files: ["**/*.txt"], plugins: { synthetic }, language: "synthetic/text", rules: Object.fromEntries(Object.entries(setup).map(([id, e]) => [`synthetic/${id}`, e])) },
			] as unknown as Linter.Config[];
			const rules: ResolvedRules = new Map(
				Object.entries(setup).map(([id, e]) => {
					const [, ...options] = Array.isArray(e) ? e : [e];
					return [id, { severity: 2 as const, options }];
				}),
			);
			const ours = lintDocument(text, rules, parityRegistry).map(comparable).sort(byPosition);
			const theirs = linter.verify(text, config, { filename: "a.txt" }).map((m) => comparable({ ...m, ruleId: m.ruleId?.replace(/^synthetic\//u, "") ?? null })).sort(byPosition);
			expect(ours).toEqual(theirs);
			const ourFix = fixDocument(text, rules, parityRegistry);
			const theirFix = linter.verifyAndFix(text, config, { filename: "a.txt" });
			expect(ourFix.output).toBe(theirFix.output);
			expect(ourFix.messages.map(comparable).sort(byPosition)).toEqual(
				theirFix.messages.map((m) => comparable({ ...m, ruleId: m.ruleId?.replace(/^synthetic\//u, "") ?? null })).sort(byPosition),
			);
		});
	}
});
