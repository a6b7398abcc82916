/**
 * Spaces injected inside words where OCR joined wrapped lines (共同探 讨,
 * 根 据). A space between Chinese characters is removed when the paragraph
 * shows the regular wrap pattern (such spaces every n characters, n roughly
 * constant: the printed column width), or when the characters on both sides
 * join into a dictionary word in running prose (or a word is followed by a
 * particle such as 了, data/ocr-injected-space.json). Headlines ("融合十年 笃行致远"),
 * name padding ("陈  光", two spaces) and spaces next to Latin text are never
 * touched.
 */
import { isCjkPunctuation, isHan } from "../script.js";
import { wordFrequency } from "../segment.js";
import { lazy, loadDataFile } from "./data.js";
import type { OcrFinding } from "./types.js";

const boundCharacters = lazy(
	() => new Set([...loadDataFile<{ boundCharacters: string }>("ocr-injected-space.json").boundCharacters]),
);

export interface InjectedSpaceOptions {
	/** Minimum dictionary count of the word the two sides form for an isolated space to be removed. */
	minWordCount: number;
}

/** ASCII punctuation OCR emits in Chinese text (seed 001 prints "," for "，"). */
const ASCII_PUNCTUATION = new Set([..."\",;:?!'()"].map((c) => c.charCodeAt(0)));

const isChineseSide = (c: number) => isHan(c) || isCjkPunctuation(c) || ASCII_PUNCTUATION.has(c);

/** Sentence punctuation: a line with none is a headline, byline or list of names. */
const PROSE = /[，。；？！,;?!]/u;

interface Gap {
	index: number;
	/** Code points since the previous candidate space (or the line start). */
	run: number;
	/** A digit on one side (拍摄30 秒): removed only as part of a regular wrap pattern. */
	digit: boolean;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

export function detectInjectedSpaces(text: string, options: InjectedSpaceOptions): OcrFinding[] {
	const findings: OcrFinding[] = [];
	// Only lines with a space can have a gap: jump from space to space (indexOf is far cheaper than a scan).
	for (let space = text.indexOf(" "); space >= 0; ) {
		const lineStart = text.lastIndexOf("\n", space) + 1;
		let lineEnd = text.indexOf("\n", space);
		if (lineEnd < 0) lineEnd = text.length;
		scanLine(text, lineStart, lineEnd, options, findings);
		space = lineEnd < text.length ? text.indexOf(" ", lineEnd + 1) : -1;
	}
	return findings;
}

function scanLine(text: string, from: number, to: number, options: InjectedSpaceOptions, out: OcrFinding[]): void {
	const gaps: Gap[] = [];
	let run = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xdc00 && c <= 0xdfff) continue;
		if (c !== 0x20) {
			run++;
			continue;
		}
		if (i === from || i + 1 >= to) continue;
		const left = text.codePointAt(i - 1)!;
		const right = text.codePointAt(i + 1)!;
		if (left === 0x20 || right === 0x20 || (text.charCodeAt(i - 1) >= 0xdc00 && text.charCodeAt(i - 1) <= 0xdfff)) {
			run = 0;
			continue;
		}
		if ((isHan(left) || isHan(right)) && isChineseSide(left) && isChineseSide(right)) {
			gaps.push({ index: i, run, digit: false });
		} else if ((isHan(left) && isDigit(right)) || (isDigit(left) && isHan(right))) {
			gaps.push({ index: i, run, digit: true });
		}
		run = 0;
	}
	if (gaps.length === 0) return;
	const line = text.slice(from, to);
	const prose = PROSE.test(line) && to - from >= 20;
	if (prose && isWrapPattern(gaps)) {
		for (const g of gaps) out.push(finding(text, g.index, 0.95));
		return;
	}
	if (!prose) return;
	for (const g of gaps) {
		if (!g.digit && joinsWord(text, g.index, from, to, options.minWordCount)) out.push(finding(text, g.index, 0.9));
	}
}

function finding(text: string, index: number, confidence: number): OcrFinding {
	return {
		subtype: "injectedSpace",
		start: index,
		end: index + 1,
		replacement: "",
		confidence,
		found: text.slice(Math.max(0, index - 2), index + 3),
	};
}

/**
 * Regular wraps: at least three such spaces, and most runs between them
 * within ±40 % of the median run, which lies in a plausible column width.
 */
function isWrapPattern(gaps: Gap[]): boolean {
	if (gaps.length < 3) return false;
	const runs = gaps.slice(1).map((g) => g.run);
	const sorted = [...runs].sort((a, b) => a - b);
	const median = sorted[sorted.length >> 1];
	if (median < 6 || median > 40) return false;
	const regular = runs.filter((r) => r >= median * 0.6 && r <= median * 1.4).length;
	return regular / runs.length >= 0.6;
}

/** The characters on both sides form a dictionary word: 探+讨, 根+据, or a three-character word across the gap. */
function joinsWord(text: string, index: number, from: number, to: number, minCount: number): boolean {
	const l1 = text[index - 1];
	const r1 = text[index + 1];
	if (!isHan(l1.charCodeAt(0)) || !isHan(r1.charCodeAt(0))) return false;
	if (wordFrequency(l1 + r1) >= minCount) return true;
	// 进行 了: a particle binds to the word before it.
	if (boundCharacters().has(r1) && index - 2 >= from && wordFrequency(text[index - 2] + l1) >= minCount) return true;
	const l2 = index - 2 >= from ? text[index - 2] : "";
	const r2 = index + 2 < to ? text[index + 2] : "";
	return (
		(l2 !== "" && isHan(l2.charCodeAt(0)) && wordFrequency(l2 + l1 + r1) >= minCount) ||
		(r2 !== "" && isHan(r2.charCodeAt(0)) && wordFrequency(l1 + r1 + r2) >= minCount)
	);
}
