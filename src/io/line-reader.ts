import { open } from "node:fs/promises";
import type { Readable } from "node:stream";

export interface RawLine {
	/** 1-based line number in the file. */
	number: number;
	/** The line's bytes without its terminator (empty when `tooLong`). */
	bytes: Buffer;
	/** The terminator as it was: "\n", "\r\n" or "" on a last line without one. */
	eol: string;
	/** Set when the line exceeded the limit; its bytes were skipped, not buffered. */
	tooLong?: { length: number };
	/**
	 * Byte offset of the line's first byte in the stream, so a writer can copy a
	 * skipped (too long) line from the source file instead of losing it.
	 */
	offset: number;
}

const READ_CHUNK_BYTES = 1 << 20;

/**
 * Streams a file's lines as bytes, so memory stays flat on multi-GB JSONL and
 * unchanged lines can be written back byte for byte. A line longer than
 * `maxLineBytes` is skipped while reading and reported, never held in memory.
 *
 * The file is read into one buffer, reused: a line's `bytes` are valid until
 * the next line is requested (copy them to keep them). A fresh buffer per read
 * was a megabyte of external garbage each time, freed late and kept by malloc.
 */
export function readFileLines(path: string, maxLineBytes: number, chunkBytes = READ_CHUNK_BYTES): AsyncGenerator<RawLine> {
	return readLines(readChunksInto(path, Buffer.allocUnsafe(chunkBytes)), maxLineBytes);
}

async function* readChunksInto(path: string, buffer: Buffer): AsyncGenerator<Buffer> {
	const handle = await open(path, "r");
	try {
		for (;;) {
			const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
			if (bytesRead === 0) return;
			yield buffer.subarray(0, bytesRead);
		}
	} finally {
		await handle.close();
	}
}

/**
 * The lines of a stream of chunks, numbered from `firstLine` (a slice of a file
 * numbers its lines as the whole file does). A chunk may be reused for the next read
 * (readFileLines does): the unfinished line at a chunk's end is copied, and a
 * line within one chunk is a view of it, valid until the next line is requested.
 */
export async function* readLines(stream: AsyncIterable<Buffer> | Readable, maxLineBytes: number, firstLine = 1): AsyncGenerator<RawLine> {
	let parts: Buffer[] = [];
	let partsLength = 0;
	let skipping = false;
	let skippedLength = 0;
	let number = firstLine;
	let lineStart = 0;
	let consumed = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		let start = 0;
		while (start <= chunk.length) {
			const nl = chunk.indexOf(0x0a, start);
			const end = nl === -1 ? chunk.length : nl;
			const piece = chunk.subarray(start, end);
			if (skipping) skippedLength += piece.length;
			else if (partsLength + piece.length > maxLineBytes) {
				skipping = true;
				skippedLength = partsLength + piece.length;
				parts = [];
				partsLength = 0;
			} else if (piece.length) {
				parts.push(piece);
				partsLength += piece.length;
			}
			if (nl === -1) {
				// The line goes on in the next chunk, which may be read into this one's memory.
				if (piece.length && !skipping) parts[parts.length - 1] = Buffer.from(piece);
				break;
			}
			const line = finish(number++, "\n");
			lineStart = consumed + nl + 1;
			yield line;
			start = nl + 1;
		}
		consumed += chunk.length;
	}
	if (partsLength > 0 || skipping) yield finish(number, "");

	function finish(n: number, eol: string): RawLine {
		if (skipping) {
			const line: RawLine = { number: n, bytes: Buffer.alloc(0), eol, tooLong: { length: skippedLength }, offset: lineStart };
			skipping = false;
			skippedLength = 0;
			return line;
		}
		let bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, partsLength);
		parts = [];
		partsLength = 0;
		if (eol === "\n" && bytes.length && bytes[bytes.length - 1] === 0x0d) {
			bytes = bytes.subarray(0, bytes.length - 1);
			eol = "\r\n";
		}
		// No copy: a view into the chunk, or the concatenation of the pieces the line spanned.
		return { number: n, bytes, eol, offset: lineStart };
	}
}
