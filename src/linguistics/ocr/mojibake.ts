/**
 * Mojibake and damaged characters. UTF-8 bytes decoded as GBK turn 新闻发布
 * into 鏂伴椈鍙戝竷 (runs of rare characters); decoded as Latin-1/cp1252 they
 * turn 中国 into ä¸­å½. Such runs are re-encoded and decoded as UTF-8; when
 * the round trip yields valid, common Chinese text it is the repair (fix).
 * U+FFFD and private-use characters mark bytes already lost: reported only.
 */
import { isCjkPunctuation, isHan } from "../script.js";
import { lazy, loadDataFile } from "./data.js";
import type { OcrFinding } from "./types.js";

/**
 * The most frequent characters (the first rows of the glyph table, which is in
 * frequency order): mojibake is made of the others.
 */
const COMMON_RANK = 1500;
const rankedCharacters = lazy(() =>
	Object.keys(loadDataFile<{ neighbours: Record<string, string> }>("glyph-neighbours.json").neighbours).map((c) => c.charCodeAt(0)),
);
const commonCharacters = lazy((): Set<number> => new Set(rankedCharacters().slice(0, COMMON_RANK)));
/** A repair may use any of the table's 5 000 characters (慈善 are not among the 1 500 most common). */
const knownCharacters = lazy((): Set<number> => new Set(rankedCharacters()));

/** Character → its two GBK bytes, built by decoding every GBK code once. */
const gbkEncoder = lazy((): Map<number, number> => {
	const decoder = new TextDecoder("gbk");
	const map = new Map<number, number>();
	const pair = new Uint8Array(2);
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			if (trail === 0x7f) continue;
			pair[0] = lead;
			pair[1] = trail;
			const s = decoder.decode(pair);
			if (s.length === 1 && s !== "\ufffd" && !map.has(s.charCodeAt(0))) map.set(s.charCodeAt(0), (lead << 8) | trail);
		}
	}
	return map;
});

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

function decodeUtf8(bytes: number[]): string | undefined {
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

const LATIN1_LEAD_UNIT = 1;
const DAMAGED_UNIT = 2;

/** Per UTF-16 unit: LATIN1_LEAD_UNIT for à–ï, DAMAGED_UNIT for U+FFFD and private use. */
const unitKinds = lazy((): Uint8Array => {
	const kinds = new Uint8Array(0x10000);
	kinds.fill(LATIN1_LEAD_UNIT, 0xe0, 0xf0);
	kinds.fill(DAMAGED_UNIT, 0xe000, 0xf900);
	kinds[0xfffd] = DAMAGED_UNIT;
	return kinds;
});

const isLatin1Trail = (c: number) => (c >= 0x80 && c <= 0xbf) || (c >= 0x152 && c <= 0x2122);

/**
 * One pass over the paragraph says which searches can find anything: a
 * Latin-1 lead with a trail after it, a damaged character, two rare
 * characters close together. Clean text almost never has any of them.
 */
function prescan(text: string): { latin1: boolean; damaged: boolean; rarePair: boolean } {
	const kinds = unitKinds();
	const rare = rareTable();
	let latin1 = false;
	let damaged = false;
	let rarePair = false;
	let lastRare = -10;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (rare[c] === 0) continue;
		const kind = kinds[c];
		if (kind === LATIN1_LEAD_UNIT && i + 1 < text.length && isLatin1Trail(text.charCodeAt(i + 1))) latin1 = true;
		else if (kind === DAMAGED_UNIT) damaged = true;
		if (i - lastRare <= 3) rarePair = true;
		lastRare = i;
	}
	return { latin1, damaged, rarePair };
}

