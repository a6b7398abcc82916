/**
 * Stray traditional characters in simplified text (中國 → 中国): OCR engines
 * trained on both scripts sometimes pick the traditional form. Only reported
 * when the document is predominantly simplified; characters that are also
 * correct simplified (著, 乾, 於 as a surname …, data/ocr-traditional-exceptions.json)
 * are never touched. The mapping comes from opencc-js (t → cn) for the whole
 * BMP ideograph block, precomputed into data/ocr-script-table.json.
 */
import { lazy, loadDataFile } from "./data.js";
import { precomputed } from "./precomputed.js";
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

/** The tables from the JSON data files (build-tables.ts precomputes them: parsing and mapping cost ~7 ms of start-up). */
export function scriptTablesFromData(): ScriptTables {
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
}

/** The tables as arrays for data/ocr-tables.bin: the kinds, and each traditional form with its simplified text. */
export function scriptArrays(): Record<string, Uint8Array | Uint16Array | Uint32Array> {
	const { toSimplified, kind } = scriptTablesFromData();
	const forms = [...toSimplified.values()];
	const units = forms.join("");
	let end = 0;
	return {
		scriptKind: kind,
		scriptTraditional: Uint16Array.from(toSimplified.keys()),
		scriptSimplifiedEnd: Uint32Array.from(forms, (s) => (end += s.length)),
		scriptSimplifiedUnits: Uint16Array.from({ length: units.length }, (_, i) => units.charCodeAt(i)),
	};
}

export const scriptTables = lazy((): ScriptTables => {
	const traditional = precomputed("scriptTraditional", Uint16Array);
	const ends = precomputed("scriptSimplifiedEnd", Uint32Array);
	const units = precomputed("scriptSimplifiedUnits", Uint16Array);
	const toSimplified = new Map<number, string>();
	for (let k = 0, at = 0; k < traditional.length; at = ends[k++]) toSimplified.set(traditional[k], String.fromCharCode(...units.subarray(at, ends[k])));
	return { toSimplified, kind: precomputed("scriptKind", Uint8Array) };
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
