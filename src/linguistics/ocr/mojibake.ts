/**
 * Mojibake and damaged characters. UTF-8 bytes decoded as GBK turn 新闻发布
 * into 鏂伴椈鍙戝竷 (runs of rare characters); decoded as Latin-1/cp1252 they
 * turn 中国 into ä¸­å½. Such runs are re-encoded and decoded as UTF-8; when
 * the round trip yields valid, common Chinese text it is the repair (fix).
 * U+FFFD and private-use characters mark bytes already lost: reported only.
 */
import { isCjkPunctuation, isHan } from "../script.js";
import { lazy } from "./data.js";
import { lookalikeTable } from "./lookalike-table.js";
import { precomputed } from "./precomputed.js";
import type { ParagraphScan } from "./scan.js";
import type { OcrFinding } from "./types.js";

/**
 * The most frequent characters (the first rows of the glyph table, which is in
 * frequency order): mojibake is made of the others.
 */
const COMMON_RANK = 1500;
const rankedCharacters = lazy((): number[] => Array.from(lookalikeTable().ranked));
const commonCharacters = lazy((): Set<number> => new Set(rankedCharacters().slice(0, COMMON_RANK)));
/** A repair may use any of the table's 5 000 characters (慈善 are not among the 1 500 most common). */
const knownCharacters = lazy((): Set<number> => new Set(rankedCharacters()));

/**
 * Code unit → its two GBK bytes (0: none; no GBK code is 0), built by decoding every GBK code once
 * (WHATWG's gbk, as TextDecoder has it). Precomputed into data/ocr-tables.bin by build-tables.ts:
 * 24 k decoder calls cost ~11 ms in every process and worker thread that meets a rare-character region.
 */
export function gbkEncoderTable(): Uint16Array {
	const decoder = new TextDecoder("gbk");
	const map = new Uint16Array(0x10000);
	const pair = new Uint8Array(2);
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			if (trail === 0x7f) continue;
			pair[0] = lead;
			pair[1] = trail;
			const s = decoder.decode(pair);
			if (s.length === 1 && s !== "\ufffd" && map[s.charCodeAt(0)] === 0) map[s.charCodeAt(0)] = (lead << 8) | trail;
		}
	}
	return map;
}

const gbkEncoder = lazy((): Uint16Array => precomputed("gbkEncoder", Uint16Array));

/** cp1252's 0x80–0x9F block (the rest of Latin-1 maps to itself). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const cp1252Encoder = lazy((): Map<number, number> => {
	const map = new Map<number, number>();
	// Latin-1 proper, and the C1 controls a strict Latin-1 decoder leaves in place of cp1252's extras.
	for (let b = 0x80; b <= 0xff; b++) map.set(b, b);
	for (let k = 0; k < CP1252_HIGH.length; k++) map.set(CP1252_HIGH.charCodeAt(k), 0x80 + k);
	return map;
});

const utf8 = new TextDecoder("utf-8", { fatal: true });

function decodeUtf8(bytes: ArrayLike<number>): string | undefined {
	try {
		return utf8.decode(Uint8Array.from(bytes));
	} catch {
		return undefined;
	}
}

/** Valid repair: Chinese text (Han, CJK punctuation, ASCII letters/digits) and mostly common characters. */
function plausibleChinese(s: string): boolean {
	const common = knownCharacters();
	let han = 0;
	let commonHan = 0;
	for (const ch of s) {
		const c = ch.codePointAt(0)!;
		if (isHan(c)) {
			han++;
			if (common.has(c)) commonHan++;
		} else if (!isCjkPunctuation(c) && !/[A-Za-z0-9 ]/u.test(ch)) return false;
	}
	return han >= 1 && commonHan >= han * 0.8;
}

/** A 3-byte UTF-8 sequence as Latin-1/cp1252: a lead in à–ï and two continuation characters. */
const LATIN1_MOJIBAKE =
	/(?:[\u00e0-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2})+/gu;

const DAMAGED = /[\ufffd\ue000-\uf8ff]+/gu;

const CANDIDATE = 1;
const RARE = 2;
const LATIN1_LEAD = 4;
const DAMAGED_UNIT = 8;

/**
 * Per UTF-16 unit, as flags: CANDIDATE (has a GBK code to re-encode: not ASCII, not U+FFFD), RARE
 * (not among the common characters, see rareUnitsOf), LATIN1_LEAD (à–ï), DAMAGED_UNIT (U+FFFD, private use).
 * Precomputed into data/ocr-tables.bin by build-tables.ts, with the rare units of the glyph table's ranks.
 */
