/**
 * `--shard i/n` + `corpuslint merge`: n shards merged equal one full run,
 * for small files (partitioned by path hash) and a JSONL file big enough to
 * be cut into byte ranges.
 */
import { statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LintResult } from "../../src/engine/types.js";
import { alignToLineStart } from "../../src/runner/jsonl-range.js";
import { parseShard, pathHash, SHARD_SPLIT_BYTES } from "../../src/runner/shard.js";
import { runCli, type TempProject } from "../helpers/cli.js";
import { corpusProject, readJson } from "./corpus-project.js";

let project: TempProject;
let tree: string;
let jsonl: string;

beforeAll(async () => {
	({ project, tree, jsonl } = await corpusProject({ files: 50, jsonlMb: 17, seed: 11 }));
}, 60_000);
afterAll(() => project?.remove());

const run = (args: string[]) => runCli(args, { cwd: project.dir });

describe("--shard and merge", () => {
	it("splits the big JSONL by byte range", () => {
		expect(statSync(project.path(jsonl)).size).toBeGreaterThanOrEqual(SHARD_SPLIT_BYTES);
	});

	it.each([2, 3])("%i shards merged equal one full run (json and sarif)", async (n) => {
		const full = await run(["-f", "json", "-o", "full.json", tree, jsonl]);
		expect(full.stderr).toBe("");
		const shardFiles: string[] = [];
		const perShard: LintResult[][] = [];
		for (let i = 1; i <= n; i++) {
			const out = `shard-${n}-${i}.json`;
			const r = await run(["--shard", `${i}/${n}`, "-f", "json", "-o", out, tree, jsonl]);
			expect(r.stderr).toBe("");
			shardFiles.push(out);
			perShard.push(readJson(project, out) as LintResult[]);
		}
		// Every text file is in exactly one shard; the JSONL is in all of them, each with part of its documents.
		const textCounts = perShard.map((rs) => rs.filter((r) => r.filePath.endsWith(".txt")).length);
		expect(textCounts.reduce((a, b) => a + b, 0)).toBe(50);
		expect(textCounts.every((c) => c > 0 && c < 50)).toBe(true);
		const docCounts = perShard.map((rs) => rs.find((r) => r.filePath.endsWith(".jsonl"))!.documentCount!);
		expect(docCounts.every((c) => c > 0)).toBe(true);

		const merged = await run(["merge", ...shardFiles]);
		expect(merged.code).toBe(full.code);
		expect(JSON.parse(merged.stdout)).toEqual(readJson(project, "full.json"));

		const fullSarif = await run(["-f", "sarif", tree, jsonl]);
		const mergedSarif = await run(["merge", "-f", "sarif", ...shardFiles]);
		expect(JSON.parse(mergedSarif.stdout)).toEqual(JSON.parse(fullSarif.stdout));

		// SARIF reports of the shards merge too.
		const sarifShards: string[] = [];
		for (let i = 1; i <= n; i++) {
			await run(["--shard", `${i}/${n}`, "-f", "sarif", "-o", `shard-${n}-${i}.sarif`, tree, jsonl]);
			sarifShards.push(`shard-${n}-${i}.sarif`);
		}
		const fromSarif = await run(["merge", "-f", "sarif", ...sarifShards]);
		expect(fromSarif.stderr).toBe("");
		expect(JSON.parse(fromSarif.stdout)).toEqual(JSON.parse(fullSarif.stdout));
	}, 240_000);

	it("keeps a JSONL file with recorded suppressions whole, so shards merged equal one full run with suppressions", async () => {
		// Recorded: every whitespace error of the big JSONL. Split by byte range, each shard would take the whole count.
		await run(["-f", "json", "--suppress-rule", "whitespace", "--suppressions-location", "sup.json", jsonl]);
		const recorded = readJson(project, "sup.json") as Record<string, Record<string, { count: number }>>;
		expect(Object.keys(recorded)).toEqual([jsonl]);
		const full = await run(["-f", "json", "-o", "full-sup.json", "--suppressions-location", "sup.json", tree, jsonl]);
		const parts: string[] = [];
		const withJsonl: number[] = [];
		for (let i = 1; i <= 2; i++) {
			const out = `shard-sup-${i}.json`;
			await run(["--shard", `${i}/2`, "-f", "json", "-o", out, "--suppressions-location", "sup.json", tree, jsonl]);
			parts.push(out);
			if ((readJson(project, out) as LintResult[]).some((r) => r.filePath.endsWith(".jsonl"))) withJsonl.push(i);
		}
		expect(withJsonl).toHaveLength(1);
		const merged = await run(["merge", ...parts]);
		expect(merged.code).toBe(full.code);
		expect(JSON.parse(merged.stdout)).toEqual(readJson(project, "full-sup.json"));
	}, 240_000);

	it("aligns byte ranges to line starts and numbers their lines", () => {
		const path = project.path(jsonl);
		const size = statSync(path).size;
		const a = alignToLineStart(path, Math.floor(size / 2), size);
		expect(a.offset).toBeGreaterThanOrEqual(Math.floor(size / 2));
		const { readFileSync } = require("node:fs") as typeof import("node:fs");
		const bytes = readFileSync(path);
		expect(bytes[a.offset - 1]).toBe(0x0a);
		expect(bytes.subarray(0, a.offset).toString("utf8").split("\n").length).toBe(a.line);
		expect(alignToLineStart(path, 0, size)).toEqual({ offset: 0, line: 1 });
	});

	it("parses i/n and rejects nonsense", async () => {
		expect(parseShard("2/5")).toEqual({ index: 2, count: 5 });
		for (const bad of ["0/2", "3/2", "1/0", "a/b", "1"]) expect(() => parseShard(bad)).toThrow(/--shard/u);
		const r = await run(["--shard", "3/2", tree]);
		expect(r.code).toBe(2);
		expect(pathHash("a/b.txt")).toBe(pathHash("a/b.txt"));
		expect(pathHash("a/b.txt")).not.toBe(pathHash("a/c.txt"));
	});
});
