/**
 * Throughput of the ocr-garbling rule alone on a few MB of news text (the
 * seeds and clean fixtures repeated), in MB/s on one core.
 *
 *   npx tsx scripts/measure-ocr-speed.ts [--mb 4]
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { lintText } from "../src/api.js";
import { packageRoot } from "../src/package-root.js";

const { values } = parseArgs({ options: { mb: { type: "string", default: "4" } } });
const sources = readdirSync(join(packageRoot, "seeds")).map((f) => readFileSync(join(packageRoot, "seeds", f), "utf8"));
const documents: string[] = [];
let bytes = 0;
for (let k = 0; bytes < Number(values.mb) * 1024 * 1024; k++) {
	// Vary each copy slightly so per-document caches cannot help across documents.
	const doc = `第${k}篇\n\n${sources[k % sources.length]}`;
	documents.push(doc);
	bytes += Buffer.byteLength(doc);
}
const run = () => {
	let findings = 0;
	for (const d of documents) findings += lintText(d, { rules: { "ocr-garbling": "error" }, preset: null }).length;
	return findings;
};
const t0 = performance.now();
run(); // first pass pays the one-time table loading
const t1 = performance.now();
const findings = run();
const t2 = performance.now();
const mb = bytes / 1024 / 1024;
console.log(`${mb.toFixed(1)} MB, ${documents.length} documents, ${findings} findings`);
console.log(`cold (with table loading): ${(mb / ((t1 - t0) / 1000)).toFixed(1)} MB/s; warm: ${(mb / ((t2 - t1) / 1000)).toFixed(1)} MB/s`);
