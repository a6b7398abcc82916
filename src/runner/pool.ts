/**
 * `--concurrency`: lints on a piscina worker pool. Small files travel in
 * groups; a big JSONL file is cut into batches of whole lines, so one file
 * uses every core. Results and streamed documents come back in input order,
 * equal to a single-threaded run.
 */
import { existsSync, statSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { JsonlSettings } from "../config/load-config.js";
import type { RulesConfig } from "../config/rule-entries.js";
import type { LintResult } from "../engine/types.js";
import { packageRoot } from "../package-root.js";
import type { JsonlRenderSettings } from "../formats/jsonl-stream.js";
import type { LintCache } from "./cache.js";
import type { DiscoveredFile } from "./discover.js";
import type { ByteRange, DocumentRecord } from "./jsonl-range.js";
import { inputKindOf, lintJsonl, type DocumentInfo, type FileLintOptions } from "./lint-file.js";
import { addTimes, emptyResult } from "./result.js";
import { MIN_POOL_BYTES, minPoolBytes } from "./pool-limits.js";
// Types only: the worker module loads piscina, which single-threaded runs never need.
import type { FilesTask, JsonlPiece, JsonlTask, WorkerReply } from "./worker.js";

/** What a worker needs to rebuild the configuration (plain, cloneable data). */
export interface PoolConfigData {
	cwd: string;
	configPath?: string;
	noConfig?: boolean;
	cliRules?: RulesConfig;
	jsonl?: Partial<JsonlSettings>;
	errorsOnly?: boolean;
}

/** One input: a whole file, a byte range of a JSONL file (`--shard`), or a ready result (ignored files). */
export interface PoolItem {
	path: string;
	range?: ByteRange;
	result?: LintResult;
}

export interface PoolRunOptions extends FileLintOptions {
	concurrency: number;
	configData: PoolConfigData;
	/** A document callback per file (streaming output needs to know the file). */
	onDocumentOf?: (filePath: string) => FileLintOptions["onDocument"];
	/**
	 * `--format jsonl` rendered by the workers: each batch comes back as text for
	 * this callback, not as messages for `onDocumentOf` (the main thread only writes).
	 */
	renderedOutput?: { settings: JsonlRenderSettings; onRenderedOf: (filePath: string) => (lines: string) => void };
	onFile?: (result: LintResult, bytes: number) => void;
}

export const JSONL_BATCH_BYTES = 4 << 20;
const GROUP_FILES = 32;
const GROUP_BYTES = 512 << 10;
const WORKER_YOUNG_GENERATION_MB = 32;

export function workerScript(): string {
	return join(packageRoot, "dist", "src", "runner", "worker.js");
}

function sizeOf(item: PoolItem): number {
	if (item.result) return 0;
	if (item.range) return item.range.end - item.range.start;
	return statSync(item.path, { throwIfNoEntry: false })?.size ?? 0;
}

/** Workers pay when there is enough input to split into at least two pieces of work. */
export function poolPays(items: PoolItem[], concurrency: number, minBytes = MIN_POOL_BYTES): boolean {
	if (concurrency < 2) return false;
	let bytes = 0;
	let pieces = 0;
	for (const item of items) {
		const size = sizeOf(item);
		bytes += size;
		if (!item.result) pieces += inputKindOf(item.path) === "jsonl" ? Math.max(1, Math.ceil(size / JSONL_BATCH_BYTES)) : 1;
	}
	return pieces >= 2 && bytes >= minBytes;
}

/** A piece of work, in input order; `file` is the index of the result it belongs to. */
interface Unit {
	files: number[];
	task?: FilesTask | JsonlTask;
	/** Runs in this thread instead (JSONL rewritten in place by --fix). */
	local?: () => Promise<LintResult>;
}


/**
 * Cuts a JSONL file (or byte range) into batches of whole lines. Each batch is
 * read straight into an ArrayBuffer of its own, which is transferred to a
 * worker, not copied; only the partial last line is copied into the next one.
 * A line longer than a batch is never gathered here: its end is found by
 * reading on, and the worker reads the line from the file itself, so a 500 MB
 * line is skipped as too long with flat memory, as in one thread.
 */
async function* jsonlBatches(path: string, range?: PoolItem["range"]): AsyncGenerator<JsonlPiece> {
	const handle = await open(path, "r");
	try {
		const end = range?.end ?? (await handle.stat()).size;
		let position = range?.start ?? 0;
		let line = range?.firstLine ?? 1;
		let carry: Uint8Array = new Uint8Array(0);
		let scratch: Buffer | undefined;
		while (position < end) {
			const buffer = new Uint8Array(carry.length + Math.min(JSONL_BATCH_BYTES, end - position));
			buffer.set(carry);
			const { bytesRead } = await handle.read(buffer, carry.length, buffer.length - carry.length, position);
			if (bytesRead === 0) break; // the file shrank while being read
			position += bytesRead;
			const filled = carry.length + bytesRead;
			const cut = Buffer.from(buffer.buffer, 0, filled).lastIndexOf(0x0a) + 1;
			if (cut === 0) {
				if (filled < JSONL_BATCH_BYTES || position >= end) {
					carry = buffer.subarray(0, filled);
					continue;
				}
				// One line longer than a batch: find where it ends, without keeping its bytes.
				const start = position - filled;
				position = await lineEndFrom(handle, position, end, (scratch ??= Buffer.allocUnsafe(1 << 20)));
				carry = new Uint8Array(0);
				yield { range: { start, end: position, firstLine: line } };
				line++;
				continue;
			}
			carry = buffer.slice(cut, filled);
			const bytes = new Uint8Array(buffer.buffer, 0, cut);
			const firstLine = line;
			// Counted before the batch is handed over: once transferred, its buffer is empty here.
			line += countNewlines(Buffer.from(buffer.buffer, 0, cut));
			yield { bytes, firstLine };
		}
		if (carry.length > 0) yield { bytes: carry.slice(), firstLine: line };
	} finally {
		await handle.close();
	}
}

/** Where the line running at `position` ends (just after its newline), or `end`: read through `scratch`, nothing kept. */
async function lineEndFrom(handle: FileHandle, position: number, end: number, scratch: Buffer): Promise<number> {
	while (position < end) {
		const n = (await handle.read(scratch, 0, Math.min(scratch.length, end - position), position)).bytesRead;
		if (n === 0) break;
		const nl = scratch.subarray(0, n).indexOf(0x0a);
		if (nl !== -1) return position + nl + 1;
		position += n;
	}
	return end;
}

function countNewlines(buf: Buffer): number {
	let n = 0;
	for (let i = buf.indexOf(0x0a); i !== -1; i = buf.indexOf(0x0a, i + 1)) n++;
	return n;
}

/** Every unit of work, produced lazily so a huge JSONL is never held in memory at once. */
async function* planUnits(items: PoolItem[], options: PoolRunOptions, stream: boolean): AsyncGenerator<Unit> {
	const render = stream ? options.renderedOutput?.settings : undefined;
	let group: number[] = [];
	let groupBytes = 0;
	const flush = (): Unit => {
		const unit: Unit = {
			files: group,
			task: { kind: "files", paths: group.map((i) => items[i].path), fix: !!options.fix, write: !!options.write, fixTypes: options.fixTypes, stream, render, stats: !!options.stats },
		};
		group = [];
		groupBytes = 0;
		return unit;
	};
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		if (item.result) {
			if (group.length) yield flush();
			yield { files: [i] };
			continue;
		}
		if (inputKindOf(item.path) !== "jsonl") {
			group.push(i);
			groupBytes += sizeOf(item);
			if (group.length >= GROUP_FILES || groupBytes >= GROUP_BYTES) yield flush();
			continue;
		}
		if (group.length) yield flush();
		if (!existsSync(item.path) || (options.fix && options.write)) {
			// Missing files get the single-threaded error message; in-place JSONL rewrites need one writer.
			yield { files: [i], local: () => lintJsonl(item.path, { ...options, onDocument: options.onDocumentOf?.(item.path) ?? options.onDocument }) };
			continue;
		}
		for await (const batch of jsonlBatches(item.path, item.range)) {
			yield {
				files: [i],
				task: { kind: "jsonl", path: item.path, ...batch, fix: !!options.fix, fixTypes: options.fixTypes, stream, render, stats: !!options.stats },
			};
		}
	}
	if (group.length) yield flush();
}

