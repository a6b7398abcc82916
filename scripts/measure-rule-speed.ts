/**
 * Throughput of each recommended rule alone and of the whole recommended set,
 * in MB/s of CPU time (process.cpuUsage, so neighbours on a shared machine
 * matter less), on clean news text (seeds 002–004) and on damaged OCR text
 * (seeds 000/001), each repeated to a few MB as separate documents.
 *
 *   npx tsx scripts/measure-rule-speed.ts [--mb 2] [--rule id] [--reps 1]
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { resolveRules } from "../src/api.js";
import { lintDocument } from "../src/engine/linter.js";
import { presetRules } from "../src/config/presets.js";
import { packageRoot } from "../src/package-root.js";
import { builtinRules } from "../rules/index.js";

const { values } = parseArgs({
	options: { mb: { type: "string", default: "2" }, rule: { type: "string" }, reps: { type: "string", default: "1" } },
});
const seeds = readdirSync(join(packageRoot, "seeds")).sort();
function corpus(pattern: RegExp): { docs: string[]; bytes: number } {
	const sources = seeds.filter((f) => pattern.test(f)).map((f) => readFileSync(join(packageRoot, "seeds", f), "utf8"));
	const docs: string[] = [];
	let bytes = 0;
	for (let k = 0; bytes < Number(values.mb) * 1024 * 1024; k++) {
		// Vary each copy so per-document caches cannot help across documents.
		const doc = `第${k}篇\n\n${sources[k % sources.length]}`;
		docs.push(doc);
		bytes += Buffer.byteLength(doc);
	}
	return { docs, bytes };
}
const corpora = { clean: corpus(/^00[234]_/u), damaged: corpus(/^00[01]_/u) };
const recommended = presetRules("corpuslint:recommended", builtinRules);
const sets: Array<[string, Record<string, number>]> = [];
const ids = values.rule ? [values.rule] : Object.keys(recommended);
for (const id of ids) sets.push([id, { [id]: 2 }]);
if (!values.rule) {
	sets.push(["(recommended)", recommended]);
	const { ["ocr-garbling"]: _ocr, ...rest } = recommended;
	sets.push(["(recommended − ocr)", rest]);
	sets.push(["(no rules)", {}]);
}
// Rules are resolved once, as the CLI does, so option validation is not measured per document.
const resolved = new Map(sets.map(([name, rules]) => [name, resolveRules({ rules: rules as never, preset: null })]));
// Warm-up: load lazy tables and JIT once, outside the measurement.
for (const [name] of sets) for (const c of Object.values(corpora)) for (const d of c.docs.slice(0, 20)) lintDocument(d, resolved.get(name)!, builtinRules);

console.log(`${"rule".padEnd(22)} ${"clean MB/s".padStart(11)} ${"damaged MB/s".padStart(13)} ${"findings".padStart(9)}`);
for (const [name] of sets) {
	const row: string[] = [];
	let findings = 0;
	for (const { docs, bytes } of Object.values(corpora)) {
		let best = Infinity;
		for (let r = 0; r < Number(values.reps); r++) {
			const before = process.cpuUsage();
			for (const d of docs) findings += lintDocument(d, resolved.get(name)!, builtinRules).length;
			const used = process.cpuUsage(before);
			best = Math.min(best, (used.user + used.system) / 1e6);
		}
		row.push((bytes / 1024 / 1024 / best).toFixed(1));
	}
	console.log(`${name.padEnd(22)} ${row[0].padStart(11)} ${row[1].padStart(13)} ${String(findings).padStart(9)}`);
}
