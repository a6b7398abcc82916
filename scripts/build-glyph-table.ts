/**
 * Builds data/glyph-neighbours.json: for each of the most frequent Chinese
 * characters, the characters that look most like it in a printed Song/Ming
 * face, with a similarity score. The ocr-garbling rule uses it to propose
 * look-alike corrections (台作 → 合作).
 *
 * The font is needed only to generate the table, never at run time:
 *
 *   apt-get update && apt-get install -y fonts-arphic-uming
 *   npx tsx scripts/build-glyph-table.ts [--chars 5000] [--k 32] [--font /usr/share/fonts/truetype/arphic/uming.ttc]
 *
 * Method: the characters are ranked by the summed counts of the words of
 * jieba's dictionary (node_modules/@node-rs/jieba/dict.txt) containing them
 * (the table's rows are in that order, so it is also the frequency list); each
 * is rendered black on white at 40 px into a 48×48 cell with @napi-rs/canvas,
 * reduced to 32×32 and blurred with a Gaussian (σ = 1.2 cells) so that
 * strokes a pixel or two apart still overlap — OCR confuses shapes, not exact
 * pixels. Similarity is the cosine of the blurred bitmaps with the mean ink
 * removed (so two dense characters are not similar merely for being dense).
 * The k best neighbours above a floor are kept. Deterministic: same font,
 * same table.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { packageRoot } from "../src/package-root.js";

const { values } = parseArgs({
	options: {
		chars: { type: "string", default: "5000" },
		k: { type: "string", default: "32" },
		font: { type: "string", default: "/usr/share/fonts/truetype/arphic/uming.ttc" },
		out: { type: "string", default: join(packageRoot, "data", "glyph-neighbours.json") },
	},
});
const CHAR_COUNT = Number(values.chars);
const K = Number(values.k);
/** Pairs scoring below this are never look-alikes worth proposing. */
const FLOOR = 0.45;
const CELL = 48;
const FONT_PX = 40;
const GRID = 32;
const SIGMA = 1.2;

function rankedCharacters(): string[] {
	const require = createRequire(import.meta.url);
	const text = readFileSync(require.resolve("@node-rs/jieba/dict.txt"), "utf8");
	// A character's weight is the summed count of every dictionary word containing it: single-character
	// entries alone rank rare forms (鍙, 亯) among the common ones.
	const counts = new Map<string, number>();
	for (const line of text.split("\n")) {
		const [word, count] = line.split(" ");
		if (!word) continue;
		for (const ch of word) {
			const cp = ch.codePointAt(0)!;
			if (cp < 0x4e00 || cp > 0x9fff) continue;
			counts.set(ch, (counts.get(ch) ?? 0) + Number(count));
		}
	}
	return [...counts]
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.slice(0, CHAR_COUNT)
		.map(([c]) => c);
}

