import { dirname } from "node:path";
import type { Readable } from "node:stream";
import type { ResolvedConfig } from "../config/load-config.js";
import type { LintResult } from "../engine/types.js";
import { removeStaleTemps } from "../io/atomic-write.js";
import type { LintCache } from "./cache.js";
import { discoverFiles } from "./discover.js";
import { inputKindOf, lintJsonl, lintTextBytes, lintTextFile, type FileLintOptions } from "./lint-file.js";
import { emptyResult, tallyResult } from "./result.js";

export interface LintFilesOptions extends Omit<FileLintOptions, "config"> {
	config: ResolvedConfig;
	cwd: string;
	/** Called after each file, for progress display. */
	onFile?: (result: LintResult, bytes: number) => void;
	/** Called with every file to lint before the first one starts, for progress display. */
	onStart?: (paths: string[]) => void;
	/** Results of unchanged files from an earlier run (--cache). */
	cache?: LintCache;
}

const IGNORED_WARNING = 'File ignored because of a matching ignore pattern in the configuration ("ignores").';

/** Lints every file the patterns name, one after another, in a stable order. */
export async function lintFiles(patterns: string[], options: LintFilesOptions): Promise<LintResult[]> {
	const files = await discoverFiles(patterns, options.cwd, options.config);
	if (options.fix && options.write) removeStaleTemps(new Set(files.map((f) => dirname(f.path))));
	options.onStart?.(files.map((f) => f.path));
	const results: LintResult[] = [];
	for (const file of files) {
		if (file.explicit && options.config.isIgnored(file.path)) {
			const r = emptyResult(file.path);
			r.messages.push({ ruleId: null, severity: 1, message: IGNORED_WARNING, line: 1, column: 1 });
			results.push(tallyResult(r));
			options.onFile?.(r, 0);
			continue;
		}
		const cached = options.cache?.get(file.path);
		const result = cached ?? (inputKindOf(file.path) === "jsonl" ? await lintJsonl(file.path, options) : lintTextFile(file.path, options));
		if (!cached) options.cache?.set(file.path, result);
		results.push(result);
		options.onFile?.(result, 0);
	}
	return results;
}

/** Lints text read from a stream (`--stdin`); the filename decides text or JSONL. */
export async function lintStream(stream: Readable, filename: string, options: FileLintOptions): Promise<LintResult> {
	if (inputKindOf(filename) === "jsonl") return lintJsonl(filename, { ...options, write: false }, stream);
	const chunks: Buffer[] = [];
	for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
	return lintTextBytes(filename, Buffer.concat(chunks), { ...options, write: false });
}
