/** The OCR-damage detectors the ocr-garbling rule dispatches to. */
import { detectContextConfusions as contextConfusions, type ContextConfusionOptions } from "./context-confusion.js";
import { detectLookalikes as lookalikes, type LookalikeOptions } from "./lookalike.js";
import { detectMojibake as mojibake } from "./mojibake.js";
import { scanParagraph, type ParagraphScan } from "./scan.js";
import type { OcrFinding } from "./types.js";

export { detectTraditional, scriptBalance, isPredominantlySimplified } from "./traditional.js";
export { detectLatinDigit } from "./latin-digit.js";
export { detectInjectedSpaces } from "./injected-space.js";
export { scanParagraph, SEEN_DIGIT, SEEN_LETTER, SEEN_SPACE, SEEN_TRADITIONAL, type ParagraphScan } from "./scan.js";
export type { OcrFinding, OcrSubtype } from "./types.js";

// The detectors that read scan.ts's pass take the paragraph's scan; without one (a paragraph on its own), they scan it first.
const scanned = (text: string) => scanParagraph(text, 0, text.length);

export function detectLookalikes(text: string, options: LookalikeOptions, scan: ParagraphScan = scanned(text)): OcrFinding[] {
	return lookalikes(text, options, scan);
}

export function detectContextConfusions(text: string, options: ContextConfusionOptions, scan: ParagraphScan = scanned(text)): OcrFinding[] {
	return contextConfusions(text, options, scan);
}

export function detectMojibake(text: string, options: { damaged: boolean; mojibake: boolean }, scan: ParagraphScan = scanned(text)): OcrFinding[] {
	return mojibake(text, options, scan);
}
