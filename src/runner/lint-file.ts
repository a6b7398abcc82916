/**
 * Lints (and optionally fixes) one input: a text file, a JSONL corpus
 * streamed line by line, or the same read from stdin. Input problems become
 * findings on that file; they never stop the run.
 */
import { isUtf8 } from "node:buffer";
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, statSync, unlinkSync, writeSync } from "node:fs";
import type { Readable } from "node:stream";
import type { ResolvedConfig } from "../config/load-config.js";
import { fixDocuments, lintDocuments } from "../engine/linter.js";
import type { RuleRegistry } from "../engine/rule-registry.js";
import type { FixType, LintMessage, LintResult, ResolvedRules } from "../engine/types.js";
import { assertWritable, commitTemp, tempPathFor, writeFileAtomic } from "../io/atomic-write.js";
import { decodeText, decodeValidUtf8, encodeText, InputError, type DecodedText } from "../io/decode.js";
import { findTopLevelField, replaceField } from "../io/json-field.js";
import { readFileLines, readLines, type RawLine } from "../io/line-reader.js";
import { emptyResult, tallyInto, tallyResult } from "./result.js";

export type InputKind = "text" | "jsonl";

export function inputKindOf(path: string): InputKind {
	return /\.jsonl$/iu.test(path) ? "jsonl" : "text";
}

export interface DocumentInfo {
	/** JSONL line number (1 for text files). */
	line: number;
	id?: string | number | null;
	/** The fixed text, when fixing changed the document. */
	fixed?: string;
}

export interface FileLintOptions {
	config: ResolvedConfig;
	registry: RuleRegistry;
	/** Apply fixes (write them unless `write` is false). */
	fix?: boolean;
	/** Write fixed files (false for --fix-dry-run and stdin). */
	write?: boolean;
	fixTypes?: FixType[];
	/** Milliseconds per rule are added here when given (--stats). */
	stats?: Record<string, number>;
	/**
	 * Receives each document's messages as soon as it is done, for streaming
	 * output; when given, messages are not kept in the result (flat memory).
	 */
	onDocument?: (messages: LintMessage[], doc: DocumentInfo) => void;
	/** Lint and report each JSONL document as soon as it is read, not in batches (stdin: a filter answers line by line). */
	eachDocument?: boolean;
}

function fatal(message: string, line = 1, severity: 1 | 2 = 2): LintMessage {
	return { ruleId: null, severity, message, line, column: 1, fatal: severity === 2 ? true : undefined };
}

/**
 * Lints, or with `options.fix` fixes, documents together (see lintDocuments); `output` is set
 * only when fixing changed a document. `naming` gives each document's file name, or one for all.
 */
function runDocuments(
	texts: readonly string[],
	rules: ResolvedRules,
	options: FileLintOptions,
	naming: { filename?: string; filenames?: readonly string[] },
): Array<{ messages: LintMessage[]; output?: string }> {
	const { registry, stats, fixTypes } = options;
	if (options.fix) {
		return fixDocuments(texts, rules, registry, { ...naming, fixTypes, stats }).map((r) => ({ messages: r.messages, output: r.fixed ? r.output : undefined }));
	}
	return lintDocuments(texts, rules, registry, { ...naming, stats }).map((messages) => ({ messages }));
}

function describeError(error: unknown): string {
	const e = error as NodeJS.ErrnoException;
	if (e.code === "ENOENT") return "file disappeared before it could be read";
	if (e.code === "EACCES" || e.code === "EPERM") return "permission denied";
	if (e.code === "EISDIR") return "is a directory";
	return e.code ? `${e.code}: ${e.message}` : e.message;
}

/** Files up to this size are read into one reused buffer: decoding copies the bytes, so nothing keeps them. */
const SCRATCH_BYTES = 1 << 20;
let scratch: Buffer | undefined;

/**
 * Reads the `size` bytes fstat reported, into the reused buffer when they fit:
 * readFileSync on a descriptor repeats the fstat, allocates a fresh buffer per
 * file (external memory that brings the GC sooner) and reads once more to find
 * the end. A size of 0 (a pipe, a /proc file) is read to its end instead.
 */
