/**
 * Runs the built command (`node bin/corpuslint.js`, i.e. dist/) in a temp
 * directory, as a user would. `npm test` builds first; run `npx tsc -p .`
 * before running these tests on their own.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(ROOT, "bin", "corpuslint.js");

export interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Creates a temp project from `files` (path → content). */
export function makeProject(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), "corpuslint-cli-"));
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), content);
	}
	return dir;
}

export function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
	const base = { ...process.env };
	// The parent may be a terminal or CI; each test decides for itself.
	delete base.CI;
	delete base.FORCE_COLOR;
	const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, encoding: "utf8" });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
