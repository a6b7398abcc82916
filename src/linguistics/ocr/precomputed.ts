/**
 * data/ocr-tables.bin: the lookup tables the OCR detectors derive from other
 * data files (the look-alike relation, the pair coverage matrix, the reading
 * filter), precomputed by `npx tsx scripts/build-ocr-tables.ts` (see
 * build-tables.ts for what goes in) and checked for freshness by
 * test/linguistics/ocr-tables.test.ts.
 *
 * Why: every process and every worker thread built them on first use, ~150 ms
 * of start-up mostly in code not yet optimised; viewing them costs ~2 ms.
 *
 * Layout (little-endian): "CLT1", u32 headerBytes, a JSON header of
 * [name, kind, length, byteOffset] entries (padded with spaces to 8 bytes),
 * then each typed array at its byteOffset (8-byte aligned, from the file start).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../package-root.js";
import { lazy } from "./data.js";

export type TableArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

const KINDS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array, f32: Float32Array, f64: Float64Array };
type Kind = keyof typeof KINDS;
type Entry = [name: string, kind: Kind, length: number, byteOffset: number];

const MAGIC = 0x31544c43; // "CLT1"
const FILE = "ocr-tables.bin";
const align8 = (n: number) => (n + 7) & ~7;

function kindOf(array: TableArray): Kind {
	for (const [kind, type] of Object.entries(KINDS)) if (array instanceof type) return kind as Kind;
	throw new Error("corpuslint: unsupported table type");
}

/** The file's bytes for the named arrays (in the given order). */
export function encodeTables(tables: Record<string, TableArray>): Uint8Array {
	const entries: Entry[] = [];
	const names = Object.keys(tables);
	// Offsets depend on the header's length, which depends on the offsets' digits: settle by iterating.
	let headerBytes = 0;
	for (let settled = false; !settled; ) {
		let at = align8(8 + headerBytes);
		entries.length = 0;
		for (const name of names) {
			const array = tables[name];
			entries.push([name, kindOf(array), array.length, at]);
			at = align8(at + array.byteLength);
		}
		const needed = align8(8 + Buffer.byteLength(JSON.stringify(entries))) - 8;
		settled = needed === headerBytes;
		headerBytes = needed;
	}
	const last = entries[entries.length - 1];
	const bytes = new Uint8Array(last ? align8(last[3] + tables[last[0]].byteLength) : 8 + headerBytes);
	const view = new DataView(bytes.buffer);
	view.setUint32(0, MAGIC, true);
	view.setUint32(4, headerBytes, true);
	bytes.set(Buffer.from(JSON.stringify(entries).padEnd(headerBytes, " ")), 8);
	for (const [name, , , offset] of entries) {
		const array = tables[name];
		bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
	}
	return bytes;
}

/** Views the arrays of `bytes` (copied first when not 8-byte aligned, as a Buffer need not be). */
export function decodeTables(bytes: Uint8Array): Map<string, TableArray> {
	// new Uint8Array copies (Buffer's slice would not).
	const aligned = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
	const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
	if (view.getUint32(0, true) !== MAGIC) throw new Error(`corpuslint: data/${FILE} is not a table file of this version (re-run scripts/build-ocr-tables.ts)`);
	const headerBytes = view.getUint32(4, true);
	const entries = JSON.parse(new TextDecoder().decode(aligned.subarray(8, 8 + headerBytes))) as Entry[];
	const buffer = aligned.buffer as ArrayBuffer;
	const tables = new Map<string, TableArray>();
	for (const [name, kind, length, offset] of entries) tables.set(name, new KINDS[kind](buffer, aligned.byteOffset + offset, length));
	return tables;
}

const shipped = lazy(() => decodeTables(readFileSync(join(packageRoot, "data", FILE))));

/** A table of data/ocr-tables.bin (read on first use), checked to be of the expected type. */
export function precomputed<T extends TableArray>(name: string, type: new (length: number) => T): T {
	const table = shipped().get(name);
	if (!(table instanceof type)) throw new Error(`corpuslint: data/${FILE} lacks table ${name} (re-run scripts/build-ocr-tables.ts)`);
	return table;
}
