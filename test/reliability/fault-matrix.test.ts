/**
 * The fault matrix of issue 9, through the built CLI: each bad input is one
 * line in the report that names the file (and the JSONL line), the rest of
 * the run goes on, and the exit code is the documented one
 * (docs/guarantees.md): 1 when any file has an error, input faults included;
 * 2 only for usage and configuration errors and for crashed rules.
 * Encoding cases already covered by test/cli/encodings.test.ts (GB18030,
 * UTF-16, BOM, invalid UTF-8 alone, binary alone, empty) are not repeated;
 * here they appear together with the other faults in one run.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, closeSync, createReadStream, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { loadConfig } from "../../src/config/load-config.js";
import { lintFiles } from "../../src/runner/lint-files.js";
import { lintJsonl, lintTextFile } from "../../src/runner/lint-file.js";
import { repoRoot, TempProject, type CliRun } from "../helpers/cli.js";

const BIN = join(repoRoot, "bin", "corpuslint.js");
const WS = ["--no-config", "--rule", "whitespace:error", "-f", "compact"];
const NOBODY = 65534;

const projects: TempProject[] = [];
function project(files: Record<string, string | Uint8Array | object>): TempProject {
	const p = new TempProject(files, { withConfig: false });
	projects.push(p);
	return p;
}
afterEach(() => {
	for (const p of projects.splice(0)) {
		spawnSync("chattr", ["-R", "-i", p.dir], { stdio: "ignore" });
		p.remove();
	}
});

/** Runs the CLI, optionally under a wrapper command (setpriv, /usr/bin/time). */
function run(args: string[], cwd: string, wrapper: string[] = []): Promise<CliRun & { stderrRaw: string }> {
	const cmd = [...wrapper, process.execPath, BIN, ...args];
	return new Promise((resolve, reject) => {
		const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
		delete env.FORCE_COLOR;
		delete env.DEBUG;
		const child = spawn(cmd[0], cmd.slice(1), { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on("data", (d: Buffer) => out.push(d));
		child.stderr.on("data", (d: Buffer) => err.push(d));
		child.on("error", reject);
		child.on("close", (code) => {
			const stderr = Buffer.concat(err).toString("utf8");
			resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr, stderrRaw: stderr });
		});
	});
}

/** Lines of compact output that mention `file`. */
const linesAbout = (stdout: string, file: string): string[] => stdout.split("\n").filter((l) => l.includes(`/${file}:`));

const canDropPrivileges =
	process.getuid?.() === 0 && spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, "-e", ""]).status === 0;
const AS_NOBODY = ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups"];
const PRIVILEGE_REASON = "needs root and setpriv to run the CLI as an unprivileged user (as root, chmod 000 is still readable)";

function canChattr(dir: string): boolean {
	if (process.getuid?.() !== 0) return false;
	const probe = join(dir, ".chattr-probe");
	try {
		closeSync(openSync(probe, "w"));
		const ok = spawnSync("chattr", ["+i", probe]).status === 0;
		spawnSync("chattr", ["-i", probe]);
		return ok;
	} finally {
		rmSync(probe, { force: true });
	}
}

