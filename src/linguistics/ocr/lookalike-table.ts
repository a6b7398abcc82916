/**
 * The look-alike relation of the OCR detectors, derived from
 * data/glyph-neighbours.json and data/ocr-confusions.json, and the glyph
 * table's character ranks (mojibake.ts), both precomputed into
 * data/ocr-tables.bin (precomputed.ts): parsing the 1 MB glyph table twice
 * and deriving the mutual near neighbours cost ~80 ms of start-up in every
 * process and worker thread.
 */
import { lazy } from "./data.js";
import { precomputed } from "./precomputed.js";

export interface Neighbour {
	code: number;
	/** 1 for a mutual nearest neighbour, lower when either character has closer look-alikes. */
	similarity: number;
}

export interface GlyphTable {
	neighbours: Record<string, string>;
}

export interface ConfusionTable {
	pairs: Array<[string, string, number]>;
}

/**
 * Only mutual near neighbours count: the blurred-bitmap cosine rates any two
 * dense characters alike (再/得 score 0.87), but a real OCR pair ranks each
 * other among its nearest (台↔合 1/2, 间↔闻 2/1, 直↔真 2/1, 休↔体 1/1, 顶↔项 6/2).
 */
const MAX_MUTUAL_RANK = 6;

/**
 * The look-alike relation: for each printed character (code unit), the
 * characters it may stand for with their similarity, in glyph-table order —
 * mutual near neighbours of the glyph table plus the directional pairs of
 * the curated confusions.
 */
export function relationFrom(glyphs: GlyphTable, extra: ConfusionTable): Map<number, Neighbour[]> {
	const relation = new Map<number, Neighbour[]>();
	const add = (a: number, b: number, similarity: number) => {
		const list = relation.get(a) ?? [];
		if (!list.some((n) => n.code === b)) list.push({ code: b, similarity });
		relation.set(a, list);
	};
	// Only the first MAX_MUTUAL_RANK entries of each list can make a mutual pair, so the
	// rank lookups scan a handful of codes instead of building maps of all 160 k entries.
	const lists = new Map<number, number[]>();
	for (const [ch, encoded] of Object.entries(glyphs.neighbours)) {
		const near: number[] = [];
		for (let at = 0; near.length < MAX_MUTUAL_RANK && at < encoded.length; ) {
			near.push(encoded.charCodeAt(at));
			const next = encoded.indexOf(" ", at);
			if (next < 0) break;
			at = next + 1;
		}
		lists.set(ch.charCodeAt(0), near);
	}
	for (const [a, near] of lists) {
		near.forEach((b, k) => {
			const back = lists.get(b)?.indexOf(a) ?? -1;
			if (back < 0) return;
			const worst = Math.max(k + 1, back + 1);
			add(a, b, 1 - 0.08 * (worst - 1));
		});
	}
	// Directional: [printed, intended] — 更多 must not become 更名 because 名家 can be 多家.
	for (const [printed, intended, s] of extra.pairs) add(printed.charCodeAt(0), intended.charCodeAt(0), s);
	return relation;
}

export interface LookalikeTable {
	/** Look-alikes of code unit c are codes/similarities[start[c] .. start[c + 1]). */
	start: Int32Array;
	codes: Uint16Array;
	similarities: Float32Array;
	/** The glyph table's characters, most frequent first. */
	ranked: Uint16Array;
}

/** The relation flattened (characters with look-alikes ascending, each list in relation order), as stored in data/ocr-tables.bin. */
export interface LookalikeArrays {
	glyphRanked: Uint16Array;
	lookalikeListed: Uint16Array;
	lookalikeListCount: Uint16Array;
	lookalikeCodes: Uint16Array;
	lookalikeSimilarities: Float32Array;
}

export function lookalikeArrays(glyphs: GlyphTable, extra: ConfusionTable): LookalikeArrays {
	const relation = relationFrom(glyphs, extra);
	const listed = [...relation.keys()].sort((a, b) => a - b);
	const entries = listed.flatMap((c) => relation.get(c)!);
	return {
		glyphRanked: Uint16Array.from(Object.keys(glyphs.neighbours), (c) => c.charCodeAt(0)),
		lookalikeListed: Uint16Array.from(listed),
		lookalikeListCount: Uint16Array.from(listed, (c) => relation.get(c)!.length),
		lookalikeCodes: Uint16Array.from(entries, (n) => n.code),
		lookalikeSimilarities: Float32Array.from(entries, (n) => n.similarity),
	};
}

/** The table from its stored arrays. */
export function lookalikeTableFrom(arrays: LookalikeArrays): LookalikeTable {
	const { lookalikeListed: listed, lookalikeListCount: listCount } = arrays;
	const start = new Int32Array(0x10001);
	let total = 0;
	for (let k = 0, c = 0; c <= 0x10000; c++) {
		start[c] = total;
		if (k < listed.length && listed[k] === c) total += listCount[k++];
	}
	return { start, codes: arrays.lookalikeCodes, similarities: arrays.lookalikeSimilarities, ranked: arrays.glyphRanked };
}

/** The table, from data/ocr-tables.bin on first use. */
export const lookalikeTable = lazy(
	(): LookalikeTable =>
		lookalikeTableFrom({
			glyphRanked: precomputed("glyphRanked", Uint16Array),
			lookalikeListed: precomputed("lookalikeListed", Uint16Array),
			lookalikeListCount: precomputed("lookalikeListCount", Uint16Array),
			lookalikeCodes: precomputed("lookalikeCodes", Uint16Array),
			lookalikeSimilarities: precomputed("lookalikeSimilarities", Float32Array),
		}),
);
