import { existsSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LintMessage, LintResult } from "../../src/engine/types.js";
import { applySuppressions, pruneSuppressions, recordSuppressions } from "../../src/runner/suppressions.js";
import { makeProject, runCli } from "../helpers/run-cli.js";

const FILE = "corpuslint-suppressions.json";
const CONFIG = { rules: { whitespace: "error", "punctuation-width": "error" } };
/** Three trailing-whitespace errors. */
const OLD = "第一行。  \n第二行。  \n第三行。  \n";

const project = (files: Record<string, string> = {}, config: object = CONFIG) =>
	makeProject({ ".corpuslintrc.json": JSON.stringify(config), "data/a.txt": OLD, "data/clean.txt": "没有问题。\n", ...files });

const lint = (dir: string, args: string[] = []) => {
	const r = runCli(dir, ["data", "-f", "json", ...args]);
	return { ...r, results: JSON.parse(r.stdout) as LintResult[] };
};
const readSuppressions = (dir: string, name = FILE) => JSON.parse(readFileSync(join(dir, name), "utf8")) as Record<string, Record<string, { count: number }>>;
const shownIn = (results: LintResult[], name: string) => results.find((r) => r.filePath.endsWith(name))!;

describe("bulk suppressions (CLI)", () => {
	it("--suppress-all records errors per file and rule; later runs report only new ones", () => {
		const dir = project();
		const first = lint(dir, ["--suppress-all"]);
		expect(first.code).toBe(0);
		expect(readSuppressions(dir)).toEqual({ "data/a.txt": { whitespace: { count: 3 } } });
		expect(first.stderr).toContain("now suppresses 3 errors in 1 file");

		const again = lint(dir);
		expect(again.code).toBe(0);
		expect(again.stderr).toBe("");
		const a = shownIn(again.results, "a.txt");
		expect(a.messages).toEqual([]);
		expect(a.errorCount).toBe(0);
		expect(a.suppressedMessages.map((m) => m.line)).toEqual([1, 2, 3]);

		// One more finding than recorded: exactly the excess is reported, and it fails the run.
		appendFileSync(join(dir, "data/a.txt"), "新增一行。  \n");
		const grown = lint(dir);
		expect(grown.code).toBe(1);
		expect(shownIn(grown.results, "a.txt").messages.map((m) => [m.ruleId, m.line])).toEqual([["whitespace", 4]]);
		expect(shownIn(grown.results, "a.txt").suppressedMessages).toHaveLength(3);

		// A finding of another rule, or in another file, is new too.
		writeFileSync(join(dir, "data/clean.txt"), "没有问题。  \n");
		expect(shownIn(lint(dir).results, "clean.txt").messages.map((m) => m.ruleId)).toEqual(["whitespace"]);
	});

	it("suppresses only errors: warnings are reported and not recorded", () => {
		const dir = project({}, { rules: { whitespace: "warn" } });
		const r = lint(dir, ["--suppress-all"]);
		expect(existsSync(join(dir, FILE)) ? readSuppressions(dir) : {}).toEqual({});
		expect(shownIn(r.results, "a.txt").messages).toHaveLength(3);
	});

	it("--suppress-rule records only the named rules and keeps earlier entries", () => {
		const dir = project({ "data/b.txt": "会议（第二次)举行。  \n" });
		lint(dir, ["--suppress-rule", "punctuation-width"]);
		expect(readSuppressions(dir)).toEqual({ "data/b.txt": { "punctuation-width": { count: 1 } } });
		const r = lint(dir);
		expect(r.code).toBe(1);
		expect(shownIn(r.results, "b.txt").messages.map((m) => m.ruleId)).toEqual(["whitespace"]);

		lint(dir, ["--suppress-rule", "whitespace"]);
		expect(readSuppressions(dir)).toEqual({
			"data/a.txt": { whitespace: { count: 3 } },
			"data/b.txt": { "punctuation-width": { count: 1 }, whitespace: { count: 1 } },
		});
		expect(lint(dir).code).toBe(0);
	});

	it("says when recorded errors are gone, and --prune-suppressions lowers the counts", () => {
		const dir = project({ "data/b.txt": "一行。  \n" });
		lint(dir, ["--suppress-all"]);
		writeFileSync(join(dir, "data/a.txt"), "第一行。  \n第二行。\n第三行。\n");
		writeFileSync(join(dir, "data/b.txt"), "一行。\n");
		const r = lint(dir);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain("--prune-suppressions");
		expect(readSuppressions(dir)["data/a.txt"].whitespace.count).toBe(3);

		const pruned = lint(dir, ["--prune-suppressions"]);
		expect(pruned.code).toBe(0);
		expect(readSuppressions(dir)).toEqual({ "data/a.txt": { whitespace: { count: 1 } } });
		expect(lint(dir).stderr).toBe("");
		// Pruned counts are tight: the fixed lines cannot come back unnoticed.
		writeFileSync(join(dir, "data/a.txt"), OLD);
		expect(lint(dir).code).toBe(1);
	});

	it("reads and writes --suppressions-location, which must exist when only reading", () => {
		const dir = project({ "ci/.keep": "" });
		const missing = runCli(dir, ["data", "--suppressions-location", "ci/s.json"]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain("does not exist");
		lint(dir, ["--suppress-all", "--suppressions-location", "ci/s.json"]);
		expect(existsSync(join(dir, FILE))).toBe(false);
		expect(readSuppressions(dir, "ci/s.json")).toEqual({ "data/a.txt": { whitespace: { count: 3 } } });
		expect(lint(dir, ["--suppressions-location", "ci/s.json"]).code).toBe(0);
		// The default file is a different file: nothing is suppressed without the flag.
		expect(lint(dir).code).toBe(1);
	});

	it("suppresses findings inside JSONL corpora and reports the documents appended later", () => {
		const doc = (id: string, text: string) => `${JSON.stringify({ id, text })}\n`;
		const dir = project({ "data/c.jsonl": doc("d1", "旧的一行。  ") + doc("d2", "没有问题。") });
		lint(dir, ["--suppress-all"]);
		expect(readSuppressions(dir)["data/c.jsonl"]).toEqual({ whitespace: { count: 1 } });
		appendFileSync(join(dir, "data/c.jsonl"), doc("d3", "新批次。  "));
		const r = lint(dir);
		expect(r.code).toBe(1);
		expect(shownIn(r.results, "c.jsonl").messages).toMatchObject([{ docId: "d3", line: 3 }]);
	});

	it("applies recorded suppressions to --format jsonl output document by document, as -f json does", () => {
		const doc = (id: string, text: string) => `${JSON.stringify({ id, text })}\n`;
		const dir = project({ "data/c.jsonl": doc("d1", "旧的一行。  ") + doc("d2", "没有问题。") + doc("d3", "旧的, 也是旧的。  ") });
		lint(dir, ["--suppress-all"]);
		expect(readSuppressions(dir)["data/c.jsonl"]).toEqual({ whitespace: { count: 2 }, "punctuation-width": { count: 1 } });
		const streamed = (args: string[] = []) => {
			const r = runCli(dir, ["data", "-f", "jsonl", ...args]);
			const lines = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { file: string; id: string | null; messages: LintMessage[] });
			return { ...r, lines, findings: lines.flatMap((l) => l.messages.map((m) => [l.file, l.id, m.ruleId, m.line])) };
		};
		const quiet = streamed();
		expect(quiet.code).toBe(0);
		expect(quiet.findings).toEqual([]);
		expect(quiet.lines.filter((l) => l.file === "data/c.jsonl").map((l) => l.id)).toEqual(["d1", "d2", "d3"]);

		// A new batch: only its findings are written and fail the run, the same ones -f json reports.
		appendFileSync(join(dir, "data/c.jsonl"), doc("d4", "新批次, 新问题。  "));
		const grown = streamed();
		expect(grown.code).toBe(1);
		expect(grown.findings).toEqual([
			["data/c.jsonl", "d4", "punctuation-width", 4],
			["data/c.jsonl", "d4", "whitespace", 4],
		]);
		const json = lint(dir);
		expect(shownIn(json.results, "c.jsonl").messages.map((m) => ["data/c.jsonl", m.docId, m.ruleId, m.line])).toEqual(grown.findings);
		// --stats counts what is shown.
		expect(streamed(["--stats"]).stderr).toMatch(/whitespace\s*\|\s*1\s*\|/u);

		// Fewer findings than recorded: the note on pruning, as with -f json.
		writeFileSync(join(dir, "data/c.jsonl"), doc("d1", "旧的一行。"));
		const fixed = streamed();
		expect(fixed.code).toBe(0);
		expect(fixed.stderr).toContain("--prune-suppressions");
		expect(runCli(dir, ["data", "-f", "jsonl", "--suppressions-location", "nowhere.json"]).code).toBe(2);
	});

	it("rejects contradictory or unknown flags and a malformed file with exit code 2", () => {
		const dir = project();
		expect(runCli(dir, ["data", "--suppress-all", "--suppress-rule", "whitespace"]).code).toBe(2);
		expect(runCli(dir, ["data", "--suppress-all", "--prune-suppressions"]).code).toBe(2);
		const unknown = runCli(dir, ["data", "--suppress-rule", "no-such-rule"]);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain("no-such-rule");
		// Streamed output is written before the counts are known.
		expect(runCli(dir, ["data", "-f", "jsonl", "--suppress-all"]).code).toBe(2);
		expect(existsSync(join(dir, FILE))).toBe(false);
		writeFileSync(join(dir, FILE), '{"data/a.txt": {"whitespace": 3}}');
		const bad = runCli(dir, ["data"]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain(FILE);
	});
});

describe("suppression bookkeeping", () => {
	const msg = (ruleId: string | null, line: number, severity: 1 | 2 = 2): LintMessage => ({ ruleId, severity, message: "m", line, column: 1 });
	const result = (messages: LintMessage[]): LintResult => ({
		filePath: "/p/f.txt",
		messages,
		suppressedMessages: [],
		errorCount: 0,
		fatalErrorCount: 0,
		warningCount: 0,
		fixableErrorCount: 0,
		fixableWarningCount: 0,
	});

	it("suppresses the first recorded findings of a rule and reports the excess, recounting errors", () => {
		const input = result([msg("r", 1), msg("r", 2), msg("r", 3), msg("s", 4, 1), msg(null, 5)]);
		const { results, unused } = applySuppressions([input], { "f.txt": { r: { count: 2 }, s: { count: 5 } } }, "/p");
		expect(results[0].messages.map((m) => m.line)).toEqual([3, 4, 5]);
		expect(results[0].suppressedMessages.map((m) => m.line)).toEqual([1, 2]);
		expect(results[0].errorCount).toBe(2);
		expect(results[0].warningCount).toBe(1);
		// Warnings never consume a budget, so all five recorded "s" errors are unused.
		expect(unused).toEqual({ "f.txt": { s: { count: 5 } } });
		// The input result is left as it was.
		expect(input.messages).toHaveLength(5);
	});

	it("records counts relative to cwd and prunes to what remains", () => {
		const recorded = recordSuppressions({ "old.txt": { r: { count: 1 } } }, [result([msg("r", 1), msg("r", 2), msg("s", 3, 1)])], "/p");
		expect(recorded).toEqual({ "old.txt": { r: { count: 1 } }, "f.txt": { r: { count: 2 } } });
		const pruned = pruneSuppressions(recorded, { "f.txt": { r: { count: 1 } }, "old.txt": { r: { count: 1 } } });
		expect(pruned).toEqual({ "f.txt": { r: { count: 1 } } });
	});
});
