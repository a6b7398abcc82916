/**
 * `--format jsonl`: one JSON line per input document, written while the run
 * goes, in input order, so nothing is retained (flat memory on any corpus
 * size) and a pipeline can consume results as they come:
 *
 *   {"file":"a.jsonl","id":"doc-7","line":7,"messages":[...],"fixed":"…"}
 *
 * `line` is the JSONL line (1 for a text file), `id` the document id (null
 * for text files), `fixed` the fixed text when fixing changed the document.
 * Findings about a whole file (unreadable, ignored) get one line with id null.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { LintMessage, LintResult } from "../engine/types.js";
import type { DocumentInfo } from "../runner/lint-file.js";

/** Plain data: crosses to worker threads. */
export interface JsonlRenderSettings {
	cwd: string;
	quiet: boolean;
}

export interface JsonlStreamOptions {
	cwd: string;
	/** Errors only (--quiet). */
	quiet?: boolean;
	/** Write every line at once (stdin filters); otherwise writes are batched. */
	flushEachDocument?: boolean;
}

/**
 * Lines are written in batches of about this many characters. Small on purpose: a line held
 * across a few documents survives young-generation collections and is promoted, and the old
 * space then grows with garbage; 256 K-character batches cost 10–15 MB more peak RSS on 120 MB
 * of JSONL than 16 K ones, which cost no more CPU.
 */
const BATCH_CHARS = 1 << 14;

/** The `file` field: the path relative to the working directory, with forward slashes. */
export function jsonlFileName(cwd: string, filePath: string): string {
	return relative(cwd, filePath).split(sep).join("/");
}

/**
 * One document's output line. Pure, so pool workers render their documents
 * themselves and hand the main thread text to write rather than messages to
 * copy and serialize.
 */
export function renderJsonlDocument(file: string, messages: LintMessage[], doc: DocumentInfo, quiet: boolean | undefined): string {
	const shown = quiet ? messages.filter((m) => m.severity === 2) : messages;
	const record: Record<string, unknown> = { file, id: doc.id ?? null, line: doc.line, messages: shown };
	if (doc.fixed !== undefined) record.fixed = doc.fixed;
	return `${JSON.stringify(record)}\n`;
}

export class JsonlStream {
	#parts: string[] = [];
	#size = 0;
	#emittedFiles = new Set<string>();

	constructor(
		private readonly write: (text: string) => void,
		private readonly options: JsonlStreamOptions,
	) {}

	#name(filePath: string): string {
		return jsonlFileName(this.options.cwd, filePath);
	}

	#push(line: string): void {
		this.#parts.push(line);
		this.#size += line.length;
		if (this.options.flushEachDocument || this.#size >= BATCH_CHARS) this.flush();
	}

	/** The per-document callback for one file. */
	onDocumentOf = (filePath: string) => {
		const file = this.#name(filePath);
		return (messages: LintMessage[], doc: DocumentInfo): void => {
			this.#emittedFiles.add(filePath);
			this.#push(renderJsonlDocument(file, messages, doc, this.options.quiet));
		};
	};

	/** Lines already rendered (by renderJsonlDocument, in a worker) for documents of one file. */
	onRenderedOf = (filePath: string) => {
		return (lines: string): void => {
			this.#emittedFiles.add(filePath);
			this.#push(lines);
		};
	};

	/** What a worker needs to render this stream's lines itself. */
	get renderSettings(): JsonlRenderSettings {
		return { cwd: this.options.cwd, quiet: !!this.options.quiet };
	}

	/** After the run: lines for files that produced no document (unreadable, ignored), then flush. */
	finish(results: LintResult[]): void {
		for (const r of results) {
			if (this.#emittedFiles.has(r.filePath) || r.messages.length === 0) continue;
			const shown = this.options.quiet ? r.messages.filter((m) => m.severity === 2) : r.messages;
			if (shown.length) this.#push(`${JSON.stringify({ file: this.#name(r.filePath), id: null, line: 1, messages: shown })}\n`);
		}
		this.flush();
		this.close();
	}

	flush(): void {
		if (this.#size === 0) return;
		this.write(this.#parts.join(""));
		this.#parts = [];
		this.#size = 0;
	}

	/** Called once the output is complete (closes an output file). */
	close: () => void = () => {};
}

/** The stream for `--format jsonl`, to `-o FILE` or to the given stdout writer. */
export function openJsonlStream(outputFile: string | undefined, options: JsonlStreamOptions, stdout: (text: string) => void): JsonlStream {
	if (!outputFile) return new JsonlStream(stdout, options);
	const path = resolve(options.cwd, outputFile);
	mkdirSync(dirname(path), { recursive: true });
	const fd = openSync(path, "w");
	const stream = new JsonlStream((text) => {
		// A string write encodes into a temporary native buffer that is freed at once; a Buffer
		// per batch would be external garbage the GC collects late. A file takes the whole write;
		// anything short of that (a pipe given as -o) gets the rest as bytes.
		const written = writeSync(fd, text);
		const length = Buffer.byteLength(text, "utf8");
		if (written >= length) return;
		const buf = Buffer.from(text, "utf8");
		let off = written;
		while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
	}, options);
	stream.close = () => closeSync(fd);
	return stream;
}
