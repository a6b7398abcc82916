/**
 * Steady-state cost of each rule and of the whole `recommended` set, in CPU
 * milliseconds per MB of document text: the first documents of a JSONL corpus
 * linted in this process, a warm-up pass first (start-up, table loading and
 * JIT warm-up are what `npm run bench` adds on top), then the best of several
 * timed passes. Every rule alone includes the engine's parse and traversal,
 * which `invisible-characters` alone approximates. Documents go in batches of
 * 16, as the command lints JSONL (see lintDocuments).
 *
 *   npx tsx bench/steady-state.ts [--jsonl bench/.corpus/corpus-500mb.jsonl] [--mb 30] [--passes 2] [--rule id ...]
 *
 * Generate the corpus first with `npm run bench` (or `npx tsx bench/generate-corpus.ts`). The rules
 * run from the build (`npm run build`), as the command runs them: loaded through tsx's on-the-fly
 * transform they measured ~25 % slower.
 */
import { closeSync, existsSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { packageRoot } from "../src/package-root.js";

const { values } = parseArgs({
	options: {
		jsonl: { type: "string", default: join(packageRoot, "bench", ".corpus", "corpus-500mb.jsonl") },
		mb: { type: "string", default: "30" },
		passes: { type: "string", default: "2" },
		rule: { type: "string", multiple: true },
	},
});
const built = join(packageRoot, "dist", "src", "api.js");
if (!existsSync(built)) {
	console.error(`no build at ${built}: run "npm run build"`);
	process.exit(2);
}
const { resolveRules } = (await import(pathToFileURL(built).href)) as typeof import("../src/api.js");
const { lintDocuments } = (await import(pathToFileURL(join(packageRoot, "dist", "src", "engine", "linter.js")).href)) as typeof import("../src/engine/linter.js");
const { BATCH_LINES } = (await import(pathToFileURL(join(packageRoot, "dist", "src", "runner", "lint-file.js")).href)) as typeof import("../src/runner/lint-file.js");
const { builtinRules } = (await import(pathToFileURL(join(packageRoot, "dist", "rules", "index.js")).href)) as typeof import("../rules/index.js");
if (!existsSync(values.jsonl)) {
	console.error(`no corpus at ${values.jsonl}: run "npm run bench" once, or pass --jsonl FILE`);
	process.exit(2);
}

/** The documents of the first --mb megabytes of the corpus (whole lines only). */
function readDocuments(path: string, megabytes: number): string[] {
	const buf = Buffer.allocUnsafe(Math.round(megabytes * 1e6));
	const fd = openSync(path, "r");
	const n = readSync(fd, buf, 0, buf.length, 0);
	closeSync(fd);
	const text = buf.subarray(0, buf.subarray(0, n).lastIndexOf(0x0a) + 1).toString("utf8");
	return text
		.split("\n")
		.filter(Boolean)
		.map((line) => (JSON.parse(line) as { text: string }).text);
}

const docs = readDocuments(values.jsonl, Number(values.mb));
const mb = docs.reduce((n, d) => n + Buffer.byteLength(d), 0) / 1e6;
const ids = values.rule?.length ? values.rule : [...builtinRules.keys(), "ALL"];
console.log(`${docs.length} documents, ${mb.toFixed(1)} MB of text from ${values.jsonl}`);
const batches: string[][] = [];
for (let i = 0; i < docs.length; i += BATCH_LINES) batches.push(docs.slice(i, i + BATCH_LINES));
for (const id of ids) {
	const rules = resolveRules(id === "ALL" ? {} : { rules: { [id]: "error" as const } });
	for (const batch of batches.slice(0, 12)) lintDocuments(batch, rules, builtinRules);
	let best = Infinity;
	for (let pass = 0; pass < Number(values.passes); pass++) {
		const start = process.cpuUsage();
		for (const batch of batches) lintDocuments(batch, rules, builtinRules);
		const used = process.cpuUsage(start);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	console.log(`${(id === "ALL" ? "all recommended" : id).padEnd(22)} ${(best / mb).toFixed(1).padStart(6)} ms/MB  ${((1000 * mb) / best).toFixed(1).padStart(6)} MB/s per core`);
}
