import { dirname } from "node:path";
import type { Readable } from "node:stream";
import type { ResolvedConfig } from "../config/load-config.js";
import type { LintResult } from "../engine/types.js";
import { removeStaleTemps } from "../io/atomic-write.js";
import type { LintCache } from "./cache.js";
import { discoverFiles } from "./discover.js";
import { lintJsonlRange } from "./jsonl-range.js";
import { inputKindOf, lintJsonl, lintTextBytes, lintTextFiles, type FileLintOptions } from "./lint-file.js";
import { lintFilesInPool, type PoolConfigData, type PoolRunOptions } from "./pool.js";
import { shardFiles, type Shard } from "./shard.js";
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
	/** Worker threads (--concurrency); 1 or absent lints in this thread. Workers rebuild the config from configData. */
	concurrency?: number;
	/** With `shard`: files never split into byte ranges (see ShardOptions). */
	keepWhole?: ReadonlySet<string>;
	/** --concurrency auto: start workers only for enough input to pay for their start-up. */
	autoConcurrency?: boolean;
	configData?: PoolConfigData;
	/** --shard i/n: lint only this part of the input. */
	shard?: Shard;
	/** A document callback per file, for streaming output that names the file. */
	onDocumentOf?: (filePath: string) => FileLintOptions["onDocument"];
	/** With workers: they render the streamed lines themselves (see PoolRunOptions). */
	renderedOutput?: PoolRunOptions["renderedOutput"];
}

const IGNORED_WARNING = 'File ignored because of a matching ignore pattern in the configuration ("ignores").';

/** Lints every file the patterns name, one after another, in a stable order. */
export async function lintFiles(patterns: string[], options: LintFilesOptions): Promise<LintResult[]> {
	let files = await discoverFiles(patterns, options.cwd, options.config);
	const sharded = options.shard ? shardFiles(files, options.shard, { cwd: options.cwd, splitJsonl: !options.fix, keepWhole: options.keepWhole }) : undefined;
	if (sharded) files = sharded.files;
	if (options.fix && options.write) removeStaleTemps(new Set(files.map((f) => dirname(f.path))));
	options.onStart?.(files.map((f) => f.path));
	const ignoredResult = (file: (typeof files)[number]): LintResult | undefined => {
		if (!file.explicit || !options.config.isIgnored(file.path)) return undefined;
		const r = emptyResult(file.path);
		r.messages.push({ ruleId: null, severity: 1, message: IGNORED_WARNING, line: 1, column: 1 });
		return tallyResult(r);
	};
	if ((options.concurrency ?? 1) > 1 && options.configData) {
		const pooled = await lintFilesInPool(files, { ...options, concurrency: options.concurrency!, configData: options.configData }, sharded?.ranges, ignoredResult);
		if (pooled) return pooled;
	}
	const results: LintResult[] = [];
	// Each run of consecutive text files is linted in batches of documents (lintTextFiles); the rest one by one, in order.
	let texts: string[] = [];
	const finish = (result: LintResult, cacheIt: boolean) => {
		if (cacheIt) options.cache?.set(result.filePath, result);
		results.push(result);
		options.onFile?.(result, 0);
	};
	const flushTexts = () => {
		if (texts.length === 0) return;
		lintTextFiles(texts, options, options.onDocumentOf, (result) => finish(result, true));
		texts = [];
	};
	for (const file of files) {
		const ignored = ignoredResult(file);
		const cached = ignored ? undefined : options.cache?.get(file.path);
		const range = sharded?.ranges.get(file.path);
		if (!ignored && !cached && !range && inputKindOf(file.path) === "text") {
			texts.push(file.path);
			continue;
		}
		flushTexts();
		if (ignored || cached) {
			finish((ignored ?? cached)!, false);
			continue;
		}
		const fileOptions = options.onDocumentOf ? { ...options, onDocument: options.onDocumentOf(file.path) } : options;
		finish(range ? await lintJsonlRange(file.path, range, fileOptions) : await lintJsonl(file.path, fileOptions), !range);
	}
	flushTexts();
	return results;
}

/** Lints text read from a stream (`--stdin`); the filename decides text or JSONL. */
export async function lintStream(stream: Readable, filename: string, options: FileLintOptions): Promise<LintResult> {
	if (inputKindOf(filename) === "jsonl") return lintJsonl(filename, { ...options, write: false, eachDocument: true }, stream);
	const chunks: Buffer[] = [];
	for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
	return lintTextBytes(filename, Buffer.concat(chunks), { ...options, write: false });
}
