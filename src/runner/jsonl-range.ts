/**
 * Lints a slice of a JSONL file — a byte range aligned to line starts, given
 * as a stream — as if it had been read as part of the whole file: line
 * numbers are shifted so a slice's messages equal the whole file's.
 * Worker batches and `--shard` byte ranges both go through here.
 */
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { Readable } from "node:stream";
import type { LintMessage, LintResult } from "../engine/types.js";
import { lintJsonl, type DocumentInfo, type FileLintOptions } from "./lint-file.js";

export interface DocumentRecord {
	messages: LintMessage[];
	doc: DocumentInfo;
}

/**
 * `firstLine` is the 1-based number of the slice's first line in the file.
 * Fixes are never written here (a slice cannot rewrite the file); with
 * `collect`, per-document records are returned instead of kept messages.
 */
export async function lintJsonlSlice(
	path: string,
	stream: Readable,
	firstLine: number,
	options: FileLintOptions,
	collect?: DocumentRecord[],
): Promise<LintResult> {
	const onDocument = collect ? (messages: LintMessage[], doc: DocumentInfo) => void collect.push({ messages, doc }) : options.onDocument;
	// Lines are numbered from firstLine as they are read, so no message needs moving afterwards.
	return lintJsonl(path, { ...options, write: false, onDocument }, stream, firstLine);
}

export interface ByteRange {
	start: number;
	/** Exclusive. */
	end: number;
	/** Number of the line that starts at `start`. */
	firstLine: number;
}

/** Lints the lines that start inside a byte range of a JSONL file (`--shard`). */
export function lintJsonlRange(path: string, range: ByteRange, options: FileLintOptions): Promise<LintResult> {
	const stream = range.end > range.start ? createReadStream(path, { start: range.start, end: range.end - 1, highWaterMark: 1 << 20 }) : Readable.from([]);
	return lintJsonlSlice(path, stream, range.firstLine, options);
}

const SCAN_CHUNK = 1 << 20;

/**
 * The first line start at or after `offset` (a line starts at 0 or right
 * after "\n"), and the number of that line, counting every newline before it.
 */
export function alignToLineStart(path: string, offset: number, size: number): { offset: number; line: number } {
	if (offset <= 0) return { offset: 0, line: 1 };
	if (offset >= size) offset = size;
	const fd = openSync(path, "r");
	try {
		const buf = Buffer.allocUnsafe(SCAN_CHUNK);
		let lines = 1;
		let pos = 0;
		let aligned = -1;
		// Count newlines before offset-1, then find the first newline at or after offset-1.
		while (pos < size) {
			const n = readSync(fd, buf, 0, Math.min(SCAN_CHUNK, size - pos), pos);
			if (n <= 0) break;
			let i = 0;
			for (;;) {
				const nl = buf.indexOf(0x0a, i);
				if (nl === -1 || nl >= n) break;
				lines++;
				if (pos + nl >= offset - 1) {
					aligned = pos + nl + 1;
					break;
				}
				i = nl + 1;
			}
			if (aligned !== -1) break;
			pos += n;
		}
		if (aligned === -1) return { offset: size, line: lines };
		return { offset: aligned, line: lines };
	} finally {
		closeSync(fd);
	}
}
