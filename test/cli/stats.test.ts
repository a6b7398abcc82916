import { describe, expect, it } from "vitest";
import type { LintResult } from "../../src/engine/types.js";
import { collectRuleStats, formatStats } from "../../src/cli/stats.js";
import { makeProject, runCli } from "../helpers/run-cli.js";

function parseTable(stderr: string): Map<string, { count: number; ms: number; percent: number }> {
	const rows = new Map<string, { count: number; ms: number; percent: number }>();
	for (const line of stderr.split("\n")) {
		const m = /^([\w-]+)\s*\|\s*(\d+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)%$/u.exec(line);
		if (m) rows.set(m[1], { count: Number(m[2]), ms: Number(m[3]), percent: Number(m[4]) });
	}
	return rows;
}

describe("--stats", () => {
	// Trailing spaces (whitespace) and a half-width parenthesis (punctuation-width) on every line, repeated so timing is measurable.
	const body = "记者今天在北京报道。  \n会议（第二次)举行。\n".repeat(300);

	it("prints one row per enabled rule on stderr, with the findings the report shows", () => {
		const dir = makeProject({
			".corpuslintrc.json": JSON.stringify({ rules: { whitespace: "error", "punctuation-width": "warn" } }),
			"a.txt": body,
			"b.txt": "没有问题的一句话。\n",
		});
		const r = runCli(dir, [".", "-f", "json", "--stats"]);
		expect(r.code).toBe(1);
		// stdout stays a clean report.
		const results = JSON.parse(r.stdout) as LintResult[];
		const inJson = new Map<string, number>();
		for (const res of results) for (const m of res.messages) if (m.ruleId) inJson.set(m.ruleId, (inJson.get(m.ruleId) ?? 0) + 1);
		expect(inJson.get("whitespace")).toBeGreaterThan(0);
		expect(inJson.get("punctuation-width")).toBeGreaterThan(0);

		const table = parseTable(r.stderr);
		expect([...table.keys()].sort()).toEqual(["punctuation-width", "whitespace"]);
		for (const [ruleId, row] of table) expect(row.count, ruleId).toBe(inJson.get(ruleId) ?? 0);
		for (const row of table.values()) expect(row.ms).toBeGreaterThan(0);
		const percent = [...table.values()].reduce((n, row) => n + row.percent, 0);
		expect(percent).toBeGreaterThan(99.8);
		expect(percent).toBeLessThan(100.2);
		expect(r.stderr).toMatch(/^2 files, 2 documents, \d+ findings; \d+ ms in total, \d+ ms in rules$/mu);
	});

	it("lists an enabled rule with nothing to report as 0, and counts only what --quiet leaves", () => {
		const dir = makeProject({
			".corpuslintrc.json": JSON.stringify({ rules: { whitespace: "error", "punctuation-width": "warn" } }),
			"a.txt": "会议（第二次)举行。\n",
		});
		expect(parseTable(runCli(dir, [".", "-f", "json", "--stats"]).stderr).get("punctuation-width")?.count).toBe(1);
		const r = runCli(dir, [".", "-f", "json", "--stats", "--quiet"]);
		const table = parseTable(r.stderr);
		expect(table.get("whitespace")?.count).toBe(0);
		// --quiet does not run rules set to "warn" (as ESLint 9), so the table does not list them.
		expect(table.has("punctuation-width")).toBe(false);
		expect(JSON.parse(r.stdout)[0].messages).toEqual([]);
	});

	it("counts and times findings streamed with -f jsonl, on worker threads too", () => {
		// Two JSONL files of ~1.2 MB: enough input for --concurrency to use its workers.
		const lines = (tag: string) => Array.from({ length: 1400 }, (_, i) => JSON.stringify({ id: `${tag}${i}`, text: body.slice(0, 300 + (i % 7)) })).join("\n") + "\n";
		const dir = makeProject({
			".corpuslintrc.json": JSON.stringify({ rules: { whitespace: "error", "punctuation-width": "warn" } }),
			"a.jsonl": lines("a"),
			"b.jsonl": lines("b"),
		});
		const reference = parseTable(runCli(dir, [".", "-f", "json", "-o", "report.json", "--stats"]).stderr);
		expect(reference.get("whitespace")?.count).toBeGreaterThan(1000);
		for (const args of [["-f", "jsonl"], ["-f", "jsonl", "--concurrency", "2"], ["-f", "json", "--concurrency", "2"]]) {
			const r = runCli(dir, [".", "-o", "out.txt", "--stats", ...args]);
			const table = parseTable(r.stderr);
			for (const [ruleId, row] of reference) expect(table.get(ruleId)?.count, `${args.join(" ")} ${ruleId}`).toBe(row.count);
			expect(table.get("whitespace")?.ms, args.join(" ")).toBeGreaterThan(0);
			expect(r.stderr).not.toContain("No rule time was measured");
		}
	});

	it("says that results read from --cache were not timed", () => {
		const dir = makeProject({ ".corpuslintrc.json": JSON.stringify({ rules: { whitespace: "error" } }), "a.txt": body });
		const first = runCli(dir, [".", "-f", "json", "--stats", "--cache"]);
		expect(first.stderr).not.toContain("No rule time was measured");
		const cached = runCli(dir, [".", "-f", "json", "--stats", "--cache"]);
		expect(parseTable(cached.stderr).get("whitespace")).toEqual({ count: 300, ms: 0, percent: 0 });
		expect(cached.stderr).toContain("No rule time was measured");
	});

	it("prints nothing extra without --stats", () => {
		const dir = makeProject({ ".corpuslintrc.json": JSON.stringify({ rules: { whitespace: "error" } }), "a.txt": body });
		const r = runCli(dir, [".", "-f", "json"]);
		expect(r.stderr).toBe("");
	});
});

describe("collectRuleStats", () => {
	const result = (messages: Array<string | null>, stats?: Record<string, number>): LintResult => ({
		filePath: "/x.txt",
		messages: messages.map((ruleId) => ({ ruleId, severity: 2, message: "m", line: 1, column: 1 })),
		suppressedMessages: [],
		errorCount: 0,
		fatalErrorCount: 0,
		warningCount: 0,
		fixableErrorCount: 0,
		fixableWarningCount: 0,
		...(stats ? { stats } : {}),
	});

	it("adds times reported by workers (result.stats) to the in-process record and sorts slowest first", () => {
		const stats = collectRuleStats([result(["a", "a", null], { a: 2 }), result(["b"], { a: 1, b: 6 })], ["a", "b", "c"], { a: 1 });
		expect(stats).toEqual([
			{ ruleId: "b", count: 1, timeMs: 6, percent: 60 },
			{ ruleId: "a", count: 2, timeMs: 4, percent: 40 },
			{ ruleId: "c", count: 0, timeMs: 0, percent: 0 },
		]);
	});

	it("renders an aligned Markdown table like ESLint's TIMING", () => {
		const text = formatStats([
			{ ruleId: "punctuation-width", count: 388, timeMs: 6.7, percent: 83.75 },
			{ ruleId: "ws", count: 0, timeMs: 1.3, percent: 16.25 },
		]);
		expect(text).toBe(
			[
				"Rule              | Findings | Time (ms) | Relative",
				":-----------------|---------:|----------:|--------:",
				"punctuation-width |      388 |     6.700 |    83.8%",
				"ws                |        0 |     1.300 |    16.3%",
				"",
			].join("\n"),
		);
	});
});
