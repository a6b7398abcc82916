/**
 * The command as a user runs it: spawned, in a temp directory, checking exit
 * codes, what is printed where, and what is written. Only the `whitespace`
 * rule is enabled (by the temp project's config) so findings are stable.
 */
import { existsSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { jsonResults, repoRoot, TempProject } from "../helpers/cli.js";

/** Each test spawns the command a few times; a loaded machine can take seconds per spawn. */
const CLI_TIMEOUT = 120_000;
const DIRTY = "标题  \n\n正文。\n"; // one trailing-whitespace error at 1:3
const CLEAN = "标题\n\n正文。\n";
const projects: TempProject[] = [];
function project(files: Record<string, string | Uint8Array | object> = {}, options?: { withConfig?: boolean }): TempProject {
	const p = new TempProject(files, options);
	projects.push(p);
	return p;
}
afterAll(() => {
	for (const p of projects) p.remove();
});

/** No user error may print a stack trace. */
function expectNoStack(stderr: string): void {
	expect(stderr).not.toMatch(/\n\s+at /u);
	expect(stderr).not.toMatch(/internal error/u);
}

describe.concurrent("exit codes", { timeout: CLI_TIMEOUT }, () => {
	it("0 when clean, with no output", async () => {
		const p = project({ "a.txt": CLEAN });
		const run = await p.run(["a.txt"]);
		expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
	});

	it("1 when there are errors, printed in the stylish format", async () => {
		const p = project({ "a.txt": DIRTY, "b.txt": CLEAN });
		const run = await p.run(["."]);
		expect(run.code).toBe(1);
		expect(run.stdout).toContain("a.txt\n  1:3  error  Trailing whitespace  whitespace\n");
		expect(run.stdout).toContain("✖ 1 problem (1 error, 0 warnings)");
		expect(run.stdout).not.toContain("b.txt");
		expect(run.stdout).not.toMatch(/\u001b\[/u);
	});

	it("0 for warnings only; 1 when warnings exceed --max-warnings, with a message on stderr", async () => {
		const p = project({ ".corpuslintrc.json": { rules: { whitespace: "warn" } }, "a.txt": "甲  \n乙  \n" });
		expect((await p.run(["a.txt"])).code).toBe(0);
		expect((await p.run(["a.txt", "--max-warnings", "2"])).code).toBe(0);
		const over = await p.run(["a.txt", "--max-warnings", "1"]);
		expect(over.code).toBe(1);
		expect(over.stderr).toContain("too many warnings (maximum: 1)");
	});

	it("2 for usage errors, without a stack trace", async () => {
		const p = project({ "a.txt": DIRTY });
		const cases = [["--frobnicate", "a.txt"], [], ["--fix", "--fix-dry-run", "a.txt"], ["--fix-type", "problem", "a.txt"], ["-f", "nope", "a.txt"], ["missing/*.txt"]];
		const runs = await Promise.all(cases.map((args) => p.run(args)));
		runs.forEach((run, i) => {
			expect(run.code, cases[i].join(" ")).toBe(2);
			expect(run.stderr, cases[i].join(" ")).toMatch(/^corpuslint: /u);
			expectNoStack(run.stderr);
		});
		expect(p.text("a.txt")).toBe(DIRTY);
	});

	it("--version and --help exit 0", async () => {
		const p = project();
		const pkg = JSON.parse(readFileSync(`${repoRoot}/package.json`, "utf8")) as { version: string };
		expect(await p.run(["--version"])).toEqual({ code: 0, stdout: `v${pkg.version}\n`, stderr: "" });
		const help = await p.run(["--help"]);
		expect(help.code).toBe(0);
		for (const flag of ["--fix", "--fix-dry-run", "--fix-type", "--format", "--output-file", "--max-warnings", "--quiet", "--rule", "--no-config", "--print-config", "--init", "--stdin-filename"]) {
			expect(help.stdout).toContain(flag);
		}
	});
});

describe.concurrent("configuration errors exit 2 with a clear message", { timeout: CLI_TIMEOUT }, () => {
	it("unknown key", async () => {
		const p = project({ ".corpuslintrc.json": { rules: {}, ignore: ["x"] }, "a.txt": CLEAN });
		const run = await p.run(["a.txt"]);
		expect(run.code).toBe(2);
		expect(run.stderr).toBe(`corpuslint: ${p.path(".corpuslintrc.json")}: unknown key "ignore" in (top level)\n`);
	});

	it("unknown rule, with the closest name", async () => {
		const p = project({ ".corpuslintrc.json": { rules: { whitespaces: "error" } }, "a.txt": CLEAN });
		const run = await p.run(["a.txt"]);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('unknown rule "whitespaces". Did you mean "whitespace"?');
		const flag = await project({ "a.txt": CLEAN }).run(["a.txt", "--rule", "whitespac:error"]);
		expect(flag.code).toBe(2);
		expect(flag.stderr).toContain('--rule: unknown rule "whitespac". Did you mean "whitespace"?');
	});

	it("bad JSON, with line and column", async () => {
		const p = project({ ".corpuslintrc.json": '{\n  "rules": {\n    "whitespace": "error",\n  }\n}\n', "a.txt": CLEAN });
		const run = await p.run(["a.txt"]);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(new RegExp(`^corpuslint: ${p.path(".corpuslintrc.json").replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}:4:3: invalid JSON`, "u"));
		expectNoStack(run.stderr);
	});

	it("bad rule options, in the config or on the command line, name the rule and the option", async () => {
		const p = project({ ".corpuslintrc.json": { rules: { whitespace: ["error", { trailling: false }] } }, "a.txt": CLEAN });
		const run = await p.run(["a.txt"]);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('Invalid options for rule "whitespace": options.0 has unknown property "trailling"');
		expectNoStack(run.stderr);
		const flag = await project({ "a.txt": CLEAN }).run(["a.txt", "--rule", 'whitespace:["error",{"maxBlankLines":0}]']);
		expect(flag.code).toBe(2);
		expect(flag.stderr).toMatch(/Invalid options for rule "whitespace": options\.0\.maxBlankLines must be >= 1/u);
		expectNoStack(flag.stderr);
	});
});

describe.concurrent("configuration", { timeout: CLI_TIMEOUT }, () => {
	it("is found from the working directory upward, and globs are relative to it", async () => {
		const p = project({ ".corpuslintrc.json": { rules: { whitespace: "warn" } }, "sub/deep/a.txt": DIRTY });
		const run = await p.run(["a.txt", "-f", "json"], { cwd: "sub/deep" });
		expect(run.code).toBe(0);
		expect(jsonResults(run)[0].messages.map((m) => [m.ruleId, m.severity])).toEqual([["whitespace", 1]]);
	});

	it("--config PATH replaces discovery; --no-config ignores the file", async () => {
		const p = project({ ".corpuslintrc.json": { rules: { whitespace: "off" } }, "strict.json": { rules: { whitespace: "error" } }, "a.txt": DIRTY });
		expect((await p.run(["a.txt"])).code).toBe(0);
		expect((await p.run(["a.txt", "--config", "strict.json"])).code).toBe(1);
		expect((await p.run(["a.txt", "-c", "missing.json"])).code).toBe(2);
		const noConfig = await p.run(["a.txt", "--no-config", "--rule", "whitespace:warn", "-f", "json"]);
		expect(jsonResults(noConfig)[0].messages.map((m) => [m.ruleId, m.severity])).toEqual([["whitespace", 1]]);
	});

	it("--rule wins over the config file", async () => {
		const p = project({ "a.txt": DIRTY });
		expect((await p.run(["a.txt", "--rule", "whitespace:off"])).code).toBe(0);
		expect((await p.run(["a.txt", "--rule", 'whitespace:["error",{"trailing":false}]'])).code).toBe(0);
	});

	it("extends corpuslint:recommended turns whitespace on (it is recommended)", async () => {
		const p = project({ ".corpuslintrc.json": { extends: "corpuslint:recommended" }, "a.txt": DIRTY });
		const run = await p.run(["--print-config", "a.txt"]);
		expect(run.code).toBe(0);
		const printed = JSON.parse(run.stdout) as { rules: Record<string, unknown[]> };
		expect(printed.rules.whitespace[0]).toBe("error");
		const all = project({ ".corpuslintrc.json": { extends: "corpuslint:all", rules: { whitespace: "warn" } } });
		const allRules = (JSON.parse((await all.run(["--print-config", "x.txt"])).stdout) as { rules: Record<string, unknown[]> }).rules;
		expect(allRules.whitespace[0]).toBe("warn");
		expect(Object.keys(allRules).length).toBeGreaterThanOrEqual(Object.keys(printed.rules).length);
	});

	it("overrides apply by glob", async () => {
		const p = project({
			".corpuslintrc.json": { rules: { whitespace: "error" }, overrides: [{ files: ["wire/**"], rules: { whitespace: "off" } }] },
			"wire/a.txt": DIRTY,
			"own/a.txt": DIRTY,
		});
		const run = await p.run([".", "-f", "json"]);
		const byFile = Object.fromEntries(jsonResults(run).map((r) => [r.filePath.slice(p.dir.length + 1), r.errorCount]));
		expect(byFile).toEqual({ "own/a.txt": 1, "wire/a.txt": 0 });
		const printed = JSON.parse((await p.run(["--print-config", "wire/a.txt"])).stdout) as { rules: Record<string, unknown[]> };
		expect(printed.rules.whitespace[0]).toBe("off");
	});

	it("ignores: skipped when a directory is expanded, a warning when the file is named", async () => {
		const p = project({ ".corpuslintrc.json": { rules: { whitespace: "error" }, ignores: ["drafts/**"] }, "drafts/a.txt": DIRTY, "b.txt": CLEAN });
		const dir = await p.run([".", "-f", "json"]);
		expect(dir.code).toBe(0);
		expect(jsonResults(dir).map((r) => r.filePath)).toEqual([p.path("b.txt")]);
		const named = await p.run(["drafts/a.txt", "-f", "json"]);
		expect(named.code).toBe(0);
		const [result] = jsonResults(named);
		expect(result.messages).toEqual([expect.objectContaining({ ruleId: null, severity: 1, message: expect.stringContaining("ignore pattern") })]);
		expect((JSON.parse((await p.run(["--print-config", "drafts/a.txt"])).stdout) as { ignored: boolean }).ignored).toBe(true);
	});

	it("does not lint node_modules when a directory is expanded", async () => {
		const p = project({ "node_modules/pkg/LICENSE.txt": DIRTY, "a.txt": CLEAN }, { withConfig: false });
		const run = await p.run([".", "--no-config", "--rule", "whitespace:error", "-f", "json"]);
		expect(run.code).toBe(0);
		expect(jsonResults(run).map((r) => r.filePath)).toEqual([p.path("a.txt")]);
	});

	it("--print-config shows the file, jsonl fields and the rules for a path", async () => {
		const p = project({ ".corpuslintrc.json": { rules: { whitespace: ["warn", { maxBlankLines: 5 }] }, jsonl: { textField: "body" } } });
		const run = await p.run(["--print-config", "x.jsonl", "--id-field", "uid"]);
		expect(run.code).toBe(0);
		const printed = JSON.parse(run.stdout);
		expect(printed).toMatchObject({ configFile: p.path(".corpuslintrc.json"), ignored: false, jsonl: { textField: "body", idField: "uid" } });
		expect(printed.rules.whitespace).toEqual(["warn", { maxBlankLines: 5 }]);
	});

	it("--init writes a starter config that loads, and refuses to overwrite one", async () => {
		const p = project({}, { withConfig: false });
		const run = await p.run(["--init"]);
		expect(run.code).toBe(0);
		const written = JSON.parse(p.text(".corpuslintrc.json"));
		expect(written.extends).toBe("corpuslint:recommended");
		expect(written.$schema).toMatch(/corpuslintrc\.schema\.json$/u);
		expect((await p.run(["--print-config", "a.txt"])).code).toBe(0);
		const before = p.text(".corpuslintrc.json");
		const again = await p.run(["--init"]);
		expect(again.code).toBe(2);
		expect(again.stderr).toContain("already exists");
		expect(p.text(".corpuslintrc.json")).toBe(before);
	});

	it("the repository's own config validates against the shipped schema", async () => {
		const run = await project({}, { withConfig: false }).run(["--print-config", `${repoRoot}/seeds/x.txt`, "-c", `${repoRoot}/.corpuslintrc.json`]);
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout).rules.whitespace[0]).toBe("error");
	});
});