export function unitKindsOf(rare: Uint8Array): Uint8Array {
	const kinds = new Uint8Array(0x10000);
	for (let c = 0; c < 0x10000; c++) {
		let k = isGbkCandidate(c) ? CANDIDATE : 0;
		if (rare[c] === 1) k |= RARE;
		if (c >= 0xe0 && c < 0xf0) k |= LATIN1_LEAD;
		if ((c >= 0xe000 && c < 0xf900) || c === 0xfffd) k |= DAMAGED_UNIT;
		kinds[c] = k;
	}
	return kinds;
}

const unitKinds = lazy((): Uint8Array => precomputed("mojibakeKinds", Uint8Array));

const isLatin1Trail = (c: number) => (c >= 0x80 && c <= 0xbf) || (c >= 0x152 && c <= 0x2122);

interface Scan {
	latin1: boolean;
	damaged: boolean;
	/** Regions for the GBK repair search, as [from, to) pairs. */
	regions: number[] | undefined;
}

/**
 * Which searches can find anything: a Latin-1 lead with a trail after it, a
 * damaged character, and the regions where rare characters cluster (never
 * three common characters in a row) that hold at least two of them. Read
 * from the positions of the rare units alone (scan.ts lists them, about one
 * unit in thirty of news text): a region grows from a rare unit over at most
 * two common ones to the next, so the units between are looked at only there.
 */
function scanRare(text: string, rare: Int32Array, rareCount: number): Scan {
	const kinds = unitKinds();
	const n = text.length;
	let latin1 = false;
	let damaged = false;
	let regions: number[] | undefined;
	const note = (k: number, i: number) => {
		if ((k & LATIN1_LEAD) !== 0) {
			if (i + 1 < n && isLatin1Trail(text.charCodeAt(i + 1))) latin1 = true;
		} else if ((k & DAMAGED_UNIT) !== 0) damaged = true;
	};
	for (let x = 0; x < rareCount; x++) {
		const regionStart = rare[x];
		const k = kinds[text.charCodeAt(regionStart)];
		note(k, regionStart);
		// A rare unit without a GBK code (U+FFFD) starts no region.
		if ((k & CANDIDATE) === 0) continue;
		let count = 1;
		let last = regionStart;
		let end = n;
		// The region ends at a unit without a GBK code or at the third common character in a row.
		for (let i = regionStart + 1; i < n; i++) {
			const ki = kinds[text.charCodeAt(i)];
			if ((ki & CANDIDATE) === 0) {
				end = i;
				break;
			}
			if ((ki & RARE) !== 0) {
				// The next rare unit of the list: it joins this region.
				x++;
				note(ki, i);
				count++;
				last = i;
			} else if (i - last >= 3) {
				end = i;
				break;
			}
		}
		if (count < 2) continue;
		// A garbled span may begin or end with a character that happens to be common: widen by two, within the run.
		let from = Math.max(0, regionStart - 2);
		for (let i = regionStart - 1; i >= from; i--) {
			if ((kinds[text.charCodeAt(i)] & CANDIDATE) === 0) {
				from = i + 1;
				break;
			}
		}
		(regions ??= []).push(from, Math.min(end, from + MAX_REGION));
	}
	return { latin1, damaged, regions };
}

export function detectMojibake(text: string, options: { damaged: boolean; mojibake: boolean }, scan: ParagraphScan): OcrFinding[] {
	const findings: OcrFinding[] = [];
	if (scan.rareCount === 0) return findings;
	const seen = scanRare(text, scan.rare, scan.rareCount);
	if (options.mojibake) {
		if (seen.latin1) for (const m of text.matchAll(LATIN1_MOJIBAKE)) {
			const enc = cp1252Encoder();
			const bytes = [...m[0]].map((ch) => enc.get(ch.charCodeAt(0)) ?? -1);
			const repaired = bytes.includes(-1) ? undefined : decodeUtf8(bytes);
			if (repaired && plausibleChinese(repaired)) {
				findings.push(mojibakeFinding(m.index, m[0], repaired));
			}
		}
		const regions = seen.regions;
		if (regions) for (let k = 0; k < regions.length; k += 2) repairRun(text, regions[k], regions[k + 1], findings);
	}
	if (options.damaged && seen.damaged) {
		for (const m of text.matchAll(DAMAGED)) {
			if (findings.some((f) => f.start <= m.index && m.index < f.end)) continue;
			findings.push({ subtype: "damagedChar", start: m.index, end: m.index + m[0].length, confidence: 1, found: m[0] });
		}
	}
	return findings.sort((a, b) => a.start - b.start);
}

