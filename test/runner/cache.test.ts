import { existsSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LintResult } from "../../src/engine/types.js";
import { makeProject, runCli } from "../helpers/run-cli.js";

const CONFIG = ".corpuslintrc.json";
const TRAILING = "记者今天在北京报道。  \n会议如期举行。\n";

interface CacheData {
	corpuslint: string;
	files: Record<string, { hash: string; messages: Array<{ message: string }> }>;
}

function project(files: Record<string, string> = {}) {
	return makeProject({ [CONFIG]: JSON.stringify({ rules: { whitespace: "error" } }), "a.txt": TRAILING, "b.txt": "没有问题。\n", ...files });
}

const readCache = (path: string) => JSON.parse(readFileSync(path, "utf8")) as CacheData;
const lintJson = (dir: string, args: string[] = []) => {
	const r = runCli(dir, [".", "-f", "json", ...args]);
	return { ...r, results: JSON.parse(r.stdout) as LintResult[] };
};

/** Replaces the cached message text for a file: if the next run shows it, the run used the cache. */
function plantMarker(cachePath: string, file: string): void {
	const data = readCache(cachePath);
	for (const m of data.files[file].messages) m.message = "FROM CACHE";
	writeFileSync(cachePath, JSON.stringify(data));
}

const messagesOf = (results: LintResult[], name: string) => results.find((r) => r.filePath.endsWith(name))!.messages.map((m) => m.message);

