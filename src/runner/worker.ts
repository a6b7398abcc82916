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
import { lintJsonlSlice, type DocumentRecord } from "./jsonl-range.js";
import { lintTextFile, type FileLintOptions } from "./lint-file.js";
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

export interface JsonlTask {
	kind: "jsonl";
	path: string;
	bytes: Uint8Array;
	firstLine: number;
	fix: boolean;
	fixTypes?: FixType[];
	stream: boolean;
	render?: JsonlRenderSettings;
	stats?: boolean;
}

export interface WorkerReply {
	results: LintResult[];
	/** Per result, its document records, when the task asked to stream. */
	records?: DocumentRecord[][];
	/** Per result, its documents' output lines, when the task asked to render them. */
	rendered?: string[];
}

/** The documents of one file as output lines. */
function render(settings: JsonlRenderSettings, path: string, records: DocumentRecord[]): string {
	const file = jsonlFileName(settings.cwd, path);
	let text = "";
	for (const r of records) text += renderJsonlDocument(file, r.messages, r.doc, settings.quiet);
	return text;
}

/** A streaming reply: rendered lines when asked for, else the records themselves. */
function streamed(task: FilesTask | JsonlTask, results: LintResult[], paths: string[], records: DocumentRecord[][]): WorkerReply {
	if (!task.render) return { results, records };
	return { results, rendered: records.map((r, k) => render(task.render!, paths[k], r)) };
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
		const results: LintResult[] = [];
		const records: DocumentRecord[][] = [];
		for (const path of task.paths) {
			const mine: DocumentRecord[] = [];
			const onDocument = task.stream ? (messages: DocumentRecord["messages"], doc: DocumentRecord["doc"]) => void mine.push({ messages, doc }) : undefined;
			results.push(lintTextFile(path, { ...base, write: task.write, onDocument }));
			records.push(mine);
		}
		return task.stream ? streamed(task, withTimes(results), task.paths, records) : { results: withTimes(results) };
	}
	const records: DocumentRecord[] = [];
	const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
	const result = await lintJsonlSlice(task.path, Readable.from([bytes]), task.firstLine, base, task.stream ? records : undefined);
	return task.stream ? streamed(task, withTimes([result]), [task.path], [records]) : { results: withTimes([result]) };
}
