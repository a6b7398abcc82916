/**
 * What data/ocr-tables.bin holds (see precomputed.ts), made from the data
 * files it is derived from: the look-alike relation and glyph ranks
 * (glyph-neighbours.json, ocr-confusions.json), the pair coverage index
 * (lexicon.bin, ocr-extra-words.json), the reading filter (both) and scan.ts's
 * per-unit classes (all of these, ocr-context-confusions.json,
 * ocr-quantity-context.json, ocr-script-table.json and
 * ocr-traditional-exceptions.json), traditional.ts's tables (the last two),
 * context-confusion.ts's tables (ocr-context-confusions.json),
 * mojibake.ts's unit kinds and GBK encoder
 * (the glyph ranks; WHATWG's gbk as TextDecoder decodes it). Run by
 * scripts/build-ocr-tables.ts; test/linguistics/ocr-tables.test.ts checks the
 * committed file against it. Not used at run time.
 */
import { singleFrequencies } from "../segment.js";
import { contextArrays, contextTablesFromData } from "./context-confusion.js";
import { loadDataFile } from "./data.js";
import { readingFilterBits, suspectUnitsOf } from "./lookalike.js";
import { lookalikeArrays, lookalikeTableFrom, type ConfusionTable, type GlyphTable } from "./lookalike-table.js";
import { gbkEncoderTable, rareUnitsOf, unitKindsOf } from "./mojibake.js";
import { encodeTables } from "./precomputed.js";
import { unitInfoOf } from "./scan.js";
import { scriptArrays, scriptTablesFromData } from "./traditional.js";
import { pairIndexArrays } from "./word-pairs.js";

export function buildOcrTables(): Uint8Array {
	const lookalike = lookalikeArrays(loadDataFile<GlyphTable>("glyph-neighbours.json"), loadDataFile<ConfusionTable>("ocr-confusions.json"));
	const table = lookalikeTableFrom(lookalike);
	return encodeTables({
		...lookalike,
		...pairIndexArrays(loadDataFile<{ words: string[] }>("ocr-extra-words.json").words),
		readingFilter: readingFilterBits(table),
		unitInfo: unitInfoOf(suspectUnitsOf(table.start, singleFrequencies()), contextTablesFromData().flags, rareUnitsOf(table.ranked), scriptTablesFromData().kind),
		mojibakeKinds: unitKindsOf(rareUnitsOf(table.ranked)),
		gbkEncoder: gbkEncoderTable(),
		...scriptArrays(),
		...contextArrays(),
	});
}
