/**
 * Throughput of the ocr-garbling rule alone on a few MB of news text (the
 * seeds repeated), in MB/s of CPU time on one core (CPU time, because wall
 * time on a shared machine measures the neighbours). Also prints the engine
 * with no rule at all, so the rule's own cost can be read off.
 *
 *   npx tsx scripts/measure-ocr-speed.ts [--mb 4] [--clean]
 *
 * By default all five seeds are repeated (two of them heavily OCR-damaged,
 * so thousands of findings are reported); --clean uses seeds 002–004 only.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { lintText } from "../src/api.js";
import { packageRoot } from "../src/package-root.js";

const { values } = parseArgs({ options: { mb: { type: "string", default: "4" }, clean: { type: "boolean", default: false } } });
const sources = readdirSync(join(packageRoot, "seeds"))
	.filter((f) => !values.clean || /^00[234]_/u.test(f))
	.map((f) => readFileSync(join(packageRoot, "seeds", f), "utf8"));
const documents: string[] = [];
let bytes = 0;
for (let k = 0; bytes < Number(values.mb) * 1024 * 1024; k++) {
	// Vary each copy slightly so per-document caches cannot help across documents.
	const doc = `第${k}篇\n\n${sources[k % sources.length]}`;
	documents.push(doc);
	bytes += Buffer.byteLength(doc);
}
const run = (rules: Record<string, "error">) => {
	let findings = 0;
	for (const d of documents) findings += lintText(d, { rules, preset: null }).length;
	return findings;
};
const cpuSeconds = (f: () => void) => {
	const before = process.cpuUsage();
	f();
	const used = process.cpuUsage(before);
	return (used.user + used.system) / 1e6;
};
const mb = bytes / 1024 / 1024;
const rule = { "ocr-garbling": "error" } as const;
const cold = cpuSeconds(() => run(rule)); // first pass pays the one-time table loading
let findings = 0;
const warm = cpuSeconds(() => (findings = run(rule)));
const engine = cpuSeconds(() => run({}));
console.log(`${mb.toFixed(1)} MB, ${documents.length} documents, ${findings} findings`);
console.log(`ocr-garbling: cold ${(mb / cold).toFixed(1)} MB/s (with table loading), warm ${(mb / warm).toFixed(1)} MB/s`);
console.log(`engine alone: ${(mb / engine).toFixed(1)} MB/s; the rule's own cost: ${(mb / Math.max(1e-9, warm - engine)).toFixed(1)} MB/s`);
