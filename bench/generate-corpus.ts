/**
 * Generates the benchmark corpus: a tree of small news files and one large
 * JSONL file, built from the seed articles and recombinations of their
 * sentences with a seeded PRNG, so every run of the same flags writes the
 * same bytes. The output lives in bench/.corpus/ (git-ignored).
 *
 *   npx tsx bench/generate-corpus.ts [--files 2000] [--min-kb 5] [--max-kb 20]
 *       [--jsonl-mb 500] [--seed 1] [--out bench/.corpus] [--only tree|jsonl]
 */
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { mulberry32 } from "../scripts/prng.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..");

export interface CorpusOptions {
	files: number;
	minKb: number;
	maxKb: number;
	jsonlMb: number;
	seed: number;
	out: string;
	only?: "tree" | "jsonl";
}

export interface CorpusPaths {
	tree: string;
	jsonl: string;
}

const prng = mulberry32;

interface Pool {
	/** Whole seed paragraphs, including headlines and bylines (kept as they are). */
	paragraphs: string[];
	/** Sentences of the body text, for new paragraphs. */
	sentences: string[];
}

interface Material {
	clean: Pool;
	/** From the OCR-damaged seeds (000, 001): a minority of the text, as in a real archive. */
	damaged: Pool;
}

/** Share of paragraphs drawn from the damaged seeds. */
const DAMAGED_SHARE = 0.1;

function loadMaterial(): Material {
	const seedDir = join(repoRoot, "seeds");
	const material: Material = { clean: { paragraphs: [], sentences: [] }, damaged: { paragraphs: [], sentences: [] } };
	for (const name of readdirSync(seedDir).sort()) {
		const { paragraphs, sentences } = /^00[01]_/u.test(name) ? material.damaged : material.clean;
		const text = readFileSync(join(seedDir, name), "utf8").replace(/\r\n?/gu, "\n");
		for (const block of text.split(/\n\s*\n/u)) {
			const p = block.replace(/^\n+|\n+$/gu, "");
			if (!p.trim()) continue;
			paragraphs.push(p);
			for (const s of p.replace(/^[\u3000 ]+/gmu, "").split(/(?<=[。！？][”’」』）]?)(?![”’」』）])/u)) {
				if (s.length >= 8 && /[。！？][”’」』）]?$/u.test(s) && !s.includes("\n")) sentences.push(s);
			}
		}
	}
	return material;
}

/** One synthetic article of about `targetChars` characters. */
function article(material: Material, rand: () => number, targetChars: number): string {
	const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
	const out: string[] = [];
	// A short headline-like first line, taken from a seed paragraph's first line (no end punctuation, as in the seeds).
	out.push(pick(material.clean.paragraphs).split("\n")[0].slice(0, 24).replace(/[。！？，]+$/u, ""));
	let size = out[0].length;
	while (size < targetChars) {
		const m = rand() < DAMAGED_SHARE ? material.damaged : material.clean;
		let p: string;
		if (rand() < 0.3) p = pick(m.paragraphs);
		else {
			const n = 2 + Math.floor(rand() * 5);
			const parts: string[] = [];
			for (let i = 0; i < n; i++) parts.push(pick(m.sentences));
			p = `　　${parts.join("")}`;
		}
		out.push(p);
		size += p.length + 2;
	}
	return `${out.join("\n\n")}\n`;
}

/** Characters per KB of UTF-8 Chinese news text (mostly 3-byte characters). */
const CHARS_PER_KB = 1024 / 2.9;

function manifestMatches(path: string, wanted: object): boolean {
	try {
		return readFileSync(path, "utf8") === JSON.stringify(wanted);
	} catch {
		return false;
	}
}

export function writeTree(options: CorpusOptions, m = loadMaterial()): string {
	const dir = join(options.out, `tree-${options.files}`);
	const manifest = join(options.out, `tree-${options.files}.manifest.json`);
	const wanted = { files: options.files, minKb: options.minKb, maxKb: options.maxKb, seed: options.seed, v: 2 };
	if (existsSync(dir) && manifestMatches(manifest, wanted)) return dir;
	rmSync(dir, { recursive: true, force: true });
	const rand = prng(options.seed);
	for (let i = 0; i < options.files; i++) {
		const kb = options.minKb + rand() * (options.maxKb - options.minKb);
		const sub = join(dir, `d${String(i % 40).padStart(2, "0")}`);
		if (i < 40) mkdirSync(sub, { recursive: true });
		writeFileSync(join(sub, `a${String(i).padStart(5, "0")}.txt`), article(m, rand, kb * CHARS_PER_KB));
	}
	writeFileSync(manifest, JSON.stringify(wanted));
	return dir;
}

export async function writeJsonl(options: CorpusOptions, m = loadMaterial()): Promise<string> {
	const path = join(options.out, `corpus-${options.jsonlMb}mb.jsonl`);
	const manifest = `${path}.manifest.json`;
	const wanted = { jsonlMb: options.jsonlMb, seed: options.seed, v: 2 };
	if (existsSync(path) && manifestMatches(manifest, wanted)) return path;
	mkdirSync(options.out, { recursive: true });
	const rand = prng(options.seed ^ 0x5eed);
	const stream = createWriteStream(path, { highWaterMark: 4 << 20 });
	const limit = options.jsonlMb * 1024 * 1024;
	let written = 0;
	let batch: string[] = [];
	let batchBytes = 0;
	for (let id = 0; written < limit; id++) {
		const kb = 1 + rand() * 15;
		const line = `${JSON.stringify({ id: `doc-${id}`, source: "synthetic", text: article(m, rand, kb * CHARS_PER_KB) })}\n`;
		const bytes = Buffer.byteLength(line);
		batch.push(line);
		batchBytes += bytes;
		written += bytes;
		if (batchBytes >= 4 << 20) {
			if (!stream.write(batch.join(""))) await new Promise<void>((r) => stream.once("drain", () => r()));
			batch = [];
			batchBytes = 0;
		}
	}
	stream.end(batch.join(""));
	await new Promise<void>((res, rej) => stream.on("finish", res).on("error", rej));
	writeFileSync(manifest, JSON.stringify(wanted));
	return path;
}

export function parseCorpusArgs(argv: string[]): CorpusOptions {
	const { values: v } = parseArgs({
		args: argv,
		strict: false,
		options: {
			files: { type: "string", default: "2000" },
			"min-kb": { type: "string", default: "5" },
			"max-kb": { type: "string", default: "20" },
			"jsonl-mb": { type: "string", default: "500" },
			seed: { type: "string", default: "1" },
			out: { type: "string", default: join(here, ".corpus") },
			only: { type: "string" },
		},
	});
	return {
		files: Number(v.files),
		minKb: Number(v["min-kb"]),
		maxKb: Number(v["max-kb"]),
		jsonlMb: Number(v["jsonl-mb"]),
		seed: Number(v.seed),
		out: resolve(String(v.out)),
		only: v.only as CorpusOptions["only"],
	};
}

export async function generateCorpus(options: CorpusOptions): Promise<Partial<CorpusPaths>> {
	const m = loadMaterial();
	const paths: Partial<CorpusPaths> = {};
	if (options.only !== "jsonl" && options.files > 0) paths.tree = writeTree(options, m);
	if (options.only !== "tree" && options.jsonlMb > 0) paths.jsonl = await writeJsonl(options, m);
	return paths;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const paths = await generateCorpus(parseCorpusArgs(process.argv.slice(2)));
	for (const [k, p] of Object.entries(paths)) console.log(`${k}: ${p}`);
}