describe.concurrent("output", { timeout: CLI_TIMEOUT }, () => {
	it("--format json has ESLint's result shape", async () => {
		const p = project({ "a.txt": DIRTY });
		const run = await p.run(["a.txt", "-f", "json"]);
		expect(run.code).toBe(1);
		const results = jsonResults(run);
		expect(results).toHaveLength(1);
		expect(results[0]).toMatchObject({
			filePath: p.path("a.txt"),
			suppressedMessages: [],
			errorCount: 1,
			fatalErrorCount: 0,
			warningCount: 0,
			fixableErrorCount: 1,
			fixableWarningCount: 0,
		});
		expect(results[0].messages).toEqual([
			{ ruleId: "whitespace", severity: 2, message: "Trailing whitespace.", messageId: "trailing", line: 1, column: 3, endLine: 1, endColumn: 5, fix: { range: [2, 4], text: "" } },
		]);
	});

	it("--format compact prints one line per finding", async () => {
		const run = await project({ "a.txt": DIRTY }).run(["a.txt", "-f", "compact"]);
		expect(run.stdout).toMatch(/a\.txt: line 1, col 3, Error - Trailing whitespace\. \(whitespace\)\n/u);
	});

	it("lints a file reached by two patterns once", async () => {
		const p = project({ "a.txt": DIRTY });
		const run = await p.run(["a.txt", ".", "*.txt", "-f", "json"]);
		expect(jsonResults(run).map((r) => r.filePath)).toEqual([p.path("a.txt")]);
	});

	it("--quiet reports errors only, and warnings no longer count against --max-warnings output", async () => {
		const p = project({ ".corpuslintrc.json": { rules: { whitespace: "warn" } }, "a.txt": DIRTY });
		const run = await p.run(["a.txt", "--quiet", "-f", "json"]);
		expect(run.code).toBe(0);
		expect(jsonResults(run)[0].messages).toEqual([]);
		const stylish = await p.run(["a.txt", "--quiet"]);
		expect(stylish.stdout).toBe("");
	});

	it("--quiet --fix applies fixes of error rules only: rules set to warn do not run", async () => {
		const p = project({
			".corpuslintrc.json": { rules: { whitespace: "error", "punctuation-width": "warn" } },
			"a.txt": "今天开会,明天休息。  \n",
		});
		const run = await p.run(["a.txt", "--quiet", "--fix"]);
		expect(run.code).toBe(0);
		expect(p.text("a.txt")).toBe("今天开会,明天休息。\n");
		await p.run(["a.txt", "--fix"]);
		expect(p.text("a.txt")).toBe("今天开会，明天休息。\n");
	});

	it("-o writes the report to a file (creating directories) and prints nothing", async () => {
		const p = project({ "a.txt": DIRTY });
		const run = await p.run(["a.txt", "-f", "json", "-o", "reports/out.json"]);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe("");
		expect(JSON.parse(p.text("reports/out.json"))[0].errorCount).toBe(1);
	});
});

