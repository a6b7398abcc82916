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

export interface JsonlStreamOptions {
	cwd: string;
	/** Errors only (--quiet). */
	quiet?: boolean;
	/** Write every line at once (stdin filters); otherwise writes are batched. */
	flushEachDocument?: boolean;
}

const BATCH_CHARS = 1 << 18;

export class JsonlStream {
	#parts: string[] = [];
	#size = 0;
	#emittedFiles = new Set<string>();

	constructor(
		private readonly write: (text: string) => void,
		private readonly options: JsonlStreamOptions,
	) {}

	#name(filePath: string): string {
		return relative(this.options.cwd, filePath).split(sep).join("/");
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
			const shown = this.options.quiet ? messages.filter((m) => m.severity === 2) : messages;
			const record: Record<string, unknown> = { file, id: doc.id ?? null, line: doc.line, messages: shown };
			if (doc.fixed !== undefined) record.fixed = doc.fixed;
			this.#push(`${JSON.stringify(record)}\n`);
		};
	};

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
