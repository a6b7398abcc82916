/**
 * Latin/digit look-alikes inside Chinese text: OCR reads I as 1 (A1数字主播
 * for AI数字主播) and O as 0, or the other way round inside numbers
 * (2O23年). A mixed token is reported only when reading its digits as the
 * letters they resemble gives a known abbreviation, or reading its letters as
 * digits gives a plain number; real codes (5G, 4K, G20, A1版) stay alone.
 * Tables: data/ocr-latin-digit.json.
 */
import { isHan, prevNonSpace, nextNonSpace } from "../script.js";
import { lazy, loadDataFile } from "./data.js";
import type { OcrFinding } from "./types.js";

interface LatinDigitData {
	terms: string[];
	digitAsLetter: Record<string, string[]>;
	letterAsDigit: Record<string, string>;
	legitimate: string[];
	codeFollowers: string;
}

const tables = lazy(() => {
	const data = loadDataFile<LatinDigitData>("ocr-latin-digit.json");
	return {
		terms: new Set(data.terms),
		digitAsLetter: new Map(Object.entries(data.digitAsLetter)),
		letterAsDigit: new Map(Object.entries(data.letterAsDigit)),
		legitimate: new Set(data.legitimate.map((s) => s.toUpperCase())),
		codeFollowers: new Set([...data.codeFollowers]),
	};
});

/**
 * A run of letters and digits with a letter touching a digit, whole: every
 * confusion this detector knows is such a run, and news text is full of
 * runs that are plain numbers (2023, 15) or plain words (AI).
 */
const MIXED_TOKEN = /[A-Za-z0-9]*(?:[A-Za-z][0-9]|[0-9][A-Za-z])[A-Za-z0-9]*/gu;
const HAS_DIGIT = /[0-9]/u;
const HAS_LETTER = /[A-Za-z]/u;

/** Every reading of the token with each digit either kept or read as a letter it resembles (few digits, so few readings). */
function letterReadings(token: string, digitAsLetter: Map<string, string[]>): string[] {
	let readings = [""];
	for (const ch of token) {
		const options = [ch, ...(digitAsLetter.get(ch) ?? [])];
		readings = readings.flatMap((r) => options.map((o) => r + o));
		if (readings.length > 64) return [];
	}
	return readings;
}

/** A letter touching a digit: every confusion this detector knows has one, so most paragraphs stop here. */
const MIXED = /[A-Za-z][0-9]|[0-9][A-Za-z]/u;

export function detectLatinDigit(text: string): OcrFinding[] {
	const findings: OcrFinding[] = [];
	if (!MIXED.test(text)) return findings;
	const t = tables();
	for (const m of text.matchAll(MIXED_TOKEN)) {
		const token = m[0];
		if (!HAS_DIGIT.test(token) || token.length > 8) continue;
		const start = m.index;
		const end = start + token.length;
		const before = prevNonSpace(text, start);
		const after = nextNonSpace(text, end);
		// Chinese on at least one side: A1数字主播, 于2O23年.
		if (!(before >= 0 && isHan(before)) && !(after >= 0 && isHan(after))) continue;
		// Part of a longer code or number: 3.5, A1-B2, x86_64.
		const prevCh = text[start - 1];
		const nextCh = text[end];
		if (prevCh !== undefined && /[.\-_/]/u.test(prevCh)) continue;
		if (nextCh !== undefined && /[.\-_/%]/u.test(nextCh) && HAS_LETTER.test(token)) continue;
		if (t.legitimate.has(token.toUpperCase())) continue;
		if (nextCh !== undefined && t.codeFollowers.has(nextCh)) continue;
		let proposed: string | undefined;
		if (HAS_LETTER.test(token)) {
			proposed = letterReadings(token, t.digitAsLetter).find((r) => r !== token && t.terms.has(r));
			if (!proposed) {
				// Digits with one or two letters that are really digits: 2O23, 1O0.
				const letters = [...token].filter((ch) => !/[0-9]/u.test(ch));
				const digits = token.length - letters.length;
				if (letters.length <= 2 && digits >= 2 && letters.every((ch) => t.letterAsDigit.has(ch))) {
					proposed = [...token].map((ch) => t.letterAsDigit.get(ch) ?? ch).join("");
				}
			}
		}
		if (!proposed) continue;
		findings.push({ subtype: "latinDigit", start, end, replacement: proposed, confidence: 1, found: token, proposed });
	}
	return findings;
}