describe.concurrent("fixing", { timeout: CLI_TIMEOUT }, () => {
	it("--fix writes fixed files, exits 0 when nothing remains, and fixing twice equals fixing once", async () => {
		const p = project({ "a.txt": "标题  \n\n正文。\t\n\n\n\n\n\n结尾\n", "b.txt": CLEAN });
		const run = await p.run(["--fix", "."]);
		expect(run.code).toBe(0);
		const once = p.text("a.txt");
		// Five blank lines cut to the default maximum of three.
		expect(once).toBe("标题\n\n正文。\n\n\n\n结尾\n");
		expect(p.text("b.txt")).toBe(CLEAN);
		const again = await p.run(["--fix", "."]);
		expect(again.code).toBe(0);
		expect(p.text("a.txt")).toBe(once);
	});

	it("--fix-type leaves fixes of other rule types alone (whitespace is a layout rule)", async () => {
		const p = project({ "a.txt": DIRTY });
		const run = await p.run(["--fix", "--fix-type", "problem,suggestion", "a.txt"]);
		expect(run.code).toBe(1);
		expect(p.text("a.txt")).toBe(DIRTY);
		expect((await p.run(["--fix", "--fix-type", "layout", "a.txt"])).code).toBe(0);
		expect(p.text("a.txt")).toBe(CLEAN);
	});

	it("--fix-dry-run puts the fixed text in the json output and writes nothing", async () => {
		const p = project({ "a.txt": DIRTY });
		const run = await p.run(["--fix-dry-run", "-f", "json", "a.txt"]);
		expect(run.code).toBe(0);
		const [result] = jsonResults(run);
		expect(result.output).toBe(CLEAN);
		expect(result.messages).toEqual([]);
		expect(p.text("a.txt")).toBe(DIRTY);
	});

	it("a named file that does not exist is a usage error (exit 2), as in ESLint", async () => {
		const p = project({ "a.txt": DIRTY });
		const run = await p.run(["a.txt", "nope.txt", "-f", "json"]);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/nope\.txt/u);
		expect(existsSync(p.path("nope.txt"))).toBe(false);
	});
});
