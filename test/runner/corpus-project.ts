/**
 * A temp project holding a generated benchmark corpus (the bench generator,
 * small sizes), linted with two real rules whose findings are stable.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeJsonl, writeTree } from "../../bench/generate-corpus.js";
import { TempProject } from "../helpers/cli.js";

export const TWO_RULES = { rules: { whitespace: "error", "punctuation-width": "warn" } };

export async function corpusProject(opts: { files: number; jsonlMb: number; seed?: number }): Promise<{ project: TempProject; tree: string; jsonl: string }> {
	const project = new TempProject({ ".corpuslintrc.json": TWO_RULES });
	const base = { minKb: 5, maxKb: 20, seed: opts.seed ?? 7, out: project.path("corpus"), files: opts.files, jsonlMb: opts.jsonlMb };
	const tree = writeTree(base);
	const jsonl = await writeJsonl(base);
	// Damage the JSONL after the first batch: a broken line and blank lines, so line numbers must survive batching.
	const lines = readFileSync(jsonl, "utf8").split("\n");
	const mid = Math.floor(lines.length * 0.6);
	lines.splice(mid, 0, '{"id": "broken", "text": "未完', "", '{"id": 5, "text": "段落  \\n"}');
	writeFileSync(jsonl, lines.join("\n"));
	return { project, tree: "corpus/" + tree.split("/corpus/")[1], jsonl: "corpus/" + jsonl.split("/corpus/")[1] };
}

export function readJson(project: TempProject, rel: string): unknown {
	return JSON.parse(readFileSync(join(project.dir, rel), "utf8"));
}
