/**
 * `--concurrency` runs the command again in a child node with
 * `--single-threaded-gc`. The user must not see the difference: same report,
 * same exit code, standard input reaches the child, signals reach it too, and
 * no child is left behind.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { inputReaches, shouldRespawn } from "../../src/cli/respawn.js";
import { AUTO_MIN_BYTES_PER_WORKER, MIN_POOL_BYTES } from "../../src/runner/pool-limits.js";
import { BIN, ROOT } from "../helpers/run-cli.js";

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * A directory of news text just over `bytes` (seed articles repeated, in
 * files of ~256 KB in a subdirectory), and a dot-directory and a .md file
 * that do not count.
 */
function corpusOf(bytes: number): string {
	const dir = mkdtempSync(join(tmpdir(), "corpuslint-respawn-corpus-"));
	temps.push(dir);
	const seedText = readdirSync(seeds)
		.filter((f) => f.endsWith(".txt"))
		.map((f) => readFileSync(join(seeds, f), "utf8"))
		.join("\n\n");
	const article = seedText.repeat(Math.ceil((256 << 10) / Buffer.byteLength(seedText)));
	mkdirSync(join(dir, "sub"));
	mkdirSync(join(dir, ".git"));
	writeFileSync(join(dir, ".git", "big.txt"), "x".repeat(bytes));
	writeFileSync(join(dir, "notes.md"), "x".repeat(bytes));
	for (let n = 0, total = 0; total <= bytes; n++) {
		writeFileSync(join(dir, "sub", `a${n}.txt`), article);
		total += Buffer.byteLength(article);
	}
	return dir;
}

const seeds = join(ROOT, "seeds");

describe("which command lines start a child", () => {
	// a.txt does not exist: a path of unknown size starts the child, as a glob does.
	it.each([
		[["--concurrency", "2", "a.txt"], true],
		[["--concurrency=auto", "a.txt"], true],
		[["--concurrency", "2", "data/*.jsonl"], true],
		[["--concurrency", "auto", "--concurrency", "1", "a.txt"], false],
		[["--concurrency", "1", "a.txt"], false],
		[["a.txt"], false],
		[["--concurrency", "0"], false],
		[["--concurrency", "two"], false],
		[["--concurrency"], false],
		[["--no-such-option", "--concurrency", "2", "a.txt"], false],
		[["--", "--concurrency", "2"], false],
		[["-o", "--concurrency", "a.txt"], false],
		[["merge", "--concurrency", "2", "a.json"], false],
		[["--fix", "--concurrency", "2", "a.txt"], false],
		[["--fix-dry-run", "--concurrency", "2", "a.txt"], true],
		[["--stdin", "--concurrency", "2"], true],
	])("%j → %s", (args, expected) => {
		expect(shouldRespawn(args, [], {})).toBe(expected);
	});

	it("never twice, not under a debugger, and not when the user opts out", () => {
		expect(shouldRespawn(["--concurrency", "2", "a.txt"], ["--single-threaded-gc"], {})).toBe(false);
		expect(shouldRespawn(["--concurrency", "2", "a.txt"], [], { CORPUSLINT_NO_RESPAWN: "1" })).toBe(false);
		expect(shouldRespawn(["--concurrency", "2", "a.txt"], ["--inspect-brk"], {})).toBe(false);
	});

	it("not when the named input is too small for workers to pay (they would not start)", () => {
		// The seeds: a few hundred KB, below both thresholds.
		expect(shouldRespawn(["--concurrency", "2", seeds], [], {})).toBe(false);
		expect(shouldRespawn(["--concurrency", "auto", "seeds"], [], {}, ROOT)).toBe(false);
		const dir = corpusOf(MIN_POOL_BYTES);
		expect(shouldRespawn(["--concurrency", "2", dir], [], {})).toBe(true);
		expect(shouldRespawn(["--concurrency", "2", "sub"], [], {}, dir)).toBe(true);
		// auto asks for AUTO_MIN_BYTES_PER_WORKER per core.
		expect(shouldRespawn(["--concurrency", "auto", dir], [], {})).toBe(false);
	});

	it("sums named files and the .txt/.jsonl files under named directories, skipping dot-directories", () => {
		const dir = corpusOf(MIN_POOL_BYTES);
		const sub = readdirSync(join(dir, "sub")).length;
		const article = readFileSync(join(dir, "sub", "a0.txt")).length;
		expect(inputReaches([dir], "/", sub * article)).toBe(true);
		expect(inputReaches([dir], "/", sub * article + 1)).toBe(false);
		expect(inputReaches(["sub/a0.txt", "sub/a1.txt"], dir, 2 * article)).toBe(true);
		expect(inputReaches(["sub/a0.txt", "sub/a1.txt"], dir, 2 * article + 1)).toBe(false);
		// The .md file and .git/big.txt would each pass the threshold alone.
		expect(inputReaches([join(dir, ".git")], "/", AUTO_MIN_BYTES_PER_WORKER)).toBe(false);
		expect(inputReaches([dir, "no-such-file.txt"], dir, Number.MAX_SAFE_INTEGER)).toBe(true);
	});
});

const env = (extra: NodeJS.ProcessEnv = {}) => {
	const base = { ...process.env };
	delete base.CORPUSLINT_NO_RESPAWN;
	return { ...base, ...extra };
};

