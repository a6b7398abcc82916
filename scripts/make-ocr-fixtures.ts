/**
 * Generates the synthetic labelled fixtures of the ocr-garbling rule by
 * corrupting clean prose paragraphs of seeds 002–004 the way OCR does, with
 * a confusion table of its own (fixtures/ocr-garbling/confusions.json — not
 * the glyph table the rule uses, so the benchmark is not circular).
 *
 *   npx tsx scripts/make-ocr-fixtures.ts
 *
 * Tuning set (fixtures/ocr-garbling/synthetic/): paragraphs of seeds 002 and
 * 003, PRNG seed 1. Held-out set (fixtures/ocr-garbling/holdout/): paragraphs
 * of seed 004, PRNG seed 2 — never looked at while tuning. Deterministic.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as OpenCC from "opencc-js";
import { packageRoot } from "../src/package-root.js";
import { segment, wordFrequency } from "../src/linguistics/segment.js";
import { mulberry32 } from "./prng.js";

const prng = mulberry32;

const outRoot = join(packageRoot, "fixtures", "ocr-garbling");
const confusions = new Map(
	(JSON.parse(readFileSync(join(outRoot, "confusions.json"), "utf8")) as { pairs: string[] }).pairs.map((p) => [p[0], p[1]]),
);
const toTraditional = OpenCC.Converter({ from: "cn", to: "t" });
const exceptions = new Set(
	(JSON.parse(readFileSync(join(packageRoot, "data", "ocr-traditional-exceptions.json"), "utf8")) as { characters: string }).characters,
);
const isHan = (ch: string | undefined) => ch !== undefined && /\p{Script=Han}/u.test(ch);

function proseParagraphs(seedPrefixes: string[]): string[] {
	const out: string[] = [];
	for (const f of readdirSync(join(packageRoot, "seeds")).sort()) {
		if (!seedPrefixes.some((p) => f.startsWith(p))) continue;
		for (const raw of readFileSync(join(packageRoot, "seeds", f), "utf8").split(/\n/u)) {
			const p = raw.replace(/^[\u3000 ]+/u, "").trimEnd();
			// Prose only: sentence punctuation, no internal spaces (so every space we add is the injected one).
			if (p.length >= 40 && p.length <= 400 && /[，。]/u.test(p) && !/[ \u00a0\t]/u.test(p)) out.push(p);
		}
	}
	return out;
}

interface Label {
	line: number;
	column: number;
	messageId: string;
	note: string;
}

type Corrupt = (p: string, rand: () => number) => { text: string; marks: Array<{ offset: number; messageId: string; note: string }> } | undefined;

const pick = <T>(xs: T[], rand: () => number): T => xs[Math.floor(rand() * xs.length)];

/** Words already corrupted in the current file: one document rarely repeats the same misreading. */
const usedWords = new Set<string>();

const lookalike: Corrupt = (p, rand) => {
	// Swap a character inside a two-character dictionary word, as OCR would misread it.
	const tokens = segment(p);
	let at = 0;
	const spots: Array<{ offset: number; to: string; word: string }> = [];
	for (const t of tokens) {
		if (t.word.length === 2 && wordFrequency(t.word) >= 50 && !usedWords.has(t.word)) {
			for (let k = 0; k < 2; k++) {
				const to = confusions.get(t.word[k]);
				if (to) spots.push({ offset: at + k, to, word: t.word });
			}
		}
		at += t.word.length;
	}
	if (spots.length === 0) return undefined;
	const s = pick(spots, rand);
	usedWords.add(s.word);
	return {
		text: p.slice(0, s.offset) + s.to + p.slice(s.offset + 1),
		marks: [{ offset: s.offset, messageId: "lookalike", note: `${s.word}: ${p[s.offset]} → ${s.to}` }],
	};
};

const traditional: Corrupt = (p, rand) => {
	const spots: number[] = [];
	for (let i = 0; i < p.length; i++) {
		if (!isHan(p[i])) continue;
		const t = toTraditional(p[i]);
		if (t !== p[i] && t.length === 1 && !exceptions.has(t)) spots.push(i);
	}
	if (spots.length === 0) return undefined;
	const i = pick(spots, rand);
	const t = toTraditional(p[i]);
	return { text: p.slice(0, i) + t + p.slice(i + 1), marks: [{ offset: i, messageId: "traditional", note: `${p[i]} → ${t}` }] };
};

const latinDigit: Corrupt = (p, rand) => {
	const spots: Array<{ offset: number; len: number; to: string }> = [];
	for (const m of p.matchAll(/[A-Za-z0-9]+/gu)) {
		const tok = m[0];
		const before = p[m.index - 1];
		const after = p[m.index + tok.length];
		if (!isHan(before) && !isHan(after)) continue;
		if (/^(AI|IP|APP|IT|VR|AR)$/u.test(tok)) spots.push({ offset: m.index, len: tok.length, to: tok.replace("I", "1").replace("O", "0") });
		else if (/^\d{3,}$/u.test(tok) && /[01]/u.test(tok.slice(1))) {
			const k = tok.slice(1).search(/[01]/u) + 1;
			spots.push({ offset: m.index, len: tok.length, to: tok.slice(0, k) + (tok[k] === "0" ? "O" : "l") + tok.slice(k + 1) });
		}
	}
	if (spots.length === 0) return undefined;
	const s = pick(spots, rand);
	if (s.to === p.slice(s.offset, s.offset + s.len)) return undefined;
	return {
		text: p.slice(0, s.offset) + s.to + p.slice(s.offset + s.len),
		marks: [{ offset: s.offset, messageId: "latinDigit", note: `${p.slice(s.offset, s.offset + s.len)} → ${s.to}` }],
	};
};

