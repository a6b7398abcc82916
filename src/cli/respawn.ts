/**
 * `--concurrency`: the command starts itself again under `node --single-threaded-gc`.
 *
 * By default every V8 isolate helps its collector along with background threads
 * (parallel scavenges, concurrent marking). Two busy workers on two cores then
 * fight their own helpers for the CPU: on 524 MB of JSONL, two workers took
 * 13.3 s against 17.2 s in one thread (1.29×); with each thread collecting its
 * own garbage, 11.7 s (1.47×). The flag is process-wide and cannot be set once
 * V8 runs (`v8.setFlagsFromString` of GC flags at run time makes V8 abort in
 * concurrent marking), hence a child process. Single-threaded runs stay in this
 * process: there the helpers run on an idle core.
 *
 * Only GC flags: the child decides later whether workers pay, and may lint in its
 * own thread. `--no-concurrent-recompilation` saved 2 % on two workers (524 MB,
 * 10.45–10.50 s against 10.60–10.78 s) but compiled on the linting thread when
 * no workers ran: the 28 MB tree with `--concurrency auto` took 2.45 s, not 1.65.
 */
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { minPoolBytes, parseConcurrency } from "../runner/pool-limits.js";
import { INPUT_FILE_EXTENSIONS, walkDirectory } from "../runner/walk-directory.js";
import { CLI_OPTIONS } from "./option-spec.js";

export const RESPAWN_FLAG = "--single-threaded-gc";
/** Set in the child so it never starts a grandchild, and by users to opt out. */
export const NO_RESPAWN_ENV = "CORPUSLINT_NO_RESPAWN";

/**
 * Whether this command line runs workers and is not already running under the
 * flag. Never with `--fix`: a parent killed with SIGKILL cannot take its child
 * along, and the child notices only when its event loop next turns (up to the
 * ~0.3 s of loading the rules), so files must only ever be rewritten by the
 * process the user started. Reports and caches are written once, at the end.
 *
 * Nor when the input is too small for workers to pay (see pool-limits.ts): the
 * child would lint in one thread anyway, ~0.1 s later. The named files and the
 * .txt/.jsonl files under named directories are summed until they reach the
 * threshold; ignore patterns, a cache and --shard can only make the real input
 * smaller, so this never keeps a pool from starting. A glob, a missing path or
 * --stdin is of unknown size: the child starts.
 */
export function shouldRespawn(args: readonly string[], execArgv: readonly string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): boolean {
	if (env[NO_RESPAWN_ENV] || execArgv.includes(RESPAWN_FLAG)) return false;
	// Under a debugger the work must stay in the process being debugged.
	if (execArgv.some((arg) => arg.startsWith("--inspect"))) return false;
	if (args[0] === "merge") return false;
	let parsed;
	try {
		parsed = parseArgs({ args: [...args], options: CLI_OPTIONS, allowPositionals: true, strict: true });
	} catch {
		// A usage error: reported best by this process, which then runs nothing.
		return false;
	}
	const { values, positionals } = parsed;
	if (values.fix) return false;
	let concurrency: number;
	try {
		concurrency = parseConcurrency(values.concurrency);
	} catch {
		return false;
	}
	if (concurrency < 2) return false;
	if (values.stdin) return true;
	return inputReaches(positionals, cwd, minPoolBytes(concurrency, values.concurrency === "auto"));
}

/** Whether the inputs named on the command line hold at least `bytes` (or may: a glob or a missing path). */
export function inputReaches(patterns: readonly string[], cwd: string, bytes: number): boolean {
	let total = 0;
	const sizeOf = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;
	for (const pattern of patterns) {
		const abs = resolve(cwd, pattern);
		const stat = statSync(abs, { throwIfNoEntry: false });
		if (stat?.isFile()) total += stat.size;
		else if (stat?.isDirectory()) {
			for (const { files } of walkDirectory(abs, INPUT_FILE_EXTENSIONS)) {
				for (const file of files) {
					total += sizeOf(file);
					if (total >= bytes) return true;
				}
			}
		} else return true;
		if (total >= bytes) return true;
	}
	return false;
}

const FORWARDED_SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Runs the same command in a child node with the flag, its standard streams
 * shared, and settles with its exit code; a child killed by a signal kills this
 * process with the same signal. Resolves to undefined when the child could not
 * be started, so the caller runs the command itself.
 */
export function respawn(script: string, args: readonly string[]): Promise<number | undefined> {
	return new Promise((resolve) => {
		// The IPC channel is only there to close: see dieWithParent.
		const child = spawn(process.execPath, [...process.execArgv, RESPAWN_FLAG, script, ...args], {
			stdio: ["inherit", "inherit", "inherit", "ipc"],
			env: { ...process.env, [NO_RESPAWN_ENV]: "1" },
		});
		const forward = (signal: NodeJS.Signals) => child.kill(signal);
		for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
		const stopForwarding = () => {
			for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
		};
		child.once("error", () => {
			stopForwarding();
			resolve(undefined);
		});
		child.once("exit", (code, signal) => {
			stopForwarding();
			if (signal) {
				process.kill(process.pid, signal);
				return;
			}
			resolve(code ?? 1);
		});
	});
}

/**
 * In the child: a parent killed with SIGKILL cannot pass the signal on, so the
 * child watches the IPC channel and dies the moment it closes, before it can
 * write anything more. Without this, a `kill -9` of the command left the child
 * fixing files behind the back of whoever killed it.
 */
export function dieWithParent(): void {
	if (!process.send || !process.env[NO_RESPAWN_ENV]) return;
	process.once("disconnect", () => process.kill(process.pid, "SIGKILL"));
	// The channel must not keep the child alive once its work is done.
	process.channel?.unref();
}
