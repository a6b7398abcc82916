/**
 * Spawns the built command (`node bin/corpuslint.js`, which runs dist/) the
 * way a user would, in a throw-away directory. `npm test` builds first; when
 * running vitest alone, run `npx tsc -p .` after changing src/.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** CORPUSLINT_CLI_ROOT points the tests at another built checkout (e.g. a clean export of HEAD). */
const cliRoot = process.env.CORPUSLINT_CLI_ROOT ?? repoRoot;
const bin = join(cliRoot, "bin", "corpuslint.js");

export interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface CliRunOptions {
	cwd: string;
	stdin?: string | Uint8Array;
	env?: NodeJS.ProcessEnv;
}

export function runCli(args: string[], options: CliRunOptions): Promise<CliRun> {
	if (!existsSync(join(cliRoot, "dist", "src", "cli", "bin.js"))) {
		throw new Error("dist/ is missing: run `npx tsc -p .` (npm test does) before the CLI tests");
	}
	return new Promise((resolvePromise, reject) => {
		const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ...options.env };
		delete env.FORCE_COLOR;
		delete env.DEBUG;
		const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd, env, stdio: ["pipe", "pipe", "pipe"] });
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on("data", (d: Buffer) => out.push(d));
		child.stderr.on("data", (d: Buffer) => err.push(d));
		child.on("error", reject);
		child.on("close", (code) =>
			resolvePromise({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
		);
		child.stdin.on("error", () => {
			// The CLI may exit before reading stdin (usage errors); that is not a test failure.
		});
		child.stdin.end(options.stdin ?? "");
	});
}

/** The config most CLI tests use: only the real `whitespace` rule, whose findings are stable. */
export const WHITESPACE_ONLY = { rules: { whitespace: "error" } };

/**
 * A temporary project: files by relative path (strings are written as UTF-8,
 * byte arrays as they are). Unless `files` names one, a .corpuslintrc.json
 * with WHITESPACE_ONLY is written so the run never depends on other rules or
 * on a config file above the temp directory.
 */
export class TempProject {
	readonly dir: string;
	constructor(files: Record<string, string | Uint8Array | object> = {}, { withConfig = true } = {}) {
		this.dir = mkdtempSync(join(tmpdir(), "corpuslint-cli-"));
		if (withConfig && !(".corpuslintrc.json" in files)) this.write(".corpuslintrc.json", WHITESPACE_ONLY);
		for (const [path, content] of Object.entries(files)) this.write(path, content);
	}
	path(rel: string): string {
		return join(this.dir, rel);
	}
	write(rel: string, content: string | Uint8Array | object): void {
		const target = this.path(rel);
		mkdirSync(dirname(target), { recursive: true });
		const data = typeof content === "string" || content instanceof Uint8Array ? content : JSON.stringify(content);
		writeFileSync(target, data);
	}
	read(rel: string): Buffer {
		return readFileSync(this.path(rel));
	}
	text(rel: string): string {
		return readFileSync(this.path(rel), "utf8");
	}
	run(args: string[], options: Omit<CliRunOptions, "cwd"> & { cwd?: string } = {}): Promise<CliRun> {
		return runCli(args, { ...options, cwd: options.cwd ? this.path(options.cwd) : this.dir });
	}
	remove(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}
}

/** Parses `--format json` output. */
export function jsonResults(run: CliRun): Array<{
	filePath: string;
	messages: Array<Record<string, unknown> & { ruleId: string | null; severity: number; message: string; line: number; column: number }>;
	errorCount: number;
	warningCount: number;
	fatalErrorCount: number;
	fixableErrorCount: number;
	fixableWarningCount: number;
	output?: string;
	[key: string]: unknown;
}> {
	try {
		return JSON.parse(run.stdout);
	} catch {
		throw new Error(`not JSON output (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
	}
}
