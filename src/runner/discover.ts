import { realpathSync, statSync } from "node:fs";
import { resolve, sep } from "node:path";
import type { ResolvedConfig } from "../config/load-config.js";
import { ConfigError } from "../engine/rule-options.js";
import { INPUT_FILE_EXTENSIONS, walkDirectory } from "./walk-directory.js";


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
	const realPath = (path: string): string | undefined => {
		try {
			return realpathSync(path);
		} catch {
			// Disappeared or unreadable: keep it, reading will report the problem.
			return undefined;
		}
	};
	/** The file's real path, which dedupes a file reached by two patterns. */
	const add = (path: string, explicit: boolean, key = realPath(path) ?? path) => {
		if (seen.has(key)) return;
		seen.add(key);
		out.push({ path, explicit });
	};
	for (const pattern of patterns) {
		const abs = resolve(cwd, pattern);
		const stat = statSync(abs, { throwIfNoEntry: false });
		if (stat?.isFile()) {
			add(abs, true);
			continue;
		}
		if (stat?.isDirectory()) {
			// Regular files only, so a file's real path is its directory's real path (resolved once
			// per directory) plus its name: a realpath per file costs a system call per path component.
			const found: Array<{ path: string; key: string }> = [];
			for (const { dir, files } of walkDirectory(abs, INPUT_FILE_EXTENSIONS)) {
				const real = realPath(dir);
				// Without a trailing separator, so that a directory linked to "/" gives "/name", not "//name".
				const base = real?.endsWith(sep) ? real.slice(0, -1) : real;
				for (const path of files) {
					if (config.isIgnored(path)) continue;
					found.push({ path, key: base === undefined ? (realPath(path) ?? path) : base + sep + path.slice(path.lastIndexOf(sep) + 1) });
				}
			}
			if (found.length === 0) throw new NoFilesError(`No .txt or .jsonl files found in "${pattern}" (or all of them are ignored).`);
			found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
			for (const f of found) add(f.path, false, f.key);
			continue;
		}
		// Loaded only to expand a glob: ~27 ms of start-up that named files and directories never need.
		const { default: fg } = await import("fast-glob");
		const matches = (await fg(pattern, { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false, suppressErrors: true, unique: true }))
			.filter((m) => !config.isIgnored(m))
			.sort();
		if (matches.length === 0) throw new NoFilesError(`No files matching the pattern "${pattern}" were found.`);
		for (const m of matches) add(m, false);
	}
	return out;
}
