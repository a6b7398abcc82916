/**
 * What an OCR-damage detector reports: a span of a paragraph's text (offsets
 * into `paragraph.value`), the kind of damage, and the repair when one is
 * known. The ocr-garbling rule turns these into reports, fixes and
 * suggestions; the detectors know nothing of ESLint.
 */
export type OcrSubtype = "lookalike" | "traditional" | "latinDigit" | "injectedSpace" | "mojibake" | "damagedChar";

export interface OcrFinding {
	subtype: OcrSubtype;
	start: number;
	end: number;
	/** Text that should replace [start, end); absent when only a report is possible. */
	replacement?: string;
	/** 0–1: how sure the detector is (used by the look-alike detector to decide fix vs suggestion). */
	confidence: number;
	/** What the message shows: the damaged text and the proposed text. */
	found: string;
	proposed?: string;
	/** The repair rests on context, not on the text itself: offered as a suggestion, never applied as a fix. */
	suggestOnly?: boolean;
}