function gaussianKernel(sigma: number): Float32Array {
	const radius = Math.ceil(sigma * 3);
	const k = new Float32Array(radius * 2 + 1);
	let sum = 0;
	for (let i = -radius; i <= radius; i++) sum += k[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
	for (let i = 0; i < k.length; i++) k[i] /= sum;
	return k;
}

function blur(src: Float32Array, n: number, kernel: Float32Array): Float32Array {
	const r = (kernel.length - 1) / 2;
	const tmp = new Float32Array(n * n);
	const out = new Float32Array(n * n);
	for (let y = 0; y < n; y++)
		for (let x = 0; x < n; x++) {
			let s = 0;
			for (let i = -r; i <= r; i++) {
				const xx = x + i;
				if (xx >= 0 && xx < n) s += src[y * n + xx] * kernel[i + r];
			}
			tmp[y * n + x] = s;
		}
	for (let y = 0; y < n; y++)
		for (let x = 0; x < n; x++) {
			let s = 0;
			for (let i = -r; i <= r; i++) {
				const yy = y + i;
				if (yy >= 0 && yy < n) s += tmp[yy * n + x] * kernel[i + r];
			}
			out[y * n + x] = s;
		}
	return out;
}

function features(chars: string[]): Float32Array[] {
	GlobalFonts.registerFromPath(values.font!, "GlyphTableSong");
	const canvas = createCanvas(CELL, CELL);
	const ctx = canvas.getContext("2d");
	const kernel = gaussianKernel(SIGMA);
	const scale = CELL / GRID;
	return chars.map((ch) => {
		ctx.fillStyle = "#fff";
		ctx.fillRect(0, 0, CELL, CELL);
		ctx.fillStyle = "#000";
		ctx.font = `${FONT_PX}px GlyphTableSong`;
		ctx.textAlign = "center";
		ctx.textBaseline = "middle";
		ctx.fillText(ch, CELL / 2, CELL / 2);
		const { data } = ctx.getImageData(0, 0, CELL, CELL);
		const small = new Float32Array(GRID * GRID);
		for (let y = 0; y < CELL; y++)
			for (let x = 0; x < CELL; x++) {
				const ink = 1 - data[(y * CELL + x) * 4] / 255;
				small[Math.floor(y / scale) * GRID + Math.floor(x / scale)] += ink / (scale * scale);
			}
		const v = blur(small, GRID, kernel);
		let mean = 0;
		for (const x of v) mean += x;
		mean /= v.length;
		let norm = 0;
		for (let i = 0; i < v.length; i++) {
			v[i] -= mean;
			norm += v[i] * v[i];
		}
		norm = Math.sqrt(norm) || 1;
		for (let i = 0; i < v.length; i++) v[i] /= norm;
		return v;
	});
}

function main(): void {
	const chars = rankedCharacters();
	const vecs = features(chars);
	const n = chars.length;
	const dim = GRID * GRID;
	const best: Array<Array<[number, number]>> = chars.map(() => []);
	const push = (i: number, j: number, s: number) => {
		const list = best[i];
		if (list.length === K && list[K - 1][1] >= s) return;
		list.push([j, s]);
		list.sort((a, b) => b[1] - a[1]);
		if (list.length > K) list.pop();
	};
	for (let i = 0; i < n; i++) {
		const a = vecs[i];
		for (let j = i + 1; j < n; j++) {
			const b = vecs[j];
			let s = 0;
			for (let d = 0; d < dim; d++) s += a[d] * b[d];
			if (s < FLOOR) continue;
			push(i, j, s);
			push(j, i, s);
		}
	}
	// Every character gets a row, in frequency order, so the table doubles as the list of common characters.
	const neighbours: Record<string, string> = {};
	for (let i = 0; i < n; i++) {
		// "合83 治80": neighbour then score ×100, space separated — a fifth of the size of nested arrays.
		neighbours[chars[i]] = best[i].map(([j, s]) => `${chars[j]}${Math.round(s * 100)}`).join(" ");
	}
	const table = {
		description:
			"Visually similar characters (top-k per character, cosine of blurred glyph bitmaps ×100). Generated by scripts/build-glyph-table.ts; do not edit.",
		font: values.font!.split("/").pop(),
		characters: n,
		k: K,
		params: { cell: CELL, fontPx: FONT_PX, grid: GRID, sigma: SIGMA, floor: FLOOR },
		neighbours,
	};
	mkdirSync(dirname(values.out!), { recursive: true });
	writeFileSync(values.out!, `${JSON.stringify(table, null, "\t")}\n`);
	const check = ["台合", "间闻", "休体", "名多", "己已", "直真"];
	for (const pair of check) {
		const [c, want] = [...pair];
		const list = (neighbours[c] ?? "").split(" ");
		const rank = list.findIndex((e) => e.startsWith(want));
		console.log(`${c}: ${want} ${rank < 0 ? "missing" : `#${rank + 1}`}  (${list.slice(0, 8).join(" ")})`);
	}
	console.log(`${n} characters → ${values.out}`);
}

main();
