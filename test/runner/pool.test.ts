/**
 * `--concurrency`: the worker pool must give exactly the single-threaded
 * output (results, order, streamed documents, fixes) on a generated tree and
 * on a JSONL file big enough to be cut into several batches.
 */
import { cpSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTO_MIN_BYTES_PER_WORKER } from "../../src/runner/pool-limits.js";
import { JSONL_BATCH_BYTES, poolPays } from "../../src/runner/pool.js";
import type { LintResult } from "../../src/engine/types.js";
import { runCli, TempProject } from "../helpers/cli.js";
import { corpusProject } from "./corpus-project.js";

let project: TempProject;
let tree: string;
let jsonl: string;

beforeAll(async () => {
	({ project, tree, jsonl } = await corpusProject({ files: 240, jsonlMb: 10 }));
}, 60_000);
afterAll(() => project?.remove());

const run = (args: string[]) => runCli(args, { cwd: project.dir });

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => join(d.parentPath, d.name))
		.sort();
}

describe("worker pool", () => {
	it("is really used for these inputs (enough bytes, several pieces of work)", () => {
		const items = filesUnder(project.path(tree)).map((path) => ({ path }));
		expect(poolPays(items, 2)).toBe(true);
		expect(statSync(project.path(jsonl)).size).toBeGreaterThan(2 * JSONL_BATCH_BYTES);
		expect(poolPays([{ path: project.path(jsonl) }], 2)).toBe(true);
		expect(poolPays(items, 1)).toBe(false);
	});

	it("--concurrency auto leaves inputs too small to pay for the workers' start-up in this thread", async () => {
		const items = filesUnder(project.path(tree)).map((path) => ({ path }));
		expect(poolPays(items, 2, AUTO_MIN_BYTES_PER_WORKER * 2)).toBe(false);
		const one = await run(["--concurrency", "1", "-f", "json", tree]);
		const auto = await run(["--concurrency", "auto", "-f", "json", tree]);
		expect(auto.stderr).toBe("");
		expect(auto.stdout).toBe(one.stdout);
	});

	it("gives the single-threaded json report on a tree of files", async () => {
		const one = await run(["--concurrency", "1", "-f", "json", tree]);
		const two = await run(["--concurrency", "2", "-f", "json", tree]);
		expect(two.stderr).toBe("");
		expect(two.code).toBe(one.code);
		const results = JSON.parse(one.stdout) as LintResult[];
		expect(results).toHaveLength(240);
		expect(results.some((r) => r.messages.length > 0)).toBe(true);
		expect(two.stdout).toBe(one.stdout);
	}, 120_000);

	it("gives the single-threaded json report on a JSONL file split into batches", async () => {
		const one = await run(["-f", "json", jsonl]);
		const three = await run(["--concurrency", "3", "-f", "json", jsonl]);
		expect(three.stderr).toBe("");
		const [result] = JSON.parse(one.stdout) as LintResult[];
		// The broken line and the inserted document after the first batches keep their line numbers.
		const broken = result.messages.find((m) => m.fatal);
		expect(broken?.message).toMatch(/malformed JSON/u);
		const lines = readFileSync(project.path(jsonl), "utf8").split("\n");
		expect(lines[broken!.line - 1]).toContain('"broken"');
		expect(result.messages.some((m) => m.docId === 5 && m.ruleId === "whitespace" && lines[m.line - 1].includes('"id": 5'))).toBe(true);
		expect(three.stdout).toBe(one.stdout);
	}, 120_000);

	it("streams the same --format jsonl lines, in input order, with fixes", async () => {
		const one = await run(["-f", "jsonl", "--fix-dry-run", jsonl, tree]);
		const two = await run(["--concurrency", "2", "-f", "jsonl", "--fix-dry-run", jsonl, tree]);
		expect(two.stderr).toBe("");
		const records = one.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { file: string; line: number; fixed?: string });
		const docs = readFileSync(project.path(jsonl), "utf8").split("\n").filter((l) => l.trim()).length;
		expect(records.length).toBe(docs + 240);
		expect(records.some((r) => r.fixed !== undefined)).toBe(true);
		const jsonlLines = records.filter((r) => r.file.endsWith(".jsonl")).map((r) => r.line);
		expect(jsonlLines).toEqual([...jsonlLines].sort((a, b) => a - b));
		expect(two.stdout).toBe(one.stdout);
	}, 120_000);

	it("streams the same --format jsonl lines with --quiet and with --stats (workers render lines, or send messages to count)", async () => {
		const quietOne = await run(["-f", "jsonl", "--quiet", jsonl, tree]);
		const quietTwo = await run(["--concurrency", "2", "-f", "jsonl", "--quiet", jsonl, tree]);
		expect(quietOne.stdout).toContain('"severity":2');
		expect(quietOne.stdout).not.toContain('"severity":1');
		expect(quietTwo.stdout).toBe(quietOne.stdout);
		const statsOne = await run(["-f", "jsonl", "--stats", "-o", "one.jsonl", jsonl]);
		const statsTwo = await run(["--concurrency", "2", "-f", "jsonl", "--stats", "-o", "two.jsonl", jsonl]);
		expect(statsTwo.code).toBe(statsOne.code);
		expect(project.text("two.jsonl")).toBe(project.text("one.jsonl"));
		// Per-rule counts are the same (times differ): the pool path with --stats still sees every message.
		const counts = (out: string) =>
			out
				.split("\n")
				.map((l) => l.split("|").map((c) => c.trim()))
				.filter((c) => c.length === 4 && /^\d+$/u.test(c[1]))
				.map((c) => `${c[0]} ${c[1]}`)
				.sort();
		expect(counts(statsOne.stderr).some((c) => !c.endsWith(" 0"))).toBe(true);
		expect(counts(statsTwo.stderr)).toEqual(counts(statsOne.stderr));
	}, 120_000);

	it("applies recorded suppressions to streamed lines from workers as in one thread", async () => {
		const before = (await run(["-f", "jsonl", jsonl])).stdout;
		await run(["-f", "json", "--suppress-rule", "whitespace", "--suppressions-location", "s.json", jsonl]);
		const one = await run(["-f", "jsonl", "--suppressions-location", "s.json", jsonl]);
		const two = await run(["--concurrency", "2", "-f", "jsonl", "--suppressions-location", "s.json", jsonl]);
		expect(before).toContain('"ruleId":"whitespace"');
		expect(one.stdout).not.toContain('"ruleId":"whitespace"');
		expect(one.stdout.length).toBeLessThan(before.length);
		expect(two.code).toBe(one.code);
		expect(two.stdout).toBe(one.stdout);
	}, 120_000);

	it("--fix writes the same files from workers as in one thread", async () => {
		cpSync(project.path(tree), project.path("fix-one"), { recursive: true });
		cpSync(project.path(tree), project.path("fix-two"), { recursive: true });
		await run(["--fix", "fix-one"]);
		await run(["--fix", "--concurrency", "2", "fix-two"]);
		const one = filesUnder(project.path("fix-one"));
		const two = filesUnder(project.path("fix-two"));
		expect(two.map((p) => p.replace("fix-two", "fix-one"))).toEqual(one);
		let changed = 0;
		one.forEach((p, i) => {
			const a = readFileSync(p);
			expect(readFileSync(two[i]).equals(a)).toBe(true);
			if (!a.equals(readFileSync(p.replace("fix-one", tree)))) changed++;
		});
		expect(changed).toBeGreaterThan(0);
	}, 120_000);

	it("cuts batches at line ends when a line is longer than a batch and the last line has no newline", async () => {
		// 5 MB in one document: the reader must keep reading past a batch without a line end.
		const long = "文".repeat(Math.ceil((5 << 20) / 3)) + " end ";
		const lines = [
			JSON.stringify({ id: 1, text: "first line " }),
			JSON.stringify({ id: 2, text: long }),
			JSON.stringify({ id: 3, text: "third line " }),
			...Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: 4 + i, text: `filler ${i} ` })),
		];
		const file = new TempProject({ "long.jsonl": lines.join("\n") });
		try {
			expect(statSync(file.path("long.jsonl")).size).toBeGreaterThan(JSONL_BATCH_BYTES);
			const one = await file.run(["-f", "json", "long.jsonl"]);
			const two = await file.run(["--concurrency", "2", "-f", "json", "long.jsonl"]);
			const [result] = JSON.parse(one.stdout) as LintResult[];
			expect(result.messages.map((m) => m.line)).toEqual([1, 2, 3, ...Array.from({ length: 200 }, (_, i) => 4 + i)]);
			expect(two.stderr).toBe("");
			expect(two.stdout).toBe(one.stdout);
		} finally {
			file.remove();
		}
	}, 120_000);

	it("skips a line longer than the document limit as one thread does, without gathering it", async () => {
		// 5 MB in line 2, over a 1 MB limit: the main thread finds the line's end and a worker reads it from the file.
		const lines = [
			JSON.stringify({ id: 1, text: "first line " }),
			JSON.stringify({ id: 2, text: "文".repeat(Math.ceil((5 << 20) / 3)) }),
			...Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: 3 + i, text: `filler ${i} ` })),
		];
		const file = new TempProject({
			".corpuslintrc.json": { maxDocumentSize: 1 << 20, rules: { whitespace: "error" } },
			"long.jsonl": `${lines.join("\n")}\n`,
		});
		try {
			for (const format of ["json", "jsonl"]) {
				const one = await file.run(["-f", format, "long.jsonl"]);
				const two = await file.run(["--concurrency", "2", "-f", format, "long.jsonl"]);
				expect(one.stdout).toMatch(/line too long \(\d+ bytes, limit 1048576\)/u);
				expect(two.stderr).toBe("");
				expect(two.stdout).toBe(one.stdout);
			}
			const [result] = JSON.parse((await file.run(["--concurrency", "2", "-f", "json", "long.jsonl"])).stdout) as LintResult[];
			expect(result.messages.map((m) => m.line)).toEqual([1, 2, ...Array.from({ length: 300 }, (_, i) => 3 + i)]);
		} finally {
			file.remove();
		}
	}, 120_000);

	it("treats a byte-order mark at the start of a batch as one thread does (only the file's first line has one)", async () => {
		// Line 1 is longer than a batch, so line 2 starts the next batch; a worker once numbered it 1 and took its BOM for the file's.
		const lines = [
			JSON.stringify({ id: 1, text: "文".repeat(Math.ceil((5 << 20) / 3)) }),
			`\ufeff${JSON.stringify({ id: 2, text: "second " })}`,
			...Array.from({ length: 100 }, (_, i) => JSON.stringify({ id: 3 + i, text: `filler ${i} ` })),
		];
		const file = new TempProject({ "bom.jsonl": `${lines.join("\n")}\n` });
		try {
			const one = await file.run(["-f", "json", "bom.jsonl"]);
			const two = await file.run(["--concurrency", "2", "-f", "json", "bom.jsonl"]);
			const [result] = JSON.parse(one.stdout) as LintResult[];
			expect(result.messages.find((m) => m.line === 2)?.fatal).toBe(true);
			expect(two.stdout).toBe(one.stdout);
		} finally {
			file.remove();
		}
	}, 120_000);

	it("rejects a bad --concurrency value", async () => {
		const bad = await run(["--concurrency", "0", tree]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--concurrency/u);
	});
});
