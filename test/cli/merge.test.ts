/**
 * `corpuslint merge`: combining shard reports. The end-to-end equality with
 * a full run is in test/runner/shard.test.ts; here, the merge rules and the
 * command's errors.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { LintMessage, LintResult } from "../../src/engine/types.js";
import { mergeResults, mergeSarif } from "../../src/cli/merge.js";
import { runCli, TempProject } from "../helpers/cli.js";

function result(filePath: string, messages: Partial<LintMessage>[], extra: Partial<LintResult> = {}): LintResult {
	const full = messages.map((m) => ({ ruleId: "whitespace", severity: 2, message: "x", line: 1, column: 1, ...m }) as LintMessage);
	return {
		filePath,
		messages: full,
		suppressedMessages: [],
		errorCount: full.filter((m) => m.severity === 2).length,
		fatalErrorCount: 0,
		warningCount: full.filter((m) => m.severity === 1).length,
		fixableErrorCount: 0,
		fixableWarningCount: 0,
		...extra,
	};
}

describe("mergeResults", () => {
	it("joins the parts of a JSONL split across shards: messages by line, counts and documents summed", () => {
		const a = result("/c/big.jsonl", [{ line: 1, docLine: 2 }, { line: 3, severity: 1 }], { documentCount: 3 });
		const b = result("/c/big.jsonl", [{ line: 7 }], { documentCount: 4 });
		const [merged] = mergeResults([[b], [a]]);
		expect(merged.messages.map((m) => m.line)).toEqual([1, 3, 7]);
		expect(merged).toMatchObject({ errorCount: 2, warningCount: 1, documentCount: 7 });
	});

	it("keeps the full run's file order, anchored by the split file", () => {
		// The full run had the patterns "tree" then "a.jsonl": a.jsonl sorts first by path but came last.
		const s1 = [result("/c/tree/t1.txt", []), result("/c/tree/t3.txt", []), result("/c/a.jsonl", [])];
		const s2 = [result("/c/tree/t2.txt", []), result("/c/tree/t4.txt", []), result("/c/a.jsonl", [])];
		expect(mergeResults([s1, s2]).map((r) => r.filePath)).toEqual(["/c/tree/t1.txt", "/c/tree/t2.txt", "/c/tree/t3.txt", "/c/tree/t4.txt", "/c/a.jsonl"]);
	});
});

describe("mergeSarif", () => {
	it("re-indexes rules and concatenates results and notifications", () => {
		const log = (rules: string[], results: Array<{ ruleId: string; uri: string; line: number }>, notes: number) => ({
			version: "2.1.0",
			runs: [
				{
					tool: { driver: { name: "corpuslint", rules: rules.map((id) => ({ id })) } },
					invocations: [{ executionSuccessful: true, toolExecutionNotifications: Array.from({ length: notes }, () => ({ message: { text: "n" } })) }],
					results: results.map((r) => ({
						ruleId: r.ruleId,
						ruleIndex: rules.indexOf(r.ruleId),
						locations: [{ physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line } } }],
					})),
				},
			],
		});
		const merged = mergeSarif([log(["whitespace"], [{ ruleId: "whitespace", uri: "b.txt", line: 2 }], 1), log(["punctuation-width", "whitespace"], [{ ruleId: "punctuation-width", uri: "a.txt", line: 1 }], 2)]);
		const run = (merged.runs as Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; ruleIndex: number }>; invocations: Array<{ toolExecutionNotifications: unknown[] }> }>)[0];
		expect(run.tool.driver.rules.map((r) => r.id)).toEqual(["punctuation-width", "whitespace"]);
		// Files with no shared anchor come in path order, as a directory expands: a.txt first.
		expect(run.results.map((r) => [r.ruleId, r.ruleIndex])).toEqual([
			["punctuation-width", 0],
			["whitespace", 1],
		]);
		expect(run.invocations[0].toolExecutionNotifications).toHaveLength(3);
	});
});

describe("the merge command", () => {
	const p = new TempProject({
		"s1.json": [result("/x/a.txt", [{ line: 2 }])],
		"s2.json": [result("/x/b.txt", [])],
		"clean.json": [result("/x/c.txt", [])],
		"s.sarif": { version: "2.1.0", runs: [{ tool: { driver: { name: "corpuslint" } }, results: [] }] },
		"bad.json": "{not json",
	});
	afterAll(() => p.remove());
	const run = (args: string[]) => runCli(args, { cwd: p.dir });

	it("prints the merged json and exits 1 when it has errors, 0 when clean", async () => {
		const r = await run(["merge", "s1.json", "s2.json"]);
		expect(r.code).toBe(1);
		expect((JSON.parse(r.stdout) as LintResult[]).map((x) => x.filePath)).toEqual(["/x/a.txt", "/x/b.txt"]);
		expect((await run(["merge", "clean.json", "s2.json"])).code).toBe(0);
	});

	it("writes -o and formats with -f", async () => {
		const r = await run(["merge", "-f", "compact", "-o", "out/merged.txt", "s1.json", "s2.json"]);
		expect(r.stdout).toBe("");
		expect(p.read("out/merged.txt").toString()).toContain("a.txt: line 2, col 1, Error - x (whitespace)");
	});

	it.each([
		[["merge"], /name the shard reports/u],
		[["merge", "missing.json"], /cannot read/u],
		[["merge", "bad.json"], /not a JSON or SARIF report/u],
		[["merge", "s1.json", "s.sarif"], /all be json .* or all SARIF/u],
		[["merge", "s.sarif"], /merge into SARIF only/u],
		[["merge", "-f", "nope", "s1.json"], /unknown format/u],
	])("%j is a usage error", async (args, message) => {
		const r = await run(args as string[]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
	});
});