describe("fault matrix: every bad input in one run", () => {
	const INVALID_UTF8 = Buffer.concat([Buffer.from("第一行\n", "utf8"), Buffer.from([0x41, 0xff, 0x0a])]);
	const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
	const CORPUS = [
		'{"id": 1, "text": "标题  "}',
		'{"id": 2, "text": "没有结尾',
		'{"id": 3, "body": "text field missing"}',
		'{"id": 4, "text": 42}',
		'{"id": 5, "text": null}',
		'["not", "an", "object"]',
		'{"id": 7, "text": "正文。\\t"}',
	];

	it("one line per fault naming the file (and JSONL line); good files and lines are still linted and fixed; exit 1", async () => {
		const p = project({
			"bad-utf8.txt": INVALID_UTF8,
			"binary.txt": BINARY,
			"empty.txt": "",
			"no-newline.txt": "标题  ",
			"good.txt": "正文  \n",
			"corpus.jsonl": `${CORPUS.join("\n")}\n`,
		});
		const lint = await run([".", ...WS], p.dir);
		expect(lint.code).toBe(1);
		expect(lint.stderr).toBe("");
		expect(linesAbout(lint.stdout, "bad-utf8.txt")).toEqual([expect.stringMatching(/bad-utf8\.txt: line 2, col 1, Error - invalid UTF-8 \(byte 0xff at offset 11\)$/u)]);
		expect(linesAbout(lint.stdout, "binary.txt")).toEqual([expect.stringMatching(/binary\.txt: line \d+, col 1, Error - binary file \(NUL byte at offset 8\); not linted$/u)]);
		expect(linesAbout(lint.stdout, "empty.txt")).toEqual([]);
		expect(linesAbout(lint.stdout, "no-newline.txt")).toEqual([expect.stringMatching(/no-newline\.txt: line 1, col 3, Error - Trailing whitespace/u)]);
		expect(linesAbout(lint.stdout, "good.txt")).toHaveLength(1);
		const corpus = linesAbout(lint.stdout, "corpus.jsonl");
		expect(corpus).toEqual([
			expect.stringMatching(/: line 1, col 1, Error - Trailing whitespace/u),
			expect.stringMatching(/: line 2, col 1, Error - malformed JSON/u),
			expect.stringMatching(/: line 3, col 1, Error - text field "text" is missing$/u),
			expect.stringMatching(/: line 4, col 1, Error - text field "text" is not a string \(number\)$/u),
			expect.stringMatching(/: line 5, col 1, Error - text field "text" is not a string \(null\)$/u),
			expect.stringMatching(/: line 6, col 1, Error - JSONL line is not a JSON object$/u),
			expect.stringMatching(/: line 7, col 1, Error - Tab character|: line 7, col \d+, Error - .*(whitespace)/u),
		]);
		// Every finding is a single line: no stack traces, no multi-line messages.
		for (const l of lint.stdout.split("\n")) if (l && !/^\d+ problems?$/u.test(l)) expect(l).toMatch(/^\/.+: line \d+, col \d+, (Error|Warning) - /u);

		const fix = await run([".", "--fix", ...WS], p.dir);
		expect(fix.code).toBe(1);
		expect(p.read("bad-utf8.txt").equals(INVALID_UTF8)).toBe(true);
		expect(p.read("binary.txt").equals(BINARY)).toBe(true);
		expect(p.text("empty.txt")).toBe("");
		// No newline is added where there was none.
		expect(p.text("no-newline.txt")).toBe("标题");
		expect(p.text("good.txt")).toBe("正文\n");
		const fixed = p.text("corpus.jsonl").split("\n");
		expect(fixed[0]).toBe('{"id": 1, "text": "标题"}');
		expect(fixed.slice(1, 6)).toEqual(CORPUS.slice(1, 6));
		expect(fixed[6]).toBe('{"id": 7, "text": "正文。"}');
		expect(fixed[7]).toBe("");
		expect(readdirSync(p.dir).filter((f) => f.includes(".tmp-corpuslint-"))).toEqual([]);
	}, 60_000);
});