describe("--cache", () => {
	it("reports the same findings from the cache as from linting, and reuses unchanged files", () => {
		const dir = project();
		const first = lintJson(dir, ["--cache"]);
		expect(first.code).toBe(1);
		const cachePath = join(dir, ".corpuslintcache");
		expect(existsSync(cachePath)).toBe(true);
		const second = lintJson(dir, ["--cache"]);
		expect(second.results).toEqual(first.results);
		expect(second.code).toBe(1);

		plantMarker(cachePath, join(dir, "a.txt"));
		expect(messagesOf(lintJson(dir, ["--cache"]).results, "a.txt")).toEqual(["FROM CACHE"]);
		// Without --cache nothing is read from it.
		expect(messagesOf(lintJson(dir).results, "a.txt")).toEqual(["Trailing whitespace."]);
	});

	it("trusts a touched file whose bytes are the same, and re-lints a changed one", () => {
		const dir = project();
		const cachePath = join(dir, ".corpuslintcache");
		lintJson(dir, ["--cache"]);
		plantMarker(cachePath, join(dir, "a.txt"));
		const later = new Date(Date.now() + 60_000);
		utimesSync(join(dir, "a.txt"), later, later);
		expect(messagesOf(lintJson(dir, ["--cache"]).results, "a.txt")).toEqual(["FROM CACHE"]);

		// Same size, different bytes: the new mtime sends it to the content hash, which differs.
		writeFileSync(join(dir, "a.txt"), TRAILING.replace("北京", "上海"));
		expect(messagesOf(lintJson(dir, ["--cache"]).results, "a.txt")).toEqual(["Trailing whitespace."]);
	});

	it("is invalidated by a configuration change", () => {
		const dir = project();
		const cachePath = join(dir, ".corpuslintcache");
		lintJson(dir, ["--cache"]);
		plantMarker(cachePath, join(dir, "a.txt"));
		writeFileSync(join(dir, CONFIG), JSON.stringify({ rules: { whitespace: "warn" } }));
		const r = lintJson(dir, ["--cache"]);
		expect(r.results[0].messages).toMatchObject([{ message: "Trailing whitespace.", severity: 1 }]);
		expect(r.code).toBe(0);
		// --rule on the command line is part of the configuration too.
		plantMarker(cachePath, join(dir, "a.txt"));
		expect(lintJson(dir, ["--cache", "--rule", "whitespace:error"]).results[0].messages).toMatchObject([{ message: "Trailing whitespace.", severity: 2 }]);
	});

	it("discards a cache written by another corpuslint version, and survives a corrupt one", () => {
		const dir = project();
		const cachePath = join(dir, ".corpuslintcache");
		lintJson(dir, ["--cache"]);
		plantMarker(cachePath, join(dir, "a.txt"));
		const data = readCache(cachePath);
		data.corpuslint = "0.0.0-old";
		writeFileSync(cachePath, JSON.stringify(data));
		expect(messagesOf(lintJson(dir, ["--cache"]).results, "a.txt")).toEqual(["Trailing whitespace."]);
		expect(readCache(cachePath).corpuslint).not.toBe("0.0.0-old");

		writeFileSync(cachePath, "{ not json");
		const r = lintJson(dir, ["--cache"]);
		expect(r.stderr).toBe("");
		expect(messagesOf(r.results, "a.txt")).toEqual(["Trailing whitespace."]);
		expect(() => readCache(cachePath)).not.toThrow();
	});

	it("never caches what --fix changed, and re-lints cached fixable findings so --fix can fix them", () => {
		const dir = project();
		const cachePath = join(dir, ".corpuslintcache");
		lintJson(dir, ["--cache"]);
		const fixed = runCli(dir, [".", "--cache", "--fix", "-f", "json"]);
		expect(fixed.code).toBe(0);
		expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("记者今天在北京报道。\n会议如期举行。\n");
		// The entry for the rewritten file is gone (its findings described the old bytes) …
		expect(readCache(cachePath).files[join(dir, "a.txt")]).toBeUndefined();
		// … and the next run lints the fixed file, then caches it.
		expect(messagesOf(lintJson(dir, ["--cache"]).results, "a.txt")).toEqual([]);
		expect(readCache(cachePath).files[join(dir, "a.txt")].messages).toEqual([]);
	});

	it("does not cache --fix-dry-run results, which describe the fixed text", () => {
		const dir = project();
		const cachePath = join(dir, ".corpuslintcache");
		const dry = runCli(dir, [".", "--cache", "--fix-dry-run", "-f", "json"]);
		expect((JSON.parse(dry.stdout) as LintResult[])[0].messages).toEqual([]);
		expect(readCache(cachePath).files[join(dir, "a.txt")]).toBeUndefined();
		expect(messagesOf(lintJson(dir, ["--cache"]).results, "a.txt")).toEqual(["Trailing whitespace."]);
	});

	it("caches JSONL corpora with their document ids and counts", () => {
		const lines = [
			{ id: "d1", text: "记者今天报道。  " },
			{ id: "d2", text: "没有问题。" },
		];
		const dir = project({ "c.jsonl": `${lines.map((l) => JSON.stringify(l)).join("\n")}\n` });
		const first = lintJson(dir, ["--cache"]);
		const second = lintJson(dir, ["--cache"]);
		const c = second.results.find((r) => r.filePath.endsWith("c.jsonl"))!;
		expect(c.documentCount).toBe(2);
		expect(c.messages).toMatchObject([{ docId: "d1", line: 1, message: "Trailing whitespace." }]);
		expect(second.results).toEqual(first.results);
	});

	it("is not used by --format jsonl, whose findings are streamed and not kept", () => {
		const dir = project();
		const r = runCli(dir, [".", "-f", "jsonl", "--cache"]);
		expect(r.stdout).toContain("Trailing whitespace.");
		expect(existsSync(join(dir, ".corpuslintcache"))).toBe(false);
	});

	it("honours --cache-location as a file or a directory", () => {
		const dir = project({ "cachedir/.keep": "" });
		lintJson(dir, ["--cache", "--cache-location", "custom.cache"]);
		expect(existsSync(join(dir, "custom.cache"))).toBe(true);
		lintJson(dir, ["--cache", "--cache-location", "cachedir"]);
		expect(existsSync(join(dir, "cachedir", ".corpuslintcache"))).toBe(true);
		lintJson(dir, ["--cache", "--cache-location", "newdir/"]);
		expect(existsSync(join(dir, "newdir", ".corpuslintcache"))).toBe(true);
		expect(existsSync(join(dir, ".corpuslintcache"))).toBe(false);
	});
});
