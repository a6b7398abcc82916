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
	let s = options.ignoreWidth !== false && NEEDS_NFKC.test(text) ? text.normalize("NFKC") : text;
	s = stripNoise(s);
	return options.ignoreCase === false ? s : s.toLowerCase();
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
