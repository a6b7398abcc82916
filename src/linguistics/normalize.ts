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
 * Whitespace (including U+3000 and zero-width characters), punctuation and
 * symbols. One character class under a single quantifier: linear time.
 */
const NOISE = /[\p{P}\p{S}\p{Z}\s\u200b-\u200d\u2060\ufeff]+/gu;

/** The comparison key of a text: what is left once width, case, spacing and punctuation are folded away. */
export function comparisonKey(text: string, options: NormalizeOptions = {}): string {
	let s = options.ignoreWidth === false ? text : text.normalize("NFKC");
	s = s.replace(NOISE, "");
	return options.ignoreCase === false ? s : s.toLowerCase();
}

/** Characters that tell numbered items apart ("第一节", "第二节"), so a one-character difference in them is real. */
const NUMERAL = /[\p{Nd}\p{Nl}\p{No}〇零一二三四五六七八九十百千万亿两甲乙丙丁戊己庚辛壬癸ⅰ-ⅿ]/u;

export function isNumeral(char: string): boolean {
	return NUMERAL.test(char);
}