function mojibakeFinding(start: number, found: string, repaired: string): OcrFinding {
	return { subtype: "mojibake", start, end: start + found.length, replacement: repaired, confidence: 1, found, proposed: repaired };
}

const isGbkCandidate = (c: number) => c >= 0x80 && c !== 0xfffd;

/** Longest stretch tried at once; mojibake of a whole sentence is repaired piecewise. */
const MAX_REGION = 60;

/** Per UTF-16 unit: 1 when rare (not ASCII, not among the common characters of `ranked`, not punctuation). */
export function rareUnitsOf(ranked: ArrayLike<number>): Uint8Array {
	const table = new Uint8Array(0x10000).fill(1);
	table.fill(0, 0, 0x80);
	table.fill(0, 0x2010, 0x2070);
	table.fill(0, 0x3000, 0x3040);
	table.fill(0, 0xff00, 0xfff0);
	for (let k = 0; k < COMMON_RANK && k < ranked.length; k++) table[ranked[k]] = 0;
	return table;
}

/** repairRun's span ends, reused: a typed array per region cost a tenth of the detector. */
let endsBuffer: Int32Array | undefined;

/** Continuation bytes still expected after a UTF-8 lead byte; -1 for a byte that cannot start a character. */
function utf8Expect(b: number): number {
	if (b < 0x80) return 0;
	if (b >= 0xc2 && b <= 0xdf) return 1;
	if (b >= 0xe0 && b <= 0xef) return 2;
	if (b >= 0xf0 && b <= 0xf4) return 3;
	return -1;
}

/**
 * The repair search in one region (see scan): the longest sub-span whose GBK
 * bytes are valid UTF-8 and read as common Chinese is the repair.
 * For each start, walks the GBK bytes as a UTF-8 stream until it breaks
 * (linear per start) and tries the longest spans ending on a character
 * boundary: the repair search never decodes a span that cannot be UTF-8.
 */
function repairRun(text: string, from: number, to: number, out: OcrFinding[]): void {
	const enc = gbkEncoder();
	const common = commonCharacters();
	// Span ends on a character boundary, for the current start (a run is at most MAX_REGION long).
	const ends = (endsBuffer ??= new Int32Array(MAX_REGION));
	let start = from;
	while (start < to) {
		const first = enc[text.charCodeAt(start)];
		if (first === 0 || utf8Expect(first >> 8) <= 0) {
			start++;
			continue;
		}
		let count = 0;
		let pending = 0;
		for (let k = start; k < to; k++) {
			const code = enc[text.charCodeAt(k)];
			if (code === 0) break;
			let ok = true;
			for (let half = 0; half < 2; half++) {
				const b = half === 0 ? code >> 8 : code & 0xff;
				if (pending > 0) {
					if (b < 0x80 || b > 0xbf) ok = false;
					else pending--;
				} else {
					const e = utf8Expect(b);
					if (e < 0) ok = false;
					else pending = e;
				}
			}
			if (!ok) break;
			if (pending === 0) ends[count++] = k + 1;
		}
		let found = false;
		for (let e = count - 1; e >= 0 && !found; e--) {
			const end = ends[e];
			if (end - start < 2) break;
			const repaired = decodeUtf8(gbkBytes(text, start, end, enc));
			if (!repaired || !plausibleChinese(repaired)) continue;
			const span = text.slice(start, end);
			// The span itself must look wrong: mostly rare characters, not a common phrase that happens to decode.
			const rareInSpan = [...span].filter((ch) => isHan(ch.charCodeAt(0)) && !common.has(ch.charCodeAt(0))).length;
			if (rareInSpan * 3 < span.length) continue;
			out.push(mojibakeFinding(start, span, repaired));
			start = end;
			found = true;
		}
		if (!found) start++;
	}
}

function gbkBytes(text: string, start: number, end: number, enc: Uint16Array): Uint8Array {
	const bytes = new Uint8Array((end - start) * 2);
	for (let k = start; k < end; k++) {
		const code = enc[text.charCodeAt(k)];
		bytes[2 * (k - start)] = code >> 8;
		bytes[2 * (k - start) + 1] = code & 0xff;
	}
	return bytes;
}
