/**
 * Stray traditional characters in simplified text (中國 → 中国): OCR engines
 * trained on both scripts sometimes pick the traditional form. Only reported
 * when the document is predominantly simplified; characters that are also
 * correct simplified (著, 乾, 於 as a surname …, data/ocr-traditional-exceptions.json)
 * are never touched. The mapping comes from opencc-js (t → cn), computed
 * once per process for the whole BMP ideograph block.
 */
import * as OpenCC from "opencc-js";
import { lazy, loadDataFile } from "./data.js";
import type { OcrFinding } from "./types.js";

const SIMPLIFIED_ONLY = 1;
const TRADITIONAL = 2;

interface ScriptTables {
	/** Traditional-only character → its simplified form. */
	toSimplified: Map<number, string>;
	/** Per UTF-16 unit: SIMPLIFIED_ONLY (国, 发: evidence the document is simplified), TRADITIONAL (flaggable) or 0. */
	kind: Uint8Array;
}

function perCharacter(convert: (s: string) => string): Map<number, string> {
	// One call over every ideograph, newline separated so opencc's phrase rules never join neighbours.
	let all = "";
	for (let c = 0x4e00; c <= 0x9fff; c++) all += `${String.fromCharCode(c)}\n`;
	const out = convert(all).split("\n");
	const map = new Map<number, string>();
	for (let c = 0x4e00, k = 0; c <= 0x9fff; c++, k++) {
		const converted = out[k];
		if (converted && converted !== String.fromCharCode(c)) map.set(c, converted);
	}
	return map;
}

export const scriptTables = lazy((): ScriptTables => {
	const exceptions = new Set(
		[...loadDataFile<{ characters: string }>("ocr-traditional-exceptions.json").characters].map((c) => c.charCodeAt(0)),
	);
	const toSimplified = perCharacter(OpenCC.Converter({ from: "t", to: "cn" }));
	for (const c of exceptions) toSimplified.delete(c);
	const kind = new Uint8Array(0x10000);
	for (const c of perCharacter(OpenCC.Converter({ from: "cn", to: "t" })).keys()) kind[c] = SIMPLIFIED_ONLY;
	for (const c of toSimplified.keys()) kind[c] = TRADITIONAL;
	return { toSimplified, kind };
});

export interface ScriptBalance {
	simplified: number;
	traditional: number;
}

/** Counts simplified-only and (flaggable) traditional-only characters in a text. */
export function scriptBalance(text: string): ScriptBalance {
	const { kind } = scriptTables();
	let simplified = 0;
	let traditional = 0;
	for (let i = 0; i < text.length; i++) {
		const k = kind[text.charCodeAt(i)];
		if (k === SIMPLIFIED_ONLY) simplified++;
		else if (k === TRADITIONAL) traditional++;
	}
	return { simplified, traditional };
}

/**
 * Predominantly simplified: clear simplified evidence and traditional forms
 * a small minority (a quoted Hong Kong or Taiwan name stays legitimate when
 * whole passages are traditional).
 */
export function isPredominantlySimplified({ simplified, traditional }: ScriptBalance): boolean {
	return simplified >= 10 && traditional * 3 <= simplified;
}

export function detectTraditional(text: string): OcrFinding[] {
	const { toSimplified, kind } = scriptTables();
	const findings: OcrFinding[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (kind[c] !== TRADITIONAL) continue;
		const simplified = toSimplified.get(c)!;
		findings.push({
			subtype: "traditional",
			start: i,
			end: i + 1,
			replacement: simplified,
			confidence: 1,
			found: text[i],
			proposed: simplified,
		});
	}
	return findings;
}