describe("fault matrix: a 200 MB single line", () => {
	const SIZE = 200 * 1024 * 1024;
	const hasGnuTime = existsSync("/usr/bin/time") && spawnSync("/usr/bin/time", ["-v", "true"]).status === 0;

	function sha256(path: string, start: number, length: number): Promise<string> {
		return new Promise((resolve, reject) => {
			const hash = createHash("sha256");
			createReadStream(path, { start, end: start + length - 1 })
				.on("data", (d) => hash.update(d))
				.on("end", () => resolve(hash.digest("hex")))
				.on("error", reject);
		});
	}

	/** Writes a file of one line in 1 MB chunks, so the test itself stays small. */
	function writeHugeLine(path: string, head: string, tail: string): void {
		const chunk = Buffer.from("新华社北京电，".repeat(Math.floor((1 << 20) / 21)));
		const fd = openSync(path, "w");
		try {
			writeSync(fd, head);
			let written = 0;
			while (written < SIZE) written += writeSync(fd, chunk);
			writeSync(fd, tail);
		} finally {
			closeSync(fd);
		}
	}

	it.skipIf(!hasGnuTime)(
		".txt and .jsonl: reported as too large without being read into memory (max RSS bounded), other inputs still linted; --fix copies the line back intact",
		async () => {
			const p = project({ "good.txt": "正文  \n" });
			writeHugeLine(p.path("huge.txt"), "", "\n");
			writeHugeLine(p.path("huge.jsonl"), '{"id": 1, "text": "', '"}\n{"id": 2, "text": "标题  "}\n');
			const jsonlSize = statSync(p.path("huge.jsonl")).size;
			const firstLineBytes = jsonlSize - Buffer.byteLength('\n{"id": 2, "text": "标题  "}\n');
			const firstLineHash = await sha256(p.path("huge.jsonl"), 0, firstLineBytes);
			const started = Date.now();
			const r = await run([".", "--no-config", "--rule", "whitespace:error", "-f", "compact"], p.dir, ["/usr/bin/time", "-v"]);
			const seconds = (Date.now() - started) / 1000;
			// With workers the main thread finds where the long line ends and a worker reads it from the file: never gathered.
			const pooled = await run([".", "--no-config", "--rule", "whitespace:error", "-f", "compact", "--concurrency", "2"], p.dir, ["/usr/bin/time", "-v"]);
			const pooledRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/u.exec(pooled.stderrRaw)?.[1]);

			// --fix fixes line 2 and copies the 200 MB line 1 back byte for byte, still without holding it.
			const fix = await run([".", "--fix", "--no-config", "--rule", "whitespace:error", "-f", "compact"], p.dir, ["/usr/bin/time", "-v"]);
			const fixRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/u.exec(fix.stderrRaw)?.[1]);
			const fixedSize = statSync(p.path("huge.jsonl")).size;
			const fixedHash = await sha256(p.path("huge.jsonl"), 0, firstLineBytes);
			const tail = readFileSync(p.path("huge.jsonl")).subarray(firstLineBytes).toString("utf8");
			rmSync(p.path("huge.txt"));
			rmSync(p.path("huge.jsonl"));
			expect(fix.code).toBe(1);
			expect(fixedSize).toBe(jsonlSize - 2);
			expect(fixedHash).toBe(firstLineHash);
			expect(tail).toBe('\n{"id": 2, "text": "标题"}\n');
			expect(fixRssKb).toBeGreaterThan(0);
			expect(fixRssKb).toBeLessThan(250 * 1024);
			expect(r.code).toBe(1);
			expect(linesAbout(r.stdout, "huge.txt")).toEqual([expect.stringMatching(/huge\.txt: line 1, col 1, Error - document too large \(\d+ bytes, limit 67108864\); not linted$/u)]);
			expect(linesAbout(r.stdout, "huge.jsonl")).toEqual([
				expect.stringMatching(/huge\.jsonl: line 1, col 1, Error - line too long \(\d+ bytes, limit 67108864\); not linted$/u),
				expect.stringMatching(/huge\.jsonl: line 2, col 1, Error - Trailing whitespace/u),
			]);
			expect(linesAbout(r.stdout, "good.txt")).toHaveLength(1);
			expect(pooled.code).toBe(1);
			expect(pooled.stdout).toBe(r.stdout);
			expect(pooledRssKb).toBeGreaterThan(0);
			expect(pooledRssKb).toBeLessThan(400 * 1024);
			const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/u.exec(r.stderrRaw)?.[1]);
			// Node itself takes ~60-100 MB; the 200 MB line must not be held (a 1 MB read buffer is).
			expect(rssKb).toBeGreaterThan(0);
			expect(rssKb).toBeLessThan(250 * 1024);
			expect(seconds).toBeLessThan(60);
			console.log(`200 MB line: lint ${seconds.toFixed(1)} s, max RSS ${Math.round(rssKb / 1024)} MB; --concurrency 2 max RSS ${Math.round(pooledRssKb / 1024)} MB; --fix max RSS ${Math.round(fixRssKb / 1024)} MB (file ${jsonlSize} bytes)`);
		},
		120_000,
	);

	it("a 2 MB single line under the limit is linted in full by the recommended rules in bounded time", async () => {
		// Damaged news text, one line: every rule's per-line work runs on it at once.
		const unit = "据新华社电  记者王明报道,今年１季度GDP增长5.3%……“经济 发展”（完）\u200b图为会议现场。";
		const p = project({ "long.txt": `${unit.repeat(Math.ceil((2 << 20) / Buffer.byteLength(unit)))}\n` });
		const started = Date.now();
		const r = await run(["long.txt", "--no-config", "-f", "json"], p.dir);
		const seconds = (Date.now() - started) / 1000;
		expect(r.code, r.stderr).toBe(1);
		const [result] = JSON.parse(r.stdout) as Array<{ messages: Array<{ fatal?: boolean; message: string }> }>;
		expect(result.messages.filter((m) => m.fatal)).toEqual([]);
		expect(result.messages.length).toBeGreaterThan(0);
		expect(seconds).toBeLessThan(90);
	}, 120_000);
});

