/**
 * Text normalisation for comparing lines and paragraphs: two copies of a
 * caption or paragraph count as the same text when they differ only in
 * character width (full-width Ｌａｔｉｎ, half-width katakana), whitespace,
 * punctuation or letter case — the differences OCR and re-typesetting add.
 * Shared by `repeated-caption` and `duplicate-paragraph`.
 */

export interface NormalizeOptions {
	/** Fold letter case (default true). */
	ignoreCase?: boolean;
	/** Fold full-width and compatibility forms with NFKC (default true). */
	ignoreWidth?: boolean;
}

/**
 * Whitespace (including U+3000 and zero-width characters) and punctuation.
 * Symbols (★ © ■ emoji) are not noise: a caption with a ★ is not a copy of
 * one without, and deleting it as one would lose text.
 */
const NOISE_CHAR = /^[\p{P}\p{Z}\s\u200b-\u200d\u2060\ufeff]$/u;

/** NFKC leaves ASCII and the CJK Unified Ideographs block alone; only other text pays for it. */
const NEEDS_NFKC = /[^\u0000-\u007f\u4e00-\u9fff]/u;

let noiseTable: Uint8Array | undefined;
/** Built once per process: a lookup beats a Unicode-property regex by about four times on long paragraphs. */
function noiseBmp(): Uint8Array {
	if (!noiseTable) {
		noiseTable = new Uint8Array(0x10000);
		for (let c = 0; c < 0x10000; c++) {
			if (c >= 0xd800 && c <= 0xdfff) continue;
			if (NOISE_CHAR.test(String.fromCharCode(c))) noiseTable[c] = 1;
		}
	}
	return noiseTable;
}

/** `s` without whitespace and punctuation. */
export function stripNoise(s: string): string {
	const table = noiseBmp();
	let out = "";
	let start = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		let width = 0;
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
			const cp = s.codePointAt(i)!;
			if (cp > 0xffff && NOISE_CHAR.test(String.fromCodePoint(cp))) width = 2;
		} else if (table[c]) width = 1;
		if (!width) continue;
		if (i > start) out += s.slice(start, i);
		i += width - 1;
		start = i + 1;
	}
	return start === 0 ? s : out + s.slice(start);
}

/** The comparison key of a text: what is left once width, case, spacing and punctuation are folded away. */
export function comparisonKey(text: string, options: NormalizeOptions = {}): string {
	const width = options.ignoreWidth !== false;
	const fold = options.ignoreCase !== false;
	const table = keyTable(width, fold);
	// Runs of characters the key keeps as they are are sliced, not copied one by one.
	let out = "";
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let code = table[c];
		if (code === UNKNOWN) code = table[c] = keyCode(c, width, fold);
		if (code === c) continue;
		if (code === SLOW) return slowComparisonKey(text, width, fold);
		if (i > start) out += text.slice(start, i);
		if (code !== DROP) out += String.fromCharCode(code);
		start = i + 1;
	}
	return start === 0 ? text : out + text.slice(start);
}

/** A growable run of UTF-16 code units: many keys side by side, without a string per key. */
export interface CodeUnitPool {
	codes: Uint16Array;
	length: number;
}

export function codeUnitPool(capacity = 1024): CodeUnitPool {
	return { codes: new Uint16Array(capacity), length: 0 };
}

/**
 * Appends `comparisonKey(text, options)` to `pool` as code units and returns
 * its length. Long texts need no string for the key: building one costs more
 * than computing it.
 */
export function appendComparisonKey(pool: CodeUnitPool, text: string, options: NormalizeOptions = {}): number {
	return appendComparisonKeyOf(pool, text, utf16Units(text), 0, text.length, options);
}

/**
 * `appendComparisonKey(pool, text.slice(from, to), options)`, reading the
 * characters from `units`, the code units of `text` (`utf16Units`): one copy
 * of a document serves all its paragraphs, and a typed array reads faster
 * than `charCodeAt` on the sliced strings paragraphs are.
 */
export function appendComparisonKeyOf(
	pool: CodeUnitPool,
	text: string,
	units: Uint16Array,
	from: number,
	to: number,
	options: NormalizeOptions = {},
): number {
	const width = options.ignoreWidth !== false;
	const fold = options.ignoreCase !== false;
	const table = keyTable(width, fold);
	reserve(pool, to - from);
	const codes = pool.codes;
	const start = pool.length;
	let at = start;
	let i = from;
	// Nothing but the table in the loop: handling the rare units it does not map inline makes the loop a third slower.
	for (; i < to; i++) {
		const code = table[units[i]];
		if (code < DROP) break;
		// Stored either way and kept only if not dropped: punctuation comes too irregularly for a branch.
		codes[at] = code;
		at += +(code >= 0);
	}
	if (i < to) {
		// Units seen for the first time get their entries, and the key starts over; units no entry can map send the text down the definition.
		let slow = false;
		for (let j = i; j < to; j++) {
			const c = units[j];
			if (table[c] === UNKNOWN) table[c] = keyCode(c, width, fold);
			if (table[c] === SLOW) slow = true;
		}
		if (!slow) {
			pool.length = start;
			return appendComparisonKeyOf(pool, text, units, from, to, options);
		}
		const key = slowComparisonKey(text.slice(from, to), width, fold);
		reserve(pool, key.length);
		for (let j = 0; j < key.length; j++) pool.codes[start + j] = key.charCodeAt(j);
		pool.length = start + key.length;
		return key.length;
	}
	pool.length = at;
	return at - start;
}

