/**
 * A piscina worker: rebuilds the run's configuration from plain data (rules
 * are functions and cannot cross threads) and lints what the pool sends it —
 * a group of whole files, or one batch of JSONL lines.
 */
import { Readable } from "node:stream";
import { workerData } from "piscina";
import { builtinRules } from "../../rules/index.js";
import { loadConfig, type ResolvedConfig } from "../config/load-config.js";
import type { FixType, LintResult } from "../engine/types.js";
import { lintJsonlRange, lintJsonlSlice, type ByteRange, type DocumentRecord } from "./jsonl-range.js";
import { lintTextFiles, type FileLintOptions } from "./lint-file.js";
import type { PoolConfigData } from "./pool.js";
import { addTimes } from "./result.js";
import { jsonlFileName, renderJsonlDocument, type JsonlRenderSettings } from "../formats/jsonl-stream.js";

export interface FilesTask {
	kind: "files";
	paths: string[];
	fix: boolean;
	write: boolean;
	fixTypes?: FixType[];
	/** Return each document's messages as records (streaming output) instead of keeping them. */
	stream: boolean;
	/** With `stream`: return each file's documents as rendered `--format jsonl` text instead of records. */
	render?: JsonlRenderSettings;
	/** Time each rule (--stats); the times come back on the first result. */
	stats?: boolean;
}

/** A batch of a JSONL file: its lines, numbered from firstLine, or (a line longer than a batch) where to read it in the file. */
export type JsonlPiece = { bytes: Uint8Array; firstLine: number; range?: undefined } | { bytes?: undefined; firstLine?: undefined; range: ByteRange };

export type JsonlTask = JsonlPiece & {
	kind: "jsonl";
	path: string;
	fix: boolean;
	fixTypes?: FixType[];
	stream: boolean;
	render?: JsonlRenderSettings;
	stats?: boolean;
};

export interface WorkerReply {
	results: LintResult[];
	/** Per result, its document records, when the task asked to stream. */
	records?: DocumentRecord[][];
	/** Per result, its documents' output lines, when the task asked to render them. */
	rendered?: string[];
}

/**
 * Where one file's streamed documents go: rendered into output lines at once when the task
 * asks for text, so no message objects outlive their document (kept for a whole task, they
 * survived young-generation collections and filled the old space), else kept as records.
 */
class DocumentSink {
	readonly records: DocumentRecord[] = [];
	readonly #lines: string[] = [];
	readonly onDocument: FileLintOptions["onDocument"];

	constructor(task: FilesTask | JsonlTask, path: string) {
		const render = task.render;
		if (!task.stream) this.onDocument = undefined;
		else if (render) {
			const file = jsonlFileName(render.cwd, path);
			this.onDocument = (messages, doc) => void this.#lines.push(renderJsonlDocument(file, messages, doc, render.quiet));
		} else this.onDocument = (messages, doc) => void this.records.push({ messages, doc });
	}

	get text(): string {
		return this.#lines.join("");
	}
}

/** A streaming reply: rendered lines when the task asked for them, else the records themselves. */
function streamed(task: FilesTask | JsonlTask, results: LintResult[], sinks: DocumentSink[]): WorkerReply {
	if (!task.stream) return { results };
	if (!task.render) return { results, records: sinks.map((s) => s.records) };
	return { results, rendered: sinks.map((s) => s.text) };
}

let config: ResolvedConfig | undefined;

function getConfig(): ResolvedConfig {
	if (!config) {
		const data = workerData as PoolConfigData;
		config = loadConfig({ ...data, registry: builtinRules });
	}
	return config;
}

export default async function run(task: FilesTask | JsonlTask): Promise<WorkerReply> {
	const timing: Record<string, number> | undefined = task.stats ? {} : undefined;
	const base: FileLintOptions = { config: getConfig(), registry: builtinRules, fix: task.fix, fixTypes: task.fixTypes, stats: timing };
	const withTimes = (results: LintResult[]): LintResult[] => {
		if (timing && results.length) results[0] = { ...results[0], stats: addTimes(results[0].stats, timing) };
		return results;
	};
	if (task.kind === "files") {
		const sinks = new Map(task.paths.map((path) => [path, new DocumentSink(task, path)]));
		const results = lintTextFiles(task.paths, { ...base, write: task.write }, (path) => sinks.get(path)!.onDocument);
		return streamed(task, withTimes(results), task.paths.map((path) => sinks.get(path)!));
	}
	const sink = new DocumentSink(task, task.path);
	const options = { ...base, onDocument: sink.onDocument };
	const result = task.bytes
		? await lintJsonlSlice(task.path, Readable.from([Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength)]), task.firstLine, options)
		: await lintJsonlRange(task.path, task.range, options);
	return streamed(task, withTimes([result]), [sink]);
}
