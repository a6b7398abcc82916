/**
 * Writes data/lexicon.bin: the counts of jieba's dictionary words of up to
 * four characters in the binary layout described in src/linguistics/lexicon.ts.
 * Re-run after upgrading @node-rs/jieba (test/linguistics/lexicon.test.ts
 * fails when the committed file no longer matches its dict.txt):
 *
 *   npx tsx scripts/build-lexicon.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { encodeLexicon } from "../src/linguistics/lexicon.js";
import { packageRoot } from "../src/package-root.js";

const require = createRequire(import.meta.url);
const bytes = encodeLexicon(readFileSync(require.resolve("@node-rs/jieba/dict.txt"), "utf8"));
writeFileSync(join(packageRoot, "data", "lexicon.bin"), bytes);
console.log(`data/lexicon.bin: ${bytes.length} bytes`);
