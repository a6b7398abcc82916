import { isAscii, isUtf8, transcode } from "node:buffer";

/**
 * Reading bytes as text without guessing silently: UTF-8 (with or without
 * BOM), UTF-16 with a BOM, and GB18030 when a file is not valid UTF-8 but
 * decodes as mostly Chinese. Anything else is an InputError naming the line.
 */

export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
	text: string;
	encoding: TextEncodingName;
}

/** A problem with the input itself; the file is reported and skipped. */
export class InputError extends Error {
	override name = "InputError";
	constructor(
		message: string,
		readonly line?: number,
	) {
		super(message);
	}
}

/** Below this many bytes the fixed cost of a transcode call outweighs its speed. */
const TRANSCODE_MIN_BYTES = 256;
let transcodeWorks = true;

/**
 * Decodes bytes already known to be valid UTF-8. For non-ASCII text ICU's
 * transcode to UTF-16 is about four times faster than V8's UTF-8 decoder
 * (Chinese text is nearly all three-byte sequences); on valid input both give
 * the same string.
 */
export function decodeValidUtf8(bytes: Uint8Array): string {
	const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (!transcodeWorks || buf.length < TRANSCODE_MIN_BYTES || isAscii(buf)) return buf.toString("utf8");
	try {
		return transcode(buf, "utf8", "ucs2").toString("ucs2");
	} catch {
		// A Node built without ICU: fall back for the rest of the process.
		transcodeWorks = false;
		return buf.toString("utf8");
	}
}

const gb18030 = new TextDecoder("gb18030", { fatal: true });
const utf16le = new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true });
const utf16be = new TextDecoder("utf-16be", { fatal: true, ignoreBOM: true });

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as the text model does. */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset && i < bytes.length; i++) {
		if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
	}
	return line;
}

/** Offset of the first byte that breaks UTF-8, scanning the well-formedness table of RFC 3629. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let min = 0x80;
		let max = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			if (b === 0xe0) min = 0xa0;
			if (b === 0xed) max = 0x9f;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			if (b === 0xf0) min = 0x90;
			if (b === 0xf4) max = 0x8f;
		} else return i;
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined) return i;
			const lo = k === 1 ? min : 0x80;
			const hi = k === 1 ? max : 0xbf;
			if (c < lo || c > hi) return i;
		}
		i += need + 1;
	}
	return -1;
}

function looksChinese(text: string): boolean {
	let nonAscii = 0;
	let han = 0;
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x80) continue;
		nonAscii++;
		if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef)) han++;
	}
	return nonAscii > 0 && han / nonAscii >= 0.9;
}

/**
 * Decodes a whole text file. Binary content (NUL bytes outside UTF-16) is an
 * error: a .txt that is really an image must not be "linted".
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	// FF FE 00 00 is UTF-32LE, not UTF-16LE text starting with U+0000.
	const head = bytes.length >= 4 ? ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0 : -1;
	if (head === 0xfffe0000 || head === 0x0000feff) throw new InputError("UTF-32 is not supported (convert the file to UTF-8)");
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: decodeOrThrow(utf16le, bytes.subarray(2), "UTF-16LE"), encoding: "utf-16le" };
	}
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: decodeOrThrow(utf16be, bytes.subarray(2), "UTF-16BE"), encoding: "utf-16be" };
	}
	const nul = bytes.indexOf(0);
	if (nul !== -1) {
		throw new InputError(`binary file (NUL byte at offset ${nul}); not linted`, lineOfOffset(bytes, nul));
	}
	const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = hasBom ? bytes.subarray(3) : bytes;
	if (isUtf8(body)) return { text: decodeValidUtf8(body), encoding: hasBom ? "utf-8-bom" : "utf-8" };
	const bad = firstInvalidUtf8(body);
	if (!hasBom) {
		try {
			const text = gb18030.decode(body);
			if (looksChinese(text)) return { text, encoding: "gb18030" };
		} catch {
			// Not GB18030 either; fall through to the UTF-8 error, which names the line.
		}
	}
	const offset = bad + (hasBom ? 3 : 0);
	throw new InputError(`invalid UTF-8 (byte 0x${bytes[offset].toString(16).padStart(2, "0")} at offset ${offset})`, lineOfOffset(bytes, offset));
}

function decodeOrThrow(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array, name: string): string {
	try {
		return decoder.decode(bytes);
	} catch {
		throw new InputError(`invalid ${name} (the file has a ${name} byte-order mark but malformed content)`);
	}
}

/** Encodes text back into the encoding it was read in; GB18030 has no encoder in Node, so it is refused. */
export function encodeText(text: string, encoding: TextEncodingName): Buffer {
	switch (encoding) {
		case "utf-8":
			return Buffer.from(text, "utf8");
		case "utf-8-bom":
			return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
		case "utf-16le":
			return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
		case "utf-16be": {
			const le = Buffer.from(text, "utf16le");
			le.swap16();
			return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
		}
		case "gb18030":
			throw new InputError("cannot write GB18030: fixes are not applied to GB18030 files (convert the file to UTF-8 first)");
	}
}
