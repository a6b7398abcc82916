/**
 * A directory on the command line is expanded by our own walk, not fast-glob; it must
 * list exactly what the glob `dir/**\/*.{txt,jsonl}` with the options the CLI used
 * before lists (fast-glob is the oracle here), in the same order, and discovery
 * must still dedupe a file reached through two patterns.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fg from "fast-glob";
import { afterAll, describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { loadConfig } from "../../src/config/load-config.js";
import { discoverFiles } from "../../src/runner/discover.js";
import { walkDirectory } from "../../src/runner/walk-directory.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(): string {
	const dir = mkdtempSync(join(tmpdir(), "corpuslint-walk-"));
	dirs.push(dir);
	const files = [
		"a.txt",
		"b.jsonl",
		"c.md",
		"UPPER.TXT",
		"x.txt.bak",
		"x.jsonl.txt",
		".hidden.txt",
		".dotdir/in-dot.txt",
		"sub/deep/er/d.txt",
		"sub/e.jsonl",
		"sub/.hidden/f.txt",
		"空格 目录/中文.txt",
		"glob[chars]/*star?.txt",
		"empty-dir-sibling/g.txt",
	];
	for (const f of files) {
		mkdirSync(dirname(join(dir, f)), { recursive: true });
		writeFileSync(join(dir, f), "正文\n");
	}
	mkdirSync(join(dir, "empty"));
	symlinkSync(join(dir, "a.txt"), join(dir, "link-to-file.txt"));
	symlinkSync(join(dir, "sub"), join(dir, "link-to-dir"));
	symlinkSync(join(dir, "nowhere.txt"), join(dir, "dangling.txt"));
	symlinkSync("..", join(dir, "sub", "loop"));
	return dir;
}

const flat = (dir: string) =>
	walkDirectory(dir, [".txt", ".jsonl"])
		.flatMap((d) => d.files)
		.sort();

describe("walkDirectory", () => {
	it("lists what fast-glob's dir/**/*.{txt,jsonl} lists (no dot names, no symlinks, case-sensitive)", async () => {
		const dir = tree();
		const oracle = await fg(`${fg.convertPathToPattern(dir)}/**/*.{txt,jsonl}`, {
			absolute: true,
			onlyFiles: true,
			dot: false,
			followSymbolicLinks: false,
			suppressErrors: true,
			unique: true,
		});
		expect(flat(dir)).toEqual(oracle.sort());
		expect(flat(dir).map((p) => p.slice(dir.length + 1))).toEqual([
			"a.txt",
			"b.jsonl",
			"empty-dir-sibling/g.txt",
			"glob[chars]/*star?.txt",
			"sub/deep/er/d.txt",
			"sub/e.jsonl",
			"x.jsonl.txt",
			"空格 目录/中文.txt",
		]);
	});

	it("names each file's directory, and a trailing separator does not double it", () => {
		const dir = tree();
		const groups = walkDirectory(`${dir}/`, [".txt"]);
		for (const g of groups) for (const f of g.files) expect(dirname(f)).toBe(g.dir.replace(/\/$/u, ""));
		expect(groups.flatMap((g) => g.files).every((f) => !f.includes("//"))).toBe(true);
	});

	it("a missing directory is empty, not an error", () => {
		expect(walkDirectory(join(tmpdir(), "corpuslint-no-such-dir-xyz"), [".txt"])).toEqual([]);
	});
});

describe("discoverFiles", () => {
	const config = (cwd: string) => loadConfig({ cwd, noConfig: true, cliRules: { whitespace: "error" }, registry: builtinRules });

	it("a directory gives its files sorted; a file reached again by name or through a linked directory is listed once", async () => {
		const dir = tree();
		const found = await discoverFiles([".", "a.txt", "link-to-dir/e.jsonl", "sub"], dir, config(dir));
		expect(found.map((f) => [f.path.slice(dir.length + 1), f.explicit])).toEqual([
			["a.txt", false],
			["b.jsonl", false],
			["empty-dir-sibling/g.txt", false],
			["glob[chars]/*star?.txt", false],
			["sub/deep/er/d.txt", false],
			["sub/e.jsonl", false],
			["x.jsonl.txt", false],
			["空格 目录/中文.txt", false],
		]);
	});

	it("a directory with no input files is a usage error naming it", async () => {
		const dir = tree();
		await expect(discoverFiles(["empty"], dir, config(dir))).rejects.toThrow('No .txt or .jsonl files found in "empty"');
	});
});
