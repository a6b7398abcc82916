/**
 * Writes data/ocr-tables.bin: the OCR detectors' lookup tables precomputed
 * from data/lexicon.bin and the data/ocr-*.json and glyph-neighbours.json
 * files (src/linguistics/ocr/build-tables.ts lists which).
 * Re-run after changing any of them, and after scripts/build-lexicon.ts
 * (test/linguistics/ocr-tables.test.ts fails when the committed file no
 * longer matches them):
 *
 *   npx tsx scripts/build-ocr-tables.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildOcrTables } from "../src/linguistics/ocr/build-tables.js";
import { packageRoot } from "../src/package-root.js";

const bytes = buildOcrTables();
writeFileSync(join(packageRoot, "data", "ocr-tables.bin"), bytes);
console.log(`data/ocr-tables.bin: ${bytes.length} bytes`);