describe("fault matrix: permissions", () => {
	it.skipIf(!canDropPrivileges)(`an unreadable .txt and .jsonl: one line each, the others are linted (${PRIVILEGE_REASON})`, async () => {
		const p = project({ "secret.txt": "正文  \n", "secret.jsonl": '{"id": 1, "text": "正文  "}\n', "open.txt": "标题  \n" });
		chmodSync(p.dir, 0o755);
		chmodSync(p.path("secret.txt"), 0o000);
		chmodSync(p.path("secret.jsonl"), 0o000);
		const r = await run([".", ...WS], p.dir, AS_NOBODY);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe("");
		expect(linesAbout(r.stdout, "secret.txt")).toEqual([expect.stringMatching(/secret\.txt: line 1, col 1, Error - cannot read file: permission denied$/u)]);
		expect(linesAbout(r.stdout, "secret.jsonl")).toEqual([expect.stringMatching(/secret\.jsonl: line 1, col 1, Error - cannot read file: permission denied$/u)]);
		expect(linesAbout(r.stdout, "open.txt")).toEqual([expect.stringMatching(/open\.txt: line 1, col 3, Error - Trailing whitespace/u)]);
	}, 60_000);

	it.skipIf(!canDropPrivileges)(`--fix on a read-only file (mode 0444, own file, writable folder) refuses to write it; the others are fixed (${PRIVILEGE_REASON})`, async () => {
		const p = project({ "ro.txt": "正文  \n", "ro.jsonl": '{"id": 1, "text": "正文  "}\n', "rw.txt": "标题  \n" });
		chmodSync(p.dir, 0o777);
		for (const f of ["ro.txt", "ro.jsonl", "rw.txt"]) chownSync(p.path(f), NOBODY, NOBODY);
		chmodSync(p.path("ro.txt"), 0o444);
		chmodSync(p.path("ro.jsonl"), 0o444);
		const r = await run([".", "--fix", ...WS], p.dir, AS_NOBODY);
		expect(r.code).toBe(1);
		expect(linesAbout(r.stdout, "ro.txt")).toContainEqual(expect.stringMatching(/ro\.txt: line 1, col 1, Error - cannot write fixes: permission denied$/u));
		expect(linesAbout(r.stdout, "ro.jsonl")).toContainEqual(expect.stringMatching(/ro\.jsonl: line 1, col 1, Error - cannot write fixes: permission denied$/u));
		// Not fixed, so the problem is still reported.
		expect(linesAbout(r.stdout, "ro.jsonl").some((l) => /\(whitespace\)/u.test(l))).toBe(true);
		expect(p.text("ro.txt")).toBe("正文  \n");
		expect(p.text("ro.jsonl")).toBe('{"id": 1, "text": "正文  "}\n');
		expect(statSync(p.path("ro.txt")).mode & 0o777).toBe(0o444);
		expect(p.text("rw.txt")).toBe("标题\n");
		expect(readdirSync(p.dir).filter((f) => f.includes(".tmp-corpuslint-"))).toEqual([]);
	}, 60_000);

	it("--fix on an immutable file (chattr +i, which even root cannot replace) reports it and fixes the others", async (ctx) => {
		const p = project({ "frozen.txt": "正文  \n", "frozen.jsonl": '{"id": 1, "text": "正文  "}\n', "rw.txt": "标题  \n" });
		if (!canChattr(p.dir)) ctx.skip("chattr +i needs root and a filesystem with the immutable flag");
		spawnSync("chattr", ["+i", p.path("frozen.txt"), p.path("frozen.jsonl")]);
		const r = await run([".", "--fix", ...WS], p.dir);
		expect(r.code).toBe(1);
		expect(linesAbout(r.stdout, "frozen.txt")).toContainEqual(expect.stringMatching(/frozen\.txt: line 1, col 1, Error - cannot write fixes: permission denied$/u));
		expect(linesAbout(r.stdout, "frozen.jsonl")).toContainEqual(expect.stringMatching(/frozen\.jsonl: line 1, col 1, Error - cannot write fixes: permission denied$/u));
		expect(linesAbout(r.stdout, "frozen.jsonl").some((l) => /\(whitespace\)/u.test(l))).toBe(true);
		expect(p.text("frozen.txt")).toBe("正文  \n");
		expect(p.text("frozen.jsonl")).toBe('{"id": 1, "text": "正文  "}\n');
		expect(p.text("rw.txt")).toBe("标题\n");
		expect(readdirSync(p.dir).filter((f) => f.includes(".tmp-corpuslint-"))).toEqual([]);
	}, 60_000);

	it.skipIf(process.getuid?.() !== 0)("--fix as root keeps a user's file owned by that user, with its mode (0600 stays private)", async () => {
		const p = project({ "mine.txt": "正文  \n", "mine.jsonl": '{"id": 1, "text": "正文  "}\n' });
		for (const f of ["mine.txt", "mine.jsonl"]) {
			chownSync(p.path(f), NOBODY, NOBODY);
			chmodSync(p.path(f), 0o600);
		}
		const r = await run([".", "--fix", ...WS], p.dir);
		expect(r.code).toBe(0);
		expect(p.text("mine.txt")).toBe("正文\n");
		expect(p.text("mine.jsonl")).toBe('{"id": 1, "text": "正文"}\n');
		for (const f of ["mine.txt", "mine.jsonl"]) {
			const st = statSync(p.path(f));
			expect([st.uid, st.gid, st.mode & 0o777], f).toEqual([NOBODY, NOBODY, 0o600]);
		}
	}, 60_000);
});

