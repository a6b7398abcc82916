/** The OCR-damage detectors the ocr-garbling rule dispatches to. */
export { detectLookalikes } from "./lookalike.js";
export { detectTraditional, scriptBalance, isPredominantlySimplified } from "./traditional.js";
export { detectLatinDigit } from "./latin-digit.js";
export { detectInjectedSpaces } from "./injected-space.js";
export { detectMojibake } from "./mojibake.js";
export type { OcrFinding, OcrSubtype } from "./types.js";
export { detectContextConfusions } from "./context-confusion.js";
