/**
 * Stray traditional characters in simplified text (中國 → 中国): OCR engines
 * trained on both scripts sometimes pick the traditional form. Only reported
 * when the document is predominantly simplified; characters that are also
 * correct simplified (著, 乾, 於 as a surname …, data/ocr-traditional-exceptions.json)
 * are never touched. The mapping comes from opencc-js (t → cn) for the whole
 * BMP ideograph block, precomputed into data/ocr-script-table.json.
 */
import { lazy, loadDataFile } from "./data.js";
import type { OcrFinding } from "./types.js";

const SIMPLIFIED_ONLY = 1;
/** The kind of a flaggable traditional form (scan.ts reads the kind table directly). */
export const TRADITIONAL = 2;

interface ScriptTables {
	/** Traditional-only character → its simplified form. */
	toSimplified: Map<number, string>;
	/** Per UTF-16 unit: SIMPLIFIED_ONLY (国, 发: evidence the document is simplified), TRADITIONAL (flaggable) or 0. */
	kind: Uint8Array;
}

export const scriptTables = lazy((): ScriptTables => {
	const exceptions = new Set(
		[...loadDataFile<{ characters: string }>("ocr-traditional-exceptions.json").characters].map((c) => c.charCodeAt(0)),
	);
	// opencc-js's per-character conversions, precomputed by scripts/build-script-table.ts (converting at run time cost ~100 ms).
	const table = loadDataFile<{ toSimplified: Record<string, string>; simplifiedOnly: string }>("ocr-script-table.json");
	const toSimplified = new Map<number, string>(Object.entries(table.toSimplified).map(([t, s]) => [t.charCodeAt(0), s]));
	for (const c of exceptions) toSimplified.delete(c);
	const kind = new Uint8Array(0x10000);
	for (let i = 0; i < table.simplifiedOnly.length; i++) kind[table.simplifiedOnly.charCodeAt(i)] = SIMPLIFIED_ONLY;
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
	// Counted without branches: simplified-only characters are scattered through running text, and a
	// branch on each one is mispredicted often enough to cost more than the table read.
	for (let i = 0; i < text.length; i++) {
		const k = kind[text.charCodeAt(i)];
		simplified += k & SIMPLIFIED_ONLY;
		traditional += k >>> 1;
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