describe("fault matrix: the file system moves under the run", () => {
	it("a directory symlink loop does not hang the run; real files are linted once", async () => {
		const p = project({ "a/b/doc.txt": "正文  \n", "top.txt": "标题  \n" });
		symlinkSync("..", p.path("a/b/up"));
		symlinkSync(p.path("a"), p.path("a/b/again"));
		symlinkSync("self", p.path("self"));
		const r = await run([".", ...WS], p.dir);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe("");
		expect(linesAbout(r.stdout, "doc.txt")).toHaveLength(1);
		expect(linesAbout(r.stdout, "top.txt")).toHaveLength(1);
	}, 60_000);

	it("a FIFO and a link to /dev/zero named .txt are never opened (a read would hang or never end)", async (ctx) => {
		const p = project({ "a.txt": "正文  \n" });
		if (spawnSync("mkfifo", [p.path("pipe.txt")]).status !== 0) ctx.skip("mkfifo is not available");
		symlinkSync("/dev/zero", p.path("zero.txt"));
		const dir = await run([".", ...WS], p.dir);
		expect(dir.code).toBe(1);
		expect(dir.stdout.split("\n").filter((l) => l.includes(": line "))).toEqual([expect.stringMatching(/\/a\.txt: line 1, col 3, Error - Trailing whitespace/u)]);
		for (const name of ["pipe.txt", "zero.txt"]) {
			const explicit = await run([name, ...WS], p.dir);
			expect(explicit.code, name).toBe(2);
			expect(explicit.stderr).toBe(`corpuslint: No files matching the pattern "${name}" were found.\n`);
		}
	}, 60_000);

	it("a file that disappears between discovery and reading is one finding; the others are linted", async () => {
		const p = project({ "gone.txt": "正文  \n", "gone.jsonl": '{"id": 1, "text": "x"}\n', "stays.txt": "标题  \n" });
		const config = loadConfig({ cwd: p.dir, noConfig: true, cliRules: { whitespace: "error" }, registry: builtinRules });
		const results = await lintFiles(["."], {
			config,
			registry: builtinRules,
			cwd: p.dir,
			// Called with the discovered list, before the first file is read.
			onStart: (paths) => {
				expect(paths.map((x) => x.slice(p.dir.length + 1))).toEqual(["gone.jsonl", "gone.txt", "stays.txt"]);
				rmSync(p.path("gone.txt"));
				rmSync(p.path("gone.jsonl"));
			},
		});
		const byName = Object.fromEntries(results.map((r) => [r.filePath.slice(p.dir.length + 1), r.messages.map((m) => `${m.line}:${m.message}`)]));
		expect(byName).toEqual({
			"gone.txt": ["1:cannot read file: file disappeared before it could be read"],
			"gone.jsonl": ["1:cannot read file: file disappeared before it could be read"],
			"stays.txt": ["1:Trailing whitespace."],
		});
		// The same when fixing: nothing is created in the file's place.
		const fixOptions = { config, registry: builtinRules, fix: true, write: true };
		expect(lintTextFile(p.path("gone.txt"), fixOptions).fatalErrorCount).toBe(1);
		expect((await lintJsonl(p.path("gone.jsonl"), fixOptions)).fatalErrorCount).toBe(1);
		expect(readdirSync(p.dir).sort()).toEqual(["stays.txt"]);
	});
});

describe("fault matrix: configuration", () => {
	it("a config file with a syntax error: one line on stderr naming the file and position, nothing linted, exit 2", async () => {
		const p = project({ ".corpuslintrc.json": '{"rules": {"whitespace": "error",}}', "doc.txt": "正文  \n" });
		const r = await run(["."], p.dir);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe("");
		expect(r.stderr).toMatch(/^corpuslint: \/.+\/\.corpuslintrc\.json:1:\d+: invalid JSON: [^\n]+\n$/u);
		// And --fix does not touch anything.
		expect((await run([".", "--fix"], p.dir)).code).toBe(2);
		expect(p.text("doc.txt")).toBe("正文  \n");
	}, 60_000);
});