export function detectMojibake(text: string, options: { damaged: boolean; mojibake: boolean }): OcrFinding[] {
	const findings: OcrFinding[] = [];
	const seen = prescan(text);
	if (options.mojibake) {
		if (seen.latin1) for (const m of text.matchAll(LATIN1_MOJIBAKE)) {
			const enc = cp1252Encoder();
			const bytes = [...m[0]].map((ch) => enc.get(ch.charCodeAt(0)) ?? -1);
			const repaired = bytes.includes(-1) ? undefined : decodeUtf8(bytes);
			if (repaired && plausibleChinese(repaired)) {
				findings.push(mojibakeFinding(m.index, m[0], repaired));
			}
		}
		if (seen.rarePair) findGbkMojibake(text, findings);
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

/**
 * Regions of non-ASCII text where rare characters cluster (never three
 * common characters in a row) and that hold at least two of them are tried:
 * the longest sub-span whose GBK bytes are valid UTF-8 and read as common
 * Chinese is the repair. Clean text rarely trips the test, so the search
 * costs nothing there.
 */
/** Per UTF-16 unit: 1 when rare (not ASCII, not among the common characters, not punctuation). */
const rareTable = lazy((): Uint8Array => {
	const table = new Uint8Array(0x10000).fill(1);
	table.fill(0, 0, 0x80);
	table.fill(0, 0x2010, 0x2070);
	table.fill(0, 0x3000, 0x3040);
	table.fill(0, 0xff00, 0xfff0);
	for (const c of commonCharacters()) table[c] = 0;
	return table;
});

function findGbkMojibake(text: string, out: OcrFinding[]): void {
	const rareKind = rareTable();
	let regionStart = -1;
	let runStart = 0;
	let lastRare = -1;
	let rare = 0;
	// A garbled span may begin or end with a character that happens to be common: widen by two.
	const close = (end: number) => {
		if (regionStart >= 0 && rare >= 2) {
			const from = Math.max(runStart, regionStart - 2);
			repairRun(text, from, Math.min(end, from + MAX_REGION), out);
		}
		regionStart = -1;
		rare = 0;
	};
	for (let i = 0; i <= text.length; i++) {
		const c = i < text.length ? text.charCodeAt(i) : 0;
		if (!isGbkCandidate(c)) {
			close(i);
			runStart = i + 1;
			continue;
		}
		const isRare = rareKind[c] === 1;
		if (isRare) {
			if (regionStart < 0) regionStart = i;
			rare++;
			lastRare = i;
		} else if (regionStart >= 0 && i - lastRare >= 3) {
			close(i);
		}
	}
}

/** Continuation bytes still expected after a UTF-8 lead byte; -1 for a byte that cannot start a character. */
function utf8Expect(b: number): number {
	if (b < 0x80) return 0;
	if (b >= 0xc2 && b <= 0xdf) return 1;
	if (b >= 0xe0 && b <= 0xef) return 2;
	if (b >= 0xf0 && b <= 0xf4) return 3;
	return -1;
}

/**
 * For each start, walks the GBK bytes as a UTF-8 stream until it breaks
 * (linear per start) and tries the longest spans ending on a character
 * boundary: the repair search never decodes a span that cannot be UTF-8.
 */
function repairRun(text: string, from: number, to: number, out: OcrFinding[]): void {
	const enc = gbkEncoder();
	const common = commonCharacters();
	let start = from;
	while (start < to) {
		const first = enc.get(text.charCodeAt(start));
		if (first === undefined || utf8Expect(first >> 8) <= 0) {
			start++;
			continue;
		}
		const ends: number[] = [];
		let pending = 0;
		const bytes: number[] = [];
		for (let k = start; k < to; k++) {
			const code = enc.get(text.charCodeAt(k));
			if (code === undefined) break;
			let ok = true;
			for (const b of [code >> 8, code & 0xff]) {
				if (pending > 0) {
					if (b < 0x80 || b > 0xbf) ok = false;
					else pending--;
				} else {
					const e = utf8Expect(b);
					if (e < 0) ok = false;
					else pending = e;
				}
				bytes.push(b);
			}
			if (!ok) break;
			if (pending === 0) ends.push(k + 1);
		}
		let found = false;
		for (let e = ends.length - 1; e >= 0 && !found; e--) {
			const end = ends[e];
			if (end - start < 2) break;
			const repaired = decodeUtf8(bytes.slice(0, (end - start) * 2));
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
