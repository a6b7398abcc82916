/**
 * `--concurrency` runs the command again in a child node with
 * `--single-threaded-gc`. The user must not see the difference: same report,
 * same exit code, standard input reaches the child, signals reach it too, and
 * no child is left behind.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { concurrencyArgument, shouldRespawn } from "../../src/cli/respawn.js";
import { BIN, ROOT } from "../helpers/run-cli.js";

describe("which command lines start a child", () => {
	it.each([
		[["--concurrency", "2", "a.txt"], true],
		[["--concurrency=auto", "a.txt"], true],
		[["--concurrency", "auto", "--concurrency", "1", "a.txt"], false],
		[["--concurrency", "1", "a.txt"], false],
		[["a.txt"], false],
		[["--concurrency", "0"], false],
		[["--concurrency", "two"], false],
		[["--concurrency"], false],
		[["--", "--concurrency", "2"], false],
		[["merge", "--concurrency", "2", "a.json"], false],
		[["--fix", "--concurrency", "2", "a.txt"], false],
		[["--fix-dry-run", "--concurrency", "2", "a.txt"], true],
	])("%j → %s", (args, expected) => {
		expect(shouldRespawn(args, [], {})).toBe(expected);
	});

	it("never twice, not under a debugger, and not when the user opts out", () => {
		expect(shouldRespawn(["--concurrency", "2"], ["--single-threaded-gc"], {})).toBe(false);
		expect(shouldRespawn(["--concurrency", "2"], [], { CORPUSLINT_NO_RESPAWN: "1" })).toBe(false);
		expect(shouldRespawn(["--concurrency", "2"], ["--inspect-brk"], {})).toBe(false);
	});

	it("reads the value the option parser reads (the last one)", () => {
		expect(concurrencyArgument(["--concurrency", "3", "--concurrency=4"])).toBe("4");
	});
});

const seeds = join(ROOT, "seeds");
const env = (extra: NodeJS.ProcessEnv = {}) => {
	const base = { ...process.env };
	delete base.CORPUSLINT_NO_RESPAWN;
	return { ...base, ...extra };
};

describe("the command through the child", () => {
	it("prints the same report and exits with the same code as one thread", () => {
		const one = spawnSync(process.execPath, [BIN, "--no-config", "-f", "json", seeds], { encoding: "utf8", env: env() });
		const two = spawnSync(process.execPath, [BIN, "--no-config", "-f", "json", "--concurrency", "2", seeds], { encoding: "utf8", env: env() });
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
		const r = spawnSync(process.execPath, [BIN, "--concurrency", "2", "--format", "nope", seeds], { encoding: "utf8", env: env() });
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
		const cmdline = await until(() => {
			const argv = readFileSync(`/proc/${child}/cmdline`, "utf8").split("\0");
			return argv.includes(BIN) ? argv : undefined;
		});
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
