/**
 * Differential check of our word cutter (src/linguistics/word-cut.ts) against
 * the native `@node-rs/jieba` `cut(text, true)` it replaces: every paragraph
 * of the inputs is cut by both, and every paragraph whose words differ is
 * counted (the first few are printed). Inputs are JSONL files (the "text"
 * field of each line), other files and directories (read as text), and
 * `--random N` seeded random strings that mix Han, Latin, digits, `.%+#`,
 * full-width punctuation, whitespace, emoji and other astral characters.
 *
 *   npx tsx scripts/compare-segmenter.ts /tmp/c30.jsonl seeds fixtures --random 100000
 *
 * Besides each paragraph, `--windows` also cuts 10–40 unit windows of it (the
 * shape the look-alike detectors ask for).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createReadStream } from "node:fs";
import { cutEnds } from "../src/linguistics/word-cut.js";
import { loadLexicon } from "../src/linguistics/segment.js";
import { randomSegmenterInput, mulberry32 } from "./segmenter-random.js";

const require = createRequire(import.meta.url);
const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
const jieba = Jieba.withDict(readFileSync(require.resolve("@node-rs/jieba/dict.txt")));

/** Native words, with a lone surrogate (which the addon receives as U+FFFD) mapped back to the input. */
function nativeWords(text: string): string[] {
	const words = jieba.cut(text, true);
	let at = 0;
	return words.map((w) => {
		const original = text.slice(at, at + w.length);
		at += w.length;
		return w === "\ufffd" && /^[\ud800-\udfff]$/.test(original) ? original : w;
	});
}

function ourWords(text: string): string[] {
	const ends: number[] = [];
	cutEnds(text, ends, loadLexicon);
	let at = 0;
	return ends.map((e) => text.slice(at, (at = e)));
}

let paragraphs = 0;
let units = 0;
let mismatches = 0;
const args = process.argv.slice(2);
const windows = args.includes("--windows");

function check(text: string, where: string): void {
	if (text === "") return;
	paragraphs++;
	units += text.length;
	const a = nativeWords(text);
	const b = ourWords(text);
	if (a.length === b.length && a.every((w, i) => w === b[i])) return;
	if (++mismatches <= 8) {
		let k = 0;
		while (a[k] === b[k]) k++;
		console.log(`MISMATCH ${where}: ${JSON.stringify(text.slice(0, 200))}\n  native: ${JSON.stringify(a.slice(Math.max(0, k - 3), k + 6))}\n  ours:   ${JSON.stringify(b.slice(Math.max(0, k - 3), k + 6))}`);
	}
}

function checkText(text: string, where: string): void {
	for (const p of text.split(/\n/)) {
		check(p, where);
		if (windows) for (let i = 0; i + 10 < p.length; i += 7) check(p.slice(i, i + 10 + (i % 31)), where);
	}
	// Whole texts too, so whitespace and "\r\n" between paragraphs are exercised.
	if (text.length < 20000) check(text, where);
}

async function checkFile(path: string): Promise<void> {
	if (statSync(path).isDirectory()) {
		for (const name of readdirSync(path).sort()) await checkFile(join(path, name));
		return;
	}
	if (path.endsWith(".jsonl")) {
		let line = 0;
		for await (const row of createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity })) {
			line++;
			if (!row.trim()) continue;
			let doc: { text?: unknown };
			try {
				doc = JSON.parse(row);
			} catch {
				continue;
			}
			if (typeof doc.text === "string") checkText(doc.text, `${path}:${line}`);
		}
		return;
	}
	checkText(readFileSync(path, "utf8"), path);
}

const started = Date.now();
for (let i = 0; i < args.length; i++) {
	const arg = args[i];
	if (arg === "--windows") continue;
	if (arg === "--random") {
		const count = Number(args[++i]);
		const random = mulberry32(20261207);
		for (let k = 0; k < count; k++) check(randomSegmenterInput(random), `random #${k}`);
		continue;
	}
	await checkFile(arg);
}
console.log(`${paragraphs} paragraphs, ${(units / 1e6).toFixed(1)} M units, ${mismatches} mismatches (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exitCode = mismatches === 0 ? 0 : 1;
