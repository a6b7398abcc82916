/**
 * Speed of our word cutter against native @node-rs/jieba on the shapes
 * corpuslint cuts: 10–40 unit windows and whole paragraphs, from a JSONL
 * corpus (default /tmp/c30.jsonl, first 3 MB of text). No window cache.
 *
 *   npx tsx scripts/measure-segmenter-speed.ts [corpus.jsonl]
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { segment } from "../src/linguistics/segment.js";

const require = createRequire(import.meta.url);
const path = process.argv[2] ?? "/tmp/c30.jsonl";
const paragraphs: string[] = [];
let size = 0;
for (const line of readFileSync(path, "utf8").split("\n")) {
	if (size > 3e6) break;
	if (!line.trim()) continue;
	for (const p of (JSON.parse(line) as { text: string }).text.split("\n")) {
		if (p.trim()) (paragraphs.push(p), (size += p.length));
	}
}
const windows: string[] = [];
for (const p of paragraphs) for (let i = 0; i + 10 < p.length; i += 53) windows.push(p.slice(i, i + 10 + (i % 31)));

function time(label: string, inputs: string[], cut: (s: string) => unknown): void {
	for (let pass = 0; pass < 3; pass++) {
		const t0 = process.cpuUsage();
		for (const s of inputs) cut(s);
		const t = process.cpuUsage(t0);
		const ms = (t.user + t.system) / 1000;
		if (pass === 2) console.log(`${label}: ${((ms * 1000) / inputs.length).toFixed(2)} µs per call, ${(ms / (inputs.reduce((n, s) => n + s.length, 0) * 3 / 1e6)).toFixed(1)} ms/MB(utf8≈3B/unit)`);
	}
}

let t = performance.now();
const c0 = process.cpuUsage();
segment("预热");
console.log(`ours: first cut (load lexicon + tables + model) ${(performance.now() - t).toFixed(0)} ms wall, ${(process.cpuUsage(c0).user / 1000).toFixed(0)} ms CPU`);
t = performance.now();
const c1 = process.cpuUsage();
const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
const jieba = Jieba.withDict(readFileSync(require.resolve("@node-rs/jieba/dict.txt")));
jieba.cut("预热", true);
console.log(`native: load ${(performance.now() - t).toFixed(0)} ms wall, ${(process.cpuUsage(c1).user / 1000).toFixed(0)} ms CPU`);
console.log(`${windows.length} windows, ${paragraphs.length} paragraphs`);
time("ours   windows", windows, segment);
time("native windows", windows, (s) => jieba.cut(s, true));
time("ours   paragraphs", paragraphs, segment);
time("native paragraphs", paragraphs, (s) => jieba.cut(s, true));
