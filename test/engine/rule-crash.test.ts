/** A rule that throws is reported on the document; the other rules' findings stay. */
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../src/engine/linter.js";
import type { AnyRule } from "../../src/engine/rule-registry.js";
import { lintStream } from "../../src/runner/lint-files.js";
import { loadConfig } from "../../src/config/load-config.js";
import { Readable } from "node:stream";
import whitespace from "../../rules/whitespace.js";

const throwsInVisitor = {
	meta: { type: "problem", schema: [], messages: {} },
	create: () => ({
		Line(node: { lineNumber: number }) {
			if (node.lineNumber === 2) throw new Error("boom");
		},
	}),
} as unknown as AnyRule;
const throwsInCreate = {
	meta: { type: "problem", schema: [], messages: {} },
	create: () => {
		throw new Error("bad create");
	},
} as unknown as AnyRule;

const registry = new Map<string, AnyRule>([
	["whitespace", whitespace as AnyRule],
	["visitor-crash", throwsInVisitor],
	["create-crash", throwsInCreate],
]);
const rules = new Map([
	["whitespace", { severity: 2 as const, options: [] }],
	["visitor-crash", { severity: 1 as const, options: [] }],
	["create-crash", { severity: 1 as const, options: [] }],
]);

describe("a crashing rule", () => {
	it("is reported as a fatal internal error with its id, and the other rules still report", () => {
		const messages = lintDocument("a \nb \n", rules, registry);
		expect(messages.map((m) => [m.ruleId, m.line, m.fatal ?? false])).toEqual([
			["create-crash", 1, true],
			["whitespace", 1, false],
			["visitor-crash", 2, true],
			["whitespace", 2, false],
		]);
		expect(messages.find((m) => m.ruleId === "visitor-crash")!.message).toMatch(/Internal error: rule "visitor-crash" crashed at line 2: boom/u);
	});

	it("is counted as an internal error on the result, so the CLI can exit 2", async () => {
		const config = loadConfig({ cwd: "/", noConfig: true, cliRules: { whitespace: "error" }, registry });
		const crashing = { ...config, rulesFor: () => rules } as unknown as typeof config;
		const result = await lintStream(Readable.from([Buffer.from('{"id":1,"text":"a \\nb"}\n')]), "x.jsonl", { config: crashing, registry });
		expect(result.internalErrorCount).toBe(2);
		expect(result.messages.filter((m) => m.ruleId === "whitespace")).toHaveLength(1);
	});
});