/** Whether a Uint16Array reads UTF-16LE bytes as code units (it does on every platform Node mostly runs on). */
let littleEndian: boolean | undefined;

/**
 * A function returning the UTF-16 code units of a text in a buffer of its
 * own, which its next call reuses: one native write, and a typed array reads
 * faster than `charCodeAt` on the sliced strings paragraphs are.
 */
export function utf16Reader(): (text: string) => Uint16Array {
	let view = new Uint16Array(0);
	let bytes: Buffer | undefined;
	return (text) => {
		if (view.length < text.length) {
			view = new Uint16Array(Math.max(text.length, 2 * view.length, 1024));
			bytes = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
		}
		littleEndian ??= new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
		if (littleEndian && bytes) bytes.write(text, 0, "utf16le");
		else for (let i = 0; i < text.length; i++) view[i] = text.charCodeAt(i);
		return view;
	};
}

/** The UTF-16 code units of `text`, in a buffer the next call reuses. */
export const utf16Units = utf16Reader();

function reserve(pool: CodeUnitPool, extra: number): void {
	const need = pool.length + extra;
	if (need <= pool.codes.length) return;
	const grown = new Uint16Array(Math.max(need, 2 * pool.codes.length));
	grown.set(pool.codes.subarray(0, pool.length));
	pool.codes = grown;
}

/** The definition of the key, for text whose characters the per-character table cannot map on their own. */
function slowComparisonKey(text: string, width: boolean, fold: boolean): string {
	let s = width && NEEDS_NFKC.test(text) ? text.normalize("NFKC") : text;
	s = stripNoise(s);
	return fold ? s.toLowerCase() : s;
}

/*
 * The fast path maps each UTF-16 unit on its own through a table filled on
 * first sight of the unit. That equals the definition only where NFKC and
 * lower-casing act character by character: a unit qualifies when NFKC makes
 * it one character that is stable, is no combining mark and cannot compose
 * with the character before it (conjoining jamo), and whose lower case is one
 * unit without context (final sigma). Anything else (and any surrogate) sends
 * the whole text down the definition.
 */
const UNKNOWN = -3;
const SLOW = -2;
const DROP = -1;
const COMBINES = /^[\p{M}\u1100-\u11ff]$/u;
/** Noise characters of the BMP (none combines with a neighbour), one or more. */
const ALL_NOISE = /^[\p{P}\p{Z}\s\u200b-\u200d\u2060\ufeff]+$/u;
const keyTables: Array<Int32Array | undefined> = [];

function keyTable(width: boolean, fold: boolean): Int32Array {
	const slot = (width ? 2 : 0) + (fold ? 1 : 0);
	let table = keyTables[slot];
	if (!table) keyTables[slot] = table = new Int32Array(0x10000).fill(UNKNOWN);
	return table;
}

function keyCode(c: number, width: boolean, fold: boolean): number {
	// CJK Unified Ideographs: letters with no compatibility form and no case, the bulk of the text.
	if (c >= 0x4e00 && c <= 0x9fff) return c;
	if (c >= 0xd800 && c <= 0xdfff) return SLOW;
	let s = String.fromCharCode(c);
	if (width) {
		s = s.normalize("NFKC");
		// "…" becomes "...": punctuation only, so it leaves nothing in any context.
		if (s.length > 1 && ALL_NOISE.test(s)) return DROP;
		if (s.length !== 1 || s.normalize("NFKC") !== s || COMBINES.test(s)) return SLOW;
		const d = s.charCodeAt(0);
		if (d >= 0xd800 && d <= 0xdfff) return SLOW;
	}
	if (NOISE_CHAR.test(s)) return DROP;
	if (!fold) return s.charCodeAt(0);
	const lower = s.toLowerCase();
	return lower.length !== 1 || s === "\u03a3" ? SLOW : lower.charCodeAt(0);
}

/** Characters that tell numbered items apart ("第一节", "第二节"), so a one-character difference in them is real. */
const NUMERAL = /[\p{Nd}\p{Nl}\p{No}〇零一二三四五六七八九十百千万亿两甲乙丙丁戊己庚辛壬癸ⅰ-ⅿ]/u;

export function isNumeral(char: string): boolean {
	return NUMERAL.test(char);
}

function isSpace(c: number): boolean {
	return (
		c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || c === 0xfeff ||
		c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f
	);
}

/** `s` without leading and trailing whitespace (ideographic space included); scans only the edges. */
export function trimSpace(s: string): string {
	let start = 0;
	let end = s.length;
	while (start < end && isSpace(s.charCodeAt(start))) start++;
	while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
	return start === 0 && end === s.length ? s : s.slice(start, end);
}
