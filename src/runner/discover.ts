import { realpathSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { ResolvedConfig } from "../config/load-config.js";
import { ConfigError } from "../engine/rule-options.js";

export const INPUT_EXTENSIONS = ["txt", "jsonl"];

export interface DiscoveredFile {
	path: string;
	/** Named on the command line (not found by expanding a directory or glob). */
	explicit: boolean;
}

export class NoFilesError extends ConfigError {
	override name = "NoFilesError";
}

/**
 * Expands command-line patterns into files, the way ESLint does: a directory
 * means its .txt and .jsonl files recursively, anything else is a glob.
 * Symlinked directories are not followed (a link loop cannot hang the run);
 * duplicates reached by two patterns are linted once.
 */
export async function discoverFiles(patterns: string[], cwd: string, config: ResolvedConfig): Promise<DiscoveredFile[]> {
	const seen = new Set<string>();
	const out: DiscoveredFile[] = [];
	const realDirs = new Map<string, string | undefined>();
	const realPath = (path: string): string | undefined => {
		try {
			return realpathSync(path);
		} catch {
			// Disappeared or unreadable: keep it, reading will report the problem.
			return undefined;
		}
	};
	/**
	 * The file's real path, which dedupes a file reached by two patterns. For a
	 * regular file found by a directory walk (its dirent says so, no system
	 * call) that is its directory's real path, resolved once per directory,
	 * plus its name: a realpath per file costs a system call per path component.
	 */
	const keyOf = (path: string, inWalk: boolean): string => {
		if (!inWalk) return realPath(path) ?? path;
		const dir = dirname(path);
		if (!realDirs.has(dir)) realDirs.set(dir, realPath(dir));
		const real = realDirs.get(dir);
		return real === undefined ? (realPath(path) ?? path) : join(real, path.slice(dir.length + 1));
	};
	const add = (path: string, explicit: boolean, inWalk = false) => {
		const key = keyOf(path, inWalk);
		if (seen.has(key)) return;
		seen.add(key);
		out.push({ path, explicit });
	};
	for (const pattern of patterns) {
		const abs = resolve(cwd, pattern);
		const stat = statSync(abs, { throwIfNoEntry: false });
		let matches: string[];
		if (stat?.isFile()) {
			add(abs, true);
			continue;
		}
		// Loaded only to expand a directory or a glob: ~20 ms of start-up that named files never need.
		const { default: fg } = await import("fast-glob");
		const options = { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false, suppressErrors: true, unique: true };
		let walked: Set<string> | undefined;
		if (stat?.isDirectory()) {
			const base = fg.convertPathToPattern(abs);
			const entries = await fg(`${base}/**/*.{${INPUT_EXTENSIONS.join(",")}}`, { ...options, objectMode: true });
			// Regular files only: a symlinked file still needs its own real path.
			walked = new Set(entries.filter((e) => e.dirent.isFile() && !e.dirent.isSymbolicLink()).map((e) => e.path));
			matches = entries.map((e) => e.path);
		} else {
			matches = await fg(pattern, options);
		}
		matches = matches.filter((m) => !config.isIgnored(m)).sort();
		if (matches.length === 0) {
			throw new NoFilesError(
				stat?.isDirectory()
					? `No .txt or .jsonl files found in "${pattern}" (or all of them are ignored).`
					: `No files matching the pattern "${pattern}" were found.`,
			);
		}
		for (const m of matches) add(m, false, walked?.has(m));
	}
	return out;
}
