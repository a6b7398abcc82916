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

export const RESPAWN_FLAG = "--single-threaded-gc";
/** Set in the child so it never starts a grandchild, and by users to opt out. */
export const NO_RESPAWN_ENV = "CORPUSLINT_NO_RESPAWN";

/** The `--concurrency` value on a command line, as the option parser would read it (undefined if absent). */
export function concurrencyArgument(args: readonly string[]): string | undefined {
	let value: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === "--") break;
		if (arg === "--concurrency") value = args[++i];
		else if (arg.startsWith("--concurrency=")) value = arg.slice("--concurrency=".length);
	}
	return value;
}

/**
 * Whether this command line runs workers and is not already running under the
 * flag. Never with `--fix`: a parent killed with SIGKILL cannot take its child
 * along, and the child notices only when its event loop next turns (up to the
 * ~0.3 s of loading the rules), so files must only ever be rewritten by the
 * process the user started. Reports and caches are written once, at the end.
 */
export function shouldRespawn(args: readonly string[], execArgv: readonly string[], env: NodeJS.ProcessEnv): boolean {
	if (env[NO_RESPAWN_ENV] || execArgv.includes(RESPAWN_FLAG)) return false;
	// Under a debugger the work must stay in the process being debugged.
	if (execArgv.some((arg) => arg.startsWith("--inspect"))) return false;
	if (args[0] === "merge") return false;
	const end = args.indexOf("--");
	if ((end === -1 ? args : args.slice(0, end)).includes("--fix")) return false;
	const value = concurrencyArgument(args);
	// "1", a missing value or nonsense: no workers, or a usage error the parser reports best in this process.
	if (value === undefined) return false;
	return value === "auto" || (/^\d+$/.test(value) && Number(value) > 1);
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