function readWhole(fd: number, size: number): Buffer {
	if (size === 0) return readFileSync(fd);
	const buf = size <= SCRATCH_BYTES ? (scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES)) : Buffer.allocUnsafe(size);
	let length = 0;
	while (length < size) {
		const n = readSync(fd, buf, length, size - length, null);
		// Shrunk since fstat: lint what is there.
		if (n === 0) break;
		length += n;
	}
	return buf.subarray(0, length);
}

/** A text file read and decoded (`text`), or without `text` when its result already says why it cannot be linted. */
interface ReadText {
	path: string;
	result: LintResult;
	text?: string;
	encoding?: DecodedText["encoding"];
	/** The lint or fix report, once its batch has run. */
	report?: { messages: LintMessage[]; output?: string };
}

function readTextFile(path: string, config: ResolvedConfig): ReadText {
	const result = emptyResult(path);
	let bytes: Buffer;
	let fd: number | undefined;
	try {
		// One open and fstat on the descriptor, not a stat by path and then a read by path (a path lookup each).
		fd = openSync(path, "r");
		const size = fstatSync(fd).size;
		if (size > config.maxDocumentSize) {
			result.messages.push(fatal(`document too large (${size} bytes, limit ${config.maxDocumentSize}); not linted`));
			return { path, result: tallyResult(result) };
		}
		bytes = readWhole(fd, size);
	} catch (error) {
		result.messages.push(fatal(`cannot read file: ${describeError(error)}`));
		return { path, result: tallyResult(result) };
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
	return decodeInto(path, bytes, result);
}

function decodeInto(path: string, bytes: Uint8Array, result: LintResult): ReadText {
	try {
		const decoded = decodeText(bytes);
		result.documentCount = 1;
		if (decoded.encoding !== "utf-8") result.encoding = decoded.encoding;
		return { path, result, text: decoded.text, encoding: decoded.encoding };
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		result.messages.push(fatal(error.message, error.line));
		return { path, result: tallyResult(result) };
	}
}

/** Lints a plain text file (any supported encoding). */
export function lintTextFile(path: string, options: FileLintOptions): LintResult {
	return lintReadTexts([readTextFile(path, options.config)], options)[0];
}

/**
 * Lints text files as batches of documents (see lintDocuments: each rule runs over all of
 * them in turn); results, writes and document callbacks in the order of `paths`. Only one
 * batch is read at a time; `onResult` hears of each file as its batch finishes (progress).
 */
export function lintTextFiles(
	paths: readonly string[],
	options: FileLintOptions,
	onDocumentOf?: (path: string) => FileLintOptions["onDocument"],
	onResult?: (result: LintResult) => void,
): LintResult[] {
	const results: LintResult[] = [];
	let batch: ReadText[] = [];
	let chars = 0;
	const flush = () => {
		for (const result of lintReadTexts(batch, options, onDocumentOf)) {
			results.push(result);
			onResult?.(result);
		}
		batch = [];
		chars = 0;
	};
	for (const path of paths) {
		const file = readTextFile(path, options.config);
		batch.push(file);
		chars += file.text?.length ?? 0;
		if (batch.length >= BATCH_LINES || chars >= BATCH_CHARS) flush();
	}
	if (batch.length) flush();
	return results;
}

export function lintTextBytes(path: string, bytes: Uint8Array, options: FileLintOptions, result = emptyResult(path)): LintResult {
	return lintReadTexts([decodeInto(path, bytes, result)], options)[0];
}

function lintReadTexts(files: ReadText[], options: FileLintOptions, onDocumentOf?: (path: string) => FileLintOptions["onDocument"]): LintResult[] {
	// Documents linted together need the same rules and the same fixing. Node has no GB18030
	// encoder: such files are linted but never fixed, rather than silently transcoded.
	const batches = new Map<ResolvedRules, { lint: ReadText[]; fix: ReadText[] }>();
	for (const file of files) {
		if (file.text === undefined) continue;
		const rules = options.config.rulesFor(file.path);
		let batch = batches.get(rules);
		if (!batch) batches.set(rules, (batch = { lint: [], fix: [] }));
		(options.fix && file.encoding !== "gb18030" ? batch.fix : batch.lint).push(file);
	}
	const run = (group: ReadText[], rules: ResolvedRules, fix: boolean) => {
		if (group.length === 0) return;
		const reports = runDocuments(
			group.map((f) => f.text!),
			rules,
			{ ...options, fix },
			{ filenames: group.map((f) => f.path) },
		);
		group.forEach((f, k) => (f.report = reports[k]));
	};
	for (const [rules, { lint, fix }] of batches) {
		run(lint, rules, false);
		run(fix, rules, true);
	}
	return files.map((file) => (file.report ? finishText(file, options, onDocumentOf?.(file.path) ?? options.onDocument) : file.result));
}

/** Writes a text file's fixes and completes its result. */
function finishText(file: ReadText, options: FileLintOptions, onDocument: FileLintOptions["onDocument"]): LintResult {
	const { path, result, encoding } = file;
	let { messages, output } = file.report!;
	if (output !== undefined && options.write) {
		try {
			writeFileAtomic(path, encodeText(output, encoding!));
		} catch (error) {
			// The file is unchanged, so report its problems as they still are.
			result.messages.push(fatal(`cannot write fixes: ${describeError(error)}`));
			[{ messages }] = runDocuments([file.text!], options.config.rulesFor(path), { ...options, fix: false }, { filename: path });
			output = undefined;
		}
	}
	if (encoding === "gb18030") result.messages.push(fatal("file is GB18030-encoded, not UTF-8 (read as GB18030; --fix does not rewrite it)", 1, 1));
	result.messages.push(...messages);
	if (output !== undefined) result.output = output;
	tallyResult(result);
	if (onDocument) {
		onDocument(result.messages, { line: 1, fixed: result.output });
		result.messages = result.messages.filter((m) => m.ruleId === null);
	}
	return result;
}

/** Buffered output for a JSONL rewrite, flushed in 1 MB writes from one reused buffer. */
class FileSink {
	#fd: number;
	#buffer = Buffer.allocUnsafe(1 << 20);
	#size = 0;
	constructor(readonly path: string) {
		this.#fd = openSync(path, "wx", 0o644);
	}
	/** Copies `buf` (a line from the reader is only valid until the next one is read). */
	write(buf: Uint8Array): void {
		if (this.#size + buf.length > this.#buffer.length) {
			this.flush();
			if (buf.length > this.#buffer.length) {
				this.#writeAll(buf);
				return;
			}
		}
		this.#buffer.set(buf, this.#size);
		this.#size += buf.length;
	}
	/** Encodes `text` as UTF-8 into the buffer, without a Buffer per string. */
	writeText(text: string): void {
		if (this.#size + text.length * 3 > this.#buffer.length) {
			this.flush();
			if (text.length * 3 > this.#buffer.length) {
				this.#writeAll(Buffer.from(text, "utf8"));
				return;
			}
		}
		this.#size += this.#buffer.write(text, this.#size, "utf8");
	}
	flush(): void {
		this.#writeAll(this.#buffer.subarray(0, this.#size));
		this.#size = 0;
	}
	#writeAll(data: Uint8Array): void {
		let off = 0;
		while (off < data.length) off += writeSync(this.#fd, data, off, data.length - off);
	}
	/** Streams `length` bytes of another file, from `offset`, into this one. */
	copyFrom(path: string, offset: number, length: number): void {
		this.flush();
		const fd = openSync(path, "r");
		try {
			const chunk = Buffer.allocUnsafe(Math.min(length, 1 << 20));
			for (let done = 0; done < length; ) {
				const n = readSync(fd, chunk, 0, Math.min(chunk.length, length - done), offset + done);
				if (n === 0) throw new Error(`${path} shrank while it was being fixed`);
				let off = 0;
				while (off < n) off += writeSync(this.#fd, chunk, off, n - off);
				done += n;
			}
		} finally {
			closeSync(fd);
		}
	}
	close(): void {
		this.flush();
		fsyncSync(this.#fd);
		closeSync(this.#fd);
	}
	abandon(): void {
		try {
			closeSync(this.#fd);
		} catch {
			// Already closed.
		}
		try {
			unlinkSync(this.path);
		} catch {
			// Already gone.
		}
	}
}


interface JsonlDocument {
	line: RawLine;
	text?: string;
	id?: string | number | null;
	source?: string;
	bom?: boolean;
	error?: string;
}

function parseJsonlLine(line: RawLine, config: ResolvedConfig): JsonlDocument | undefined {
	if (line.tooLong) return { line, error: `line too long (${line.tooLong.length} bytes, limit ${config.maxDocumentSize}); not linted` };
	// A BOM on the first line is the file's, not part of the JSON; it is written back untouched.
	const bom = line.number === 1 && line.bytes[0] === 0xef && line.bytes[1] === 0xbb && line.bytes[2] === 0xbf;
	const bytes = bom ? line.bytes.subarray(3) : line.bytes;
	// isUtf8 + a non-validating decode is several times faster than a fatal TextDecoder on large corpora.
	if (!isUtf8(bytes)) return { line, error: "invalid UTF-8 in JSONL line" };
	const source = decodeValidUtf8(bytes);
	if (source.trim() === "") return undefined;
	let value: unknown;
	try {
		value = JSON.parse(source);
	} catch (error) {
		return { line, error: `malformed JSON: ${(error as Error).message.replace(/^JSON\.parse: /u, "")}` };
	}
	if (typeof value !== "object" || value === null || Array.isArray(value)) return { line, error: "JSONL line is not a JSON object" };
	const record = value as Record<string, unknown>;
	const { textField, idField } = config.jsonl;
	const rawId = record[idField];
	const id = typeof rawId === "string" || typeof rawId === "number" ? rawId : rawId === undefined ? undefined : null;
	const text = record[textField];
	if (text === undefined) return { line, id, error: `text field "${textField}" is missing` };
	if (typeof text !== "string") return { line, id, error: `text field "${textField}" is not a string (${text === null ? "null" : typeof text})` };
	return { line, id, text, source, bom };
}

/** Moves document-relative positions into doc* fields and points `line` at the JSONL line. */
function toCorpusMessage(m: LintMessage, doc: JsonlDocument): LintMessage {
	const out: LintMessage = {
		ruleId: m.ruleId,
		severity: m.severity,
		message: m.message,
		line: doc.line.number,
		column: 1,
		docId: doc.id ?? null,
		docLine: m.line,
		docColumn: m.column,
		docEndLine: m.endLine,
		docEndColumn: m.endColumn,
	};
	if (m.messageId) out.messageId = m.messageId;
	if (m.fatal) out.fatal = true;
	if (m.fix) out.fix = m.fix;
	if (m.suggestions) out.suggestions = m.suggestions;
	return out;
}

/**
 * Documents linted together — JSONL lines, or text files (see lintDocuments: each rule runs over
 * all of them in turn, with its tables in cache) — up to a total length that keeps memory flat.
 */
export const BATCH_LINES = 16;
const BATCH_CHARS = 1 << 18;

/** A line read and parsed, waiting for its batch. */
interface PendingLine {
	line: Pick<RawLine, "number" | "eol" | "tooLong" | "offset">;
	/** A copy of the line's bytes, when they are to be written back. */
	bytes: Buffer | undefined;
	doc: JsonlDocument | undefined;
}

/**
 * Lints a JSONL corpus from a file or stream, one document per line. A stream
 * that is a slice of the file gives the number of its first line.
 */
export async function lintJsonl(path: string, options: FileLintOptions, stream?: Readable, firstLine = 1): Promise<LintResult> {
	const result = emptyResult(path);
	const { config } = options;
	const rules = config.rulesFor(path);
	let sink: FileSink | undefined;
	let changed = false;
	let documents = 0;
	// Lines wait in a batch and its documents are linted (or fixed) together; messages and lines still go out in input order.
	const batch: PendingLine[] = [];
	let batchChars = 0;
	const flushBatch = () => {
		if (batch.length === 0) return;
		// Taken out first: a batch whose linting throws is not linted again by the error handling below.
		const pending = batch.splice(0);
		batchChars = 0;
		const docs: JsonlDocument[] = [];
		for (const p of pending) if (p.doc && !p.doc.error) docs.push(p.doc);
		const texts = docs.map((doc) => doc.text!);
		const reports = runDocuments(texts, rules, options, { filename: path });
		let next = 0;
		for (const { line, bytes, doc } of pending) {
			let rewritten: string | undefined;
			if (doc?.error) {
				const m: LintMessage = { ...fatal(doc.error, line.number), docId: doc.id ?? null };
				result.messages.push(m);
				options.onDocument?.([m], { line: line.number, id: doc.id });
			} else if (doc) {
				const { messages, output } = reports[next++];
				const corpusMessages = messages.map((m) => toCorpusMessage(m, doc));
				if (options.onDocument) options.onDocument(corpusMessages, { line: line.number, id: doc.id, fixed: output });
				else result.messages.push(...corpusMessages);
				tallyInto(result, corpusMessages);
				if (output !== undefined && sink) {
					const span = findTopLevelField(doc.source!, config.jsonl.textField)!;
					rewritten = (doc.bom ? "\ufeff" : "") + replaceField(doc.source!, span, output);
					changed = true;
				}
			}
			if (sink) {
				// A line too long to hold was skipped while reading; copy it back from the file as it is.
				if (line.tooLong) sink.copyFrom(path, line.offset, line.tooLong.length);
				else if (rewritten !== undefined) sink.writeText(rewritten);
				else sink.write(bytes!);
				if (line.eol) sink.writeText(line.eol);
			}
		}
	};
	try {
		if (!stream) statSync(path);
		if (options.fix && options.write && !stream) {
			try {
				assertWritable(path);
				sink = new FileSink(tempPathFor(path));
			} catch (error) {
				// Cannot write: lint without fixing, so the report shows the problems the file still has.
				result.messages.push(fatal(`cannot write fixes: ${describeError(error)}`));
				options = { ...options, fix: false };
			}
		}
		const lines = stream ? readLines(stream, config.maxDocumentSize, firstLine) : readFileLines(path, config.maxDocumentSize);
		for await (const line of lines) {
			const doc = parseJsonlLine(line, config);
			if (doc && !doc.error) documents++;
			// The reader reuses a line's bytes for the next one: a line waiting to be written back is copied.
			const bytes = sink && !line.tooLong ? Buffer.from(line.bytes) : undefined;
			batch.push({ line: { number: line.number, eol: line.eol, tooLong: line.tooLong, offset: line.offset }, bytes, doc });
			batchChars += doc?.text?.length ?? line.bytes.length;
			if (options.eachDocument || batch.length >= BATCH_LINES || batchChars >= BATCH_CHARS) flushBatch();
		}
		flushBatch();
		if (sink) {
			const finished = sink;
			sink = undefined;
			try {
				finished.close();
				if (changed) commitTemp(finished.path, path);
				else unlinkSync(finished.path);
			} catch (error) {
				finished.abandon();
				result.messages.push(fatal(`cannot write fixes: ${describeError(error)}`));
			}
		}
	} catch (error) {
		sink?.abandon();
		sink = undefined;
		if ((error as NodeJS.ErrnoException).code || error instanceof InputError) {
			// The documents read before the error are reported before it, as they came.
			flushBatch();
			result.messages.push(fatal(`cannot read file: ${describeError(error)}`));
		} else throw error;
	}
	result.documentCount = documents;
	// Document messages were tallied as they came (they may not be kept); add the file-level ones.
	tallyInto(result, result.messages.filter((m) => m.docLine === undefined));
	result.messages.sort((a, b) => a.line - b.line || (a.docLine ?? 0) - (b.docLine ?? 0) || (a.docColumn ?? 0) - (b.docColumn ?? 0));
	return result;
}

