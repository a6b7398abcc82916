/**
 * Character classes for Chinese text, shared by the typography rules and any
 * rule that needs to know whether a position sits inside Chinese prose.
 * Everything works on UTF-16 code units of a string plus code points where
 * astral characters (CJK extension B and later, emoji) matter.
 */

/** True for CJK ideographs, including the extension blocks and 〇. */
export function isHan(cp: number): boolean {
	return (
		(cp >= 0x4e00 && cp <= 0x9fff) ||
		(cp >= 0x3400 && cp <= 0x4dbf) ||
		(cp >= 0xf900 && cp <= 0xfaff) ||
		(cp >= 0x20000 && cp <= 0x3134f) ||
		cp === 0x3007
	);
}

/** A Han code unit of the BMP ideograph blocks U+3400–U+9FFF, the range the OCR pair tables index. */
export const isHanUnit = (c: number): boolean => c >= 0x3400 && c <= 0x9fff && isHan(c);

/**
 * Full-width and CJK punctuation as used in Chinese text: the CJK Symbols and
 * Punctuation block (without the ideographic space), full-width ASCII
 * punctuation, curly quotes, the ellipsis, the dash and the middle dot.
 */
export function isCjkPunctuation(cp: number): boolean {
	return (
		(cp >= 0x3001 && cp <= 0x303f) ||
		(cp >= 0xff01 && cp <= 0xff0f) ||
		(cp >= 0xff1a && cp <= 0xff20) ||
		(cp >= 0xff3b && cp <= 0xff40) ||
		(cp >= 0xff5b && cp <= 0xff65) ||
		cp === 0x2018 ||
		cp === 0x2019 ||
		cp === 0x201c ||
		cp === 0x201d ||
		cp === 0x2026 ||
		cp === 0x2014 ||
		cp === 0x00b7
	);
}

/** Han or CJK punctuation: a character that only occurs in Chinese (or Japanese) prose. */
export function isChinese(cp: number): boolean {
	return isHan(cp) || isCjkPunctuation(cp);
}

/** Closing marks and sentence punctuation a space must never precede in Chinese text. */
const CLOSING_CJK = new Set([..."，。、；：？！）》」』】〕〉”’"].map((c) => c.codePointAt(0)!));
export function isClosingCjkPunctuation(cp: number): boolean {
	return CLOSING_CJK.has(cp);
}

/** Spaces that can sit inside a line: ASCII space, tab, NBSP. U+3000 is an indent, not a gap. */
export function isHorizontalSpace(cp: number): boolean {
	return cp === 0x20 || cp === 0x09 || cp === 0xa0;
}

export function isAsciiDigit(cp: number): boolean {
	return cp >= 0x30 && cp <= 0x39;
}

export function isAsciiLetter(cp: number): boolean {
	return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/** The code point that ends just before `index` (handles surrogate pairs), or -1. */
export function codePointBefore(text: string, index: number): number {
	if (index <= 0) return -1;
	const low = text.charCodeAt(index - 1);
	if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
		const high = text.charCodeAt(index - 2);
		if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
	}
	return low;
}

/** The code point starting at `index`, or -1 past the end. */
export function codePointAt(text: string, index: number): number {
	return index >= text.length || index < 0 ? -1 : text.codePointAt(index)!;
}

/**
 * Offset of the nearest character before `index` that is not a horizontal
 * space, staying on the same line; -1 when there is none.
 */
export function prevNonSpaceIndex(text: string, index: number): number {
	let i = index - 1;
	while (i >= 0 && isHorizontalSpace(text.charCodeAt(i))) i--;
	if (i < 0) return -1;
	const c = text.charCodeAt(i);
	if (c === 0x0a || c === 0x0d) return -1;
	// Step back to the start of a surrogate pair so callers read whole code points.
	if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
		const h = text.charCodeAt(i - 1);
		if (h >= 0xd800 && h <= 0xdbff) return i - 1;
	}
	return i;
}

/** Offset of the nearest character at or after `index` that is not a horizontal space, on the same line; -1 when none. */
export function nextNonSpaceIndex(text: string, index: number): number {
	let i = index;
	while (i < text.length && isHorizontalSpace(text.charCodeAt(i))) i++;
	if (i >= text.length) return -1;
	const c = text.charCodeAt(i);
	return c === 0x0a || c === 0x0d ? -1 : i;
}

/** Code point of the nearest non-space character before `index` on its line, or -1. */
export function prevNonSpace(text: string, index: number): number {
	const i = prevNonSpaceIndex(text, index);
	return i < 0 ? -1 : codePointAt(text, i);
}

/** Code point of the nearest non-space character after the character at `index` on its line, or -1. */
export function nextNonSpace(text: string, index: number): number {
	const i = nextNonSpaceIndex(text, index);
	return i < 0 ? -1 : codePointAt(text, i);
}

/**
 * Whether the character at `index` sits inside Chinese text: the nearest
 * non-space neighbour on either side (same line) is Han or CJK punctuation.
 */
export function isInChineseText(text: string, index: number, length = 1): boolean {
	const before = prevNonSpace(text, index);
	if (before >= 0 && isChinese(before)) return true;
	const after = nextNonSpace(text, index + length);
	return after >= 0 && isChinese(after);
}

/** Number of Han characters in the text (astral ideographs count once). */
export function countHan(text: string): number {
	let n = 0;
	for (const ch of text) if (isHan(ch.codePointAt(0)!)) n++;
	return n;
}