const injectedSpace: Corrupt = (p, rand) => {
	const tokens = segment(p);
	const spots: number[] = [];
	let at = 0;
	for (const t of tokens) {
		if (t.word.length >= 2 && wordFrequency(t.word) >= 20 && [...t.word].every((c) => isHan(c))) spots.push(at + 1 + Math.floor(rand() * (t.word.length - 1)));
		at += t.word.length;
	}
	if (spots.length === 0) return undefined;
	const i = pick(spots, rand);
	return { text: `${p.slice(0, i)} ${p.slice(i)}`, marks: [{ offset: i, messageId: "injectedSpace", note: `space inside ${p.slice(i - 1, i + 1)}` }] };
};

const wrapped: Corrupt = (p, rand) => {
	// Whole paragraph re-wrapped at a column width, lines joined by spaces (seed 001's pattern).
	const width = 10 + Math.floor(rand() * 6);
	let text = "";
	const marks: Array<{ offset: number; messageId: string; note: string }> = [];
	for (let i = 0; i < p.length; i += width) {
		const chunk = p.slice(i, i + width);
		if (i > 0) {
			const left = p[i - 1];
			const right = p[i];
			if (left !== " " && right !== undefined) {
				if (isHan(left) || isHan(right)) marks.push({ offset: text.length, messageId: "injectedSpace", note: `wrap at ${width}` });
				text += " ";
			}
		}
		text += chunk;
	}
	return marks.length >= 3 ? { text, marks } : undefined;
};

const gbk = new TextDecoder("gbk");
const mojibake: Corrupt = (p, rand) => {
	// A run of 4–8 Han characters (even length, so GBK pairs align) decoded as GBK or Latin-1.
	const runs = [...p.matchAll(/\p{Script=Han}{4,}/gu)];
	if (runs.length === 0) return undefined;
	const r = pick(runs, rand);
	const len = Math.min(r[0].length, 4 + 2 * Math.floor(rand() * 3)) & ~1;
	const start = r.index + Math.floor(rand() * (r[0].length - len + 1));
	const bytes = Buffer.from(p.slice(start, start + len), "utf8");
	const latin = rand() < 0.3;
	const garbled = latin ? bytes.toString("latin1") : gbk.decode(bytes);
	if (garbled.includes("\ufffd")) return undefined;
	return {
		text: p.slice(0, start) + garbled + p.slice(start + len),
		marks: [{ offset: start, messageId: "mojibake", note: `${p.slice(start, start + len)} as ${latin ? "Latin-1" : "GBK"}` }],
	};
};

const damaged: Corrupt = (p, rand) => {
	const spots = [...p].map((c, i) => (isHan(c) ? i : -1)).filter((i) => i >= 0);
	const i = pick(spots, rand);
	return { text: `${p.slice(0, i)}\ufffd${p.slice(i + 1)}`, marks: [{ offset: i, messageId: "damagedChar", note: `${p[i]} lost` }] };
};

const kinds: Record<string, Corrupt> = { lookalike, traditional, "latin-digit": latinDigit, "injected-space": injectedSpace, wrapped, mojibake, damaged };

function generate(dir: string, seedPrefixes: string[], seed: number, perKind: number): void {
	const paragraphs = proseParagraphs(seedPrefixes);
	mkdirSync(dir, { recursive: true });
	for (const [name, corrupt] of Object.entries(kinds)) {
		usedWords.clear();
		const rand = prng(seed * 1000 + name.length * 7 + name.charCodeAt(0));
		const lines: string[] = [];
		const labels: Label[] = [];
		// Every paragraph once at most, in a shuffled order; a clean paragraph between corrupted ones keeps precision honest.
		const order = paragraphs.map((_, i) => i).sort(() => rand() - 0.5);
		let made = 0;
		for (const idx of order) {
			if (made >= perKind) break;
			const result = corrupt(paragraphs[idx], rand);
			if (!result) continue;
			const lineNo = lines.length + 1;
			lines.push(result.text, "");
			for (const m of result.marks) {
				// Columns are 1-based UTF-16 offsets, as the linter reports them.
				labels.push({ line: lineNo, column: m.offset + 1, messageId: m.messageId, note: m.note });
			}
			made++;
		}
		writeFileSync(join(dir, `${name}.txt`), `${lines.join("\n").trimEnd()}\n`);
		writeFileSync(join(dir, `${name}.expected.json`), `${JSON.stringify({ strict: false, findings: labels }, null, "\t")}\n`);
		console.log(`${dir}/${name}: ${made} paragraphs, ${labels.length} labels`);
	}
}

generate(join(outRoot, "synthetic"), ["002_", "003_"], 1, 40);
generate(join(outRoot, "holdout"), ["004_"], 2, 25);