describe("the command through the child", () => {
	it("prints the same report and exits with the same code as one thread", () => {
		const dir = corpusOf(MIN_POOL_BYTES);
		expect(shouldRespawn(["--concurrency", "2", dir], [], {})).toBe(true);
		const options = { encoding: "utf8", env: env(), maxBuffer: 1 << 28 } as const;
		// Two rules: the repeated articles would make duplicate-paragraph's report hundreds of MB.
		const args = ["--no-config", "--rule", "ocr-garbling:error", "--rule", "whitespace:error", "-f", "json", dir];
		const one = spawnSync(process.execPath, [BIN, ...args], options);
		const two = spawnSync(process.execPath, [BIN, ...args, "--concurrency", "2"], options);
		expect(one.status).toBe(1);
		expect(two.status).toBe(one.status);
		expect(two.stdout).toBe(one.stdout);
		expect(two.stderr).toBe(one.stderr);
	});

	it("passes standard input to the child", () => {
		const input = "台作共赢。\n";
		const args = ["--no-config", "--rule", "ocr-garbling:error", "-f", "compact", "--stdin", "--stdin-filename", "a.txt"];
		const one = spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", env: env() });
		const two = spawnSync(process.execPath, [BIN, ...args, "--concurrency", "2"], { input, encoding: "utf8", env: env() });
		expect(one.stdout).toMatch(/a\.txt: line 1/u);
		expect(two.stdout).toBe(one.stdout);
		expect(two.status).toBe(one.status);
	});

	it("passes on the child's usage error and exit code 2, printed once", () => {
		const dir = corpusOf(MIN_POOL_BYTES);
		expect(shouldRespawn(["--concurrency", "2", "--format", "nope", dir], [], {})).toBe(true);
		const r = spawnSync(process.execPath, [BIN, "--concurrency", "2", "--format", "nope", dir], { encoding: "utf8", env: env() });
		expect(r.status).toBe(2);
		expect(r.stderr.match(/nope/gu)).toHaveLength(1);
		// Every format the command takes is named, the streaming one too.
		expect(r.stderr).toMatch(/available: stylish, json, compact, sarif, github, junit, html, jsonl\)/u);
		expect(r.stdout).toBe("");
	});

	it("reports a bad --concurrency value itself, with exit code 2", () => {
		const r = spawnSync(process.execPath, [BIN, "--concurrency", "0", seeds], { encoding: "utf8", env: env() });
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/--concurrency/u);
	});
});

/** The pids of a process's children (Linux). */
function childrenOf(pid: number): number[] {
	const file = `/proc/${pid}/task/${pid}/children`;
	if (!existsSync(file)) return [];
	return readFileSync(file, "utf8").split(" ").filter(Boolean).map(Number);
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return !readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].startsWith("Z");
	} catch {
		return false;
	}
}

async function until<T>(probe: () => T | undefined, ms = 10_000): Promise<T> {
	const end = Date.now() + ms;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > end) throw new Error("timed out");
		await new Promise((r) => setTimeout(r, 20));
	}
}

const exited = (p: ChildProcess) => new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => p.once("exit", (code, signal) => r({ code, signal })));

describe.runIf(process.platform === "linux")("the child process (Linux /proc)", () => {
	it("runs under --single-threaded-gc and dies with its parent's SIGTERM", async () => {
		// --stdin on a FIFO that this test holds open keeps the command waiting, so its process tree
		// can be looked at; the child cannot end by reading end-of-file once its parent is gone.
		const fifo = join(mkdtempSync(join(tmpdir(), "corpuslint-respawn-")), "stdin");
		spawnSync("mkfifo", [fifo]);
		const input = openSync(fifo, "r+");
		onTestFinished(() => closeSync(input));
		const parent = spawn(process.execPath, [BIN, "--no-config", "--stdin", "--concurrency", "2"], { stdio: [input, "ignore", "ignore"], env: env() });
		const done = exited(parent);
		const child = await until(() => childrenOf(parent.pid!)[0]);
		// Between fork and exec the child still shows its parent's command line and environment: wait
		// for the exec, which brings the environment the child is started with.
		await until(() => (readFileSync(`/proc/${child}/environ`, "utf8").split("\0").includes("CORPUSLINT_NO_RESPAWN=1") ? true : undefined));
		const cmdline = readFileSync(`/proc/${child}/cmdline`, "utf8").split("\0");
		expect(cmdline).toContain(BIN);
		expect(cmdline).toContain("--single-threaded-gc");
		parent.kill("SIGTERM");
		expect(await done).toEqual({ code: null, signal: "SIGTERM" });
		await until(() => (alive(child) ? undefined : true));
	});

	it("starts no child without --concurrency or with CORPUSLINT_NO_RESPAWN", async () => {
		for (const [args, extra] of [[[], {}], [["--concurrency", "2"], { CORPUSLINT_NO_RESPAWN: "1" }]] as const) {
			const p = spawn(process.execPath, [BIN, "--no-config", "--stdin", "--stdin-filename", "a.txt", ...args], { stdio: ["pipe", "pipe", "ignore"], env: env(extra) });
			const done = exited(p);
			let out = "";
			p.stdout!.on("data", (d) => (out += d));
			// Give a child time to appear, if there were to be one.
			await new Promise((r) => setTimeout(r, 300));
			expect(childrenOf(p.pid!)).toEqual([]);
			p.stdin!.end("台作共赢。\n");
			expect((await done).code).toBe(1);
			expect(out).toMatch(/台作/u);
		}
	});
});
