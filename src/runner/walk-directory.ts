import { readdirSync, type Dirent } from "node:fs";
import { sep } from "node:path";

/** The files a directory on the command line stands for. */
export const INPUT_FILE_EXTENSIONS: readonly string[] = [".txt", ".jsonl"];

/**
 * The regular files under `dir` whose names end in one of `extensions` (".txt"), found the
 * way the glob `dir/**\/*.{txt,jsonl}` with fast-glob's `dot: false, onlyFiles: true,
 * followSymbolicLinks: false, suppressErrors: true` finds them: names starting with "." are
 * skipped, symlinks (to files or directories) are neither listed nor followed, an unreadable
 * directory is skipped. A directory is the common case and needs no pattern matching: this
 * walk costs ~1 µs a file against fast-glob's ~10 µs (2,000 files: 2 ms against 20 ms, plus
 * 27 ms to load fast-glob).
 *
 * Also returns each directory's path, so the caller can resolve real paths per directory.
 */
export function walkDirectory(dir: string, extensions: readonly string[]): Array<{ dir: string; files: string[] }> {
	const out: Array<{ dir: string; files: string[] }> = [];
	// A stack, not recursion: a deep tree cannot overflow the call stack.
	const pending = [dir];
	for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
		let entries: Dirent[];
		try {
			entries = readdirSync(path, { withFileTypes: true });
		} catch {
			continue;
		}
		const prefix = path.endsWith(sep) ? path : path + sep;
		const files: string[] = [];
		for (const entry of entries) {
			const name = entry.name;
			if (name.charCodeAt(0) === 0x2e /* . */) continue;
			if (entry.isDirectory()) pending.push(prefix + name);
			else if (entry.isFile() && extensions.some((ext) => name.endsWith(ext))) files.push(prefix + name);
		}
		if (files.length) out.push({ dir: path, files });
	}
	return out;
}
