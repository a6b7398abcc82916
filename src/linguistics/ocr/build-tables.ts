/**
 * What data/ocr-tables.bin holds (see precomputed.ts), made from the data
 * files it is derived from: the look-alike relation and glyph ranks
 * (glyph-neighbours.json, ocr-confusions.json), the pair coverage index
 * (lexicon.bin, ocr-extra-words.json) and the reading filter (both). Run by
 * scripts/build-ocr-tables.ts; test/linguistics/ocr-tables.test.ts checks the
 * committed file against it. Not used at run time.
 */
import { loadDataFile } from "./data.js";
import { readingFilterBits } from "./lookalike.js";
import { lookalikeArrays, lookalikeTableFrom, type ConfusionTable, type GlyphTable } from "./lookalike-table.js";
import { encodeTables } from "./precomputed.js";
import { pairIndexArrays } from "./word-pairs.js";

export function buildOcrTables(): Uint8Array {
	const lookalike = lookalikeArrays(loadDataFile<GlyphTable>("glyph-neighbours.json"), loadDataFile<ConfusionTable>("ocr-confusions.json"));
	const table = lookalikeTableFrom(lookalike);
	return encodeTables({
		...lookalike,
		...pairIndexArrays(loadDataFile<{ words: string[] }>("ocr-extra-words.json").words),
		readingFilter: readingFilterBits(table),
	});
}