/** Adds a batch's result to the file's result (batches arrive in order). */
function mergeInto(target: LintResult, part: LintResult): void {
	target.messages.push(...part.messages);
	target.errorCount += part.errorCount;
	target.fatalErrorCount += part.fatalErrorCount;
	target.warningCount += part.warningCount;
	target.fixableErrorCount += part.fixableErrorCount;
	target.fixableWarningCount += part.fixableWarningCount;
	target.documentCount = (target.documentCount ?? 0) + (part.documentCount ?? 0);
	if (part.stats) target.stats = addTimes(target.stats, part.stats);
}

/** Lints the items on `concurrency` worker threads; returns results in item order. */
export async function lintInPool(items: PoolItem[], options: PoolRunOptions): Promise<LintResult[]> {
	const script = workerScript();
	if (!existsSync(script)) throw new Error(`--concurrency needs the built worker ${script} (run "npm run build")`);
	const stream = !!(options.onDocument || options.onDocumentOf);
	// Imported here: single-threaded runs (most) never load the pool.
	const { Piscina } = await import("piscina");
	const pool = new Piscina({
		filename: script,
		minThreads: options.concurrency,
		maxThreads: options.concurrency,
		workerData: options.configData,
		idleTimeout: 1000,
		// V8 lets a busy thread's young generation grow to ~48 MB. Each worker lints 16 documents at
		// a time (lintDocuments), which stay alive across collections: with 12 MB the workers
		// collected garbage so often that two of them took 38–41 s of CPU and 20–21 s on 524 MB of
		// JSONL, slower than one thread. Under --single-threaded-gc (bin/corpuslint.js starts pools
		// that way) each worker does all its scavenging itself: on the same 524 MB, 24 MB took
		// 22.4 s of CPU and 11.7–12.0 s, 32 MB 21.1 s and 11.3 s, 48–64 MB 20.5–21 s and 11.0–11.3 s
		// for 30–60 MB more RSS per worker.
		resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
	});
	const results: LintResult[] = new Array(items.length);
	const emitDocs = (file: number, records: DocumentRecord[] | undefined, rendered: string | undefined) => {
		if (rendered) options.renderedOutput!.onRenderedOf(items[file].path)(rendered);
		if (!records?.length) return;
		const cb = options.onDocumentOf?.(items[file].path) ?? options.onDocument;
		for (const r of records) cb?.(r.messages, r.doc as DocumentInfo);
	};
	const maxInFlight = options.concurrency * 2;
	const inFlight: Array<{ unit: Unit; done: Promise<WorkerReply | LintResult | undefined> }> = [];
	let lastFile = -1;
	const finishFile = (file: number) => {
		const r = results[file];
		if (r.messages.length > 1 && inputKindOf(r.filePath) === "jsonl") {
			r.messages.sort((a, b) => a.line - b.line || (a.docLine ?? 0) - (b.docLine ?? 0) || (a.docColumn ?? 0) - (b.docColumn ?? 0));
		}
		options.onFile?.(r, 0);
	};
	// Units complete out of order; they are consumed strictly in order, so output order is the input order.
	const consume = async () => {
		const { unit, done } = inFlight.shift()!;
		const reply = await done;
		const firstFile = unit.files[0];
		if (firstFile !== lastFile && lastFile >= 0 && results[lastFile]) finishFile(lastFile);
		if (unit.task?.kind === "jsonl") {
			const { results: [part], records, rendered } = reply as WorkerReply;
			if (!results[firstFile]) results[firstFile] = { ...emptyResult(items[firstFile].path), documentCount: 0 };
			mergeInto(results[firstFile], part);
			emitDocs(firstFile, records?.[0], rendered?.[0]);
			lastFile = firstFile;
			return;
		}
		if (unit.task?.kind === "files") {
			const { results: rs, records, rendered } = reply as WorkerReply;
			unit.files.forEach((file, k) => {
				results[file] = rs[k];
				emitDocs(file, records?.[k], rendered?.[k]);
				if (file !== unit.files.at(-1)) finishFile(file);
			});
		} else if (unit.local) {
			results[firstFile] = reply as LintResult;
		} else {
			results[firstFile] = items[firstFile].result!;
		}
		lastFile = unit.files.at(-1)!;
	};
	try {
		for await (const unit of planUnits(items, options, stream)) {
			let done: Promise<WorkerReply | LintResult | undefined>;
			if (unit.local) {
				// Drain first: the local run streams its documents straight to the output.
				while (inFlight.length) await consume();
				done = Promise.resolve(await unit.local());
			} else if (unit.task) {
				const transfer = unit.task.kind === "jsonl" && unit.task.bytes ? [unit.task.bytes.buffer as ArrayBuffer] : undefined;
				done = pool.run(unit.task, transfer ? { transferList: transfer } : undefined) as Promise<WorkerReply>;
			} else done = Promise.resolve(undefined);
			// A failure surfaces when its unit is consumed; the others must not become unhandled rejections meanwhile.
			done.catch(() => {});
			inFlight.push({ unit, done });
			while (inFlight.length >= maxInFlight) await consume();
		}
		while (inFlight.length) await consume();
		if (lastFile >= 0 && results[lastFile]) finishFile(lastFile);
	} finally {
		await pool.destroy();
	}
	for (let i = 0; i < items.length; i++) if (!results[i]) results[i] = { ...emptyResult(items[i].path), documentCount: 0 };
	return results;
}

/**
 * The pool path of `lintFiles`: undefined when workers would not pay, so the
 * caller lints in its own thread. Ignored and cached files keep their ready results.
 */
export async function lintFilesInPool(
	files: DiscoveredFile[],
	options: PoolRunOptions & { cache?: LintCache; autoConcurrency?: boolean },
	ranges: Map<string, ByteRange> | undefined,
	readyResult: (file: DiscoveredFile) => LintResult | undefined,
): Promise<LintResult[] | undefined> {
	const items: PoolItem[] = files.map((file) => {
		const result = readyResult(file) ?? options.cache?.get(file.path);
		return { path: file.path, range: ranges?.get(file.path), result };
	});
	const minBytes = minPoolBytes(options.concurrency, Boolean(options.autoConcurrency));
	if (!poolPays(items, options.concurrency, minBytes)) return undefined;
	const results = await lintInPool(items, options);
	if (options.cache) items.forEach((item, i) => !item.result && !item.range && options.cache!.set(item.path, results[i]));
	return results;
}
