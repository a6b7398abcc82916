/**
 * The one pass over a paragraph that the OCR detectors share. Each detector
 * used to walk every character itself (the look-alike scan, the context
 * flags, the mojibake regions, the script count, a regex for Latin/digit
 * mixes), and on news text the walking cost more than the looking. Here one
 * loop reads each code unit once, with one combined per-unit table, and
 * leaves each detector the few positions it must look at:
 *
 * - stranded suspects for the look-alike detector (lookalike.ts): Han
 *   characters with look-alikes that form no common word with either
 *   neighbour (neighbours read across line-wrap breaks), and of those only
 *   the ones that a look-alike may make a word with a neighbour (its
 *   reading filter);
 * - context-confusion candidates (context-confusion.ts): a flagged pair, and
 *   for the damaged-modifier check only where the three pairs before it form
 *   no word either (the same coverage the stranded test reads);
 * - the units mojibake is made of (mojibake.ts rebuilds its regions from them);
 * - which units occur at all (traditional forms, ASCII letters and digits,
 *   spaces), so that detectors that cannot fire are not called (the
 *   document's script balance is counted only once a traditional form shows).
 */
import { isHanUnit } from "../script.js";
import { HEAD_FIRST, PAIR_FLAG_BITS } from "./context-confusion.js";
import { lazy } from "./data.js";
import { hanRows, readingFilter, readingKey, readingSeen } from "./lookalike.js";
import { precomputed } from "./precomputed.js";
import { TRADITIONAL } from "./traditional.js";
import { coverageIndex, OUTSIDE_ROW, pairKey, RARE_ROW } from "./word-pairs.js";

/** A Han character the look-alike detector suspects when it is stranded (lookalike.suspectUnitsOf). */
const SUSPECT = 1;
const HAN = 2;
/** Space, CR, LF: a line-wrap break when it stands between Han characters. */
const BREAK = 4;
export const SEEN_SPACE = 8;
/** A unit mojibake is made of (mojibake.rareUnitsOf). */
const RARE = 16;
export const SEEN_LETTER = 32;
export const SEEN_DIGIT = 64;
export const SEEN_TRADITIONAL = 128;
/** context-confusion's pair flags, shifted into the bits above. */
const PAIR_SHIFT = 8;

export interface ParagraphScan {
	/** Paragraph offsets of the stranded suspects that the reading filter passes, in order; suspectCount of them. */
	suspects: Int32Array;
	suspectCount: number;
	/** A line-wrap break stands between two Han characters, read as one word across it (see lookalike.joinedView). */
	joined: boolean;
	/** Context-confusion candidates as triples: offset of the first character, of the second, pair flags; pairCount triples. */
	pairs: Int32Array;
	pairCount: number;
	/** Paragraph offsets of the units mojibake is made of, in order; rareCount of them. */
	rare: Int32Array;
	rareCount: number;
	/** SEEN_* bits of the units that occur. */
	seen: number;
}

/**
 * Per UTF-16 unit, every class any detector asks about, from the detectors'
 * own per-unit tables: precomputed into data/ocr-tables.bin by
 * build-tables.ts, since building it and the tables it reads cost ~25 ms of
 * start-up in every process and worker thread.
 */
export function unitInfoOf(suspect: Uint8Array, pair: Uint8Array, rare: Uint8Array, scriptKind: Uint8Array): Uint16Array {
	const info = new Uint16Array(0x10000);
	for (let c = 0; c < 0x10000; c++) {
		let v = suspect[c] !== 0 ? SUSPECT : 0;
		if (isHanUnit(c)) v |= HAN;
		if (rare[c] !== 0) v |= RARE;
		if (scriptKind[c] === TRADITIONAL) v |= SEEN_TRADITIONAL;
		if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) v |= SEEN_LETTER;
		if (c >= 0x30 && c <= 0x39) v |= SEEN_DIGIT;
		// Pair flags mark Chinese words' characters, all Han: a pair is read between view neighbours as for the stranded test.
		info[c] = v | (pair[c] << PAIR_SHIFT);
	}
	info[0x20] |= BREAK | SEEN_SPACE;
	info[0x0a] |= BREAK;
	info[0x0d] |= BREAK;
	return info;
}

const unitInfo = lazy((): Uint16Array => precomputed("unitInfo", Uint16Array));

/** Reused by every call: a scan is read before the next paragraph is scanned. */
const shared: ParagraphScan = {
	suspects: new Int32Array(256),
	suspectCount: 0,
	joined: false,
	pairs: new Int32Array(3 * 256),
	pairCount: 0,
	rare: new Int32Array(256),
	rareCount: 0,
	seen: 0,
};

/** First-character pair flags; the matching second-character flags are these shifted left by two. */
const FIRST_FLAGS = (1 << (PAIR_FLAG_BITS / 2)) - 1;

/**
 * Scans `source` from `from` to `to` (a paragraph: offsets in the result are
 * relative to `from`). The paragraph is read in the document it came from, not
 * as its own string, because a sliced string costs an indirection on every
 * character read. The result is shared: valid until the next call.
 */
export function scanParagraph(source: string, from: number, to: number): ParagraphScan {
	const out = shared;
	const length = to - from;
	if (out.suspects.length < length) {
		const size = Math.max(length, 2 * out.suspects.length);
		out.suspects = new Int32Array(size);
		out.rare = new Int32Array(size);
		out.pairs = new Int32Array(3 * size);
	}
	const { suspects, rare, pairs } = out;
	const info = unitInfo();
	const rows = hanRows();
	const { bits, coveredRare } = coverageIndex();
	const filter = readingFilter();
	let suspectCount = 0;
	let rareCount = 0;
	let pairCount = 0;
	let seen = 0;
	let joined = false;
	if (from < to) {
		let i = from;
		let c = source.charCodeAt(i);
		let m = info[c];
		let rc = rows[c];
		// The previous unit of the view (breaks that join taken out) and its classes.
		let p = -1;
		let mp = 0;
		// Coverage of the pairs ending at i, one bit each: bit 0 the pair (previous, i), bit 1 the one before.
		let history = 0;
		for (;;) {
			let j = i + 1;
			let q = -1;
			let mq = 0;
			let covered = 0;
			if (j < to) {
				q = source.charCodeAt(j);
				mq = info[q];
				if ((mq & BREAK) !== 0 && (m & HAN) !== 0) {
					// A line-wrap break between two Han characters (台 作): the pair is read across it.
					let after = j + 1;
					if (q === 0x0d && after < to && source.charCodeAt(after) === 0x0a) after++;
					if (after < to && (info[source.charCodeAt(after)] & HAN) !== 0) {
						seen |= mq;
						joined = true;
						j = after;
						q = source.charCodeAt(j);
						mq = info[q];
					}
				}
				// Whether the pair (i, j) occurs in a common word, read without a branch where both are frequent
				// (a pair with a unit that is not Han reads a zero row; see word-pairs.ts).
				const rq = rows[q];
				if (rc === RARE_ROW || rq === RARE_ROW) {
					covered = rc !== OUTSIDE_ROW && rq !== OUTSIDE_ROW && coveredRare.has(pairKey(c, q)) ? 1 : 0;
				} else {
					const bit = rc | (rq << 1);
					covered = (bits[bit >>> 5] >>> (bit & 31)) & 1;
				}
				rc = rq;
			}
			if ((m & ~(history | covered) & SUSPECT) !== 0) {
				// Nineteen sides in twenty have no reading a look-alike could make a word of (see lookalike.readingFilter).
				if (((mp & HAN) !== 0 && readingSeen(filter, readingKey(c, p, -1))) || ((mq & HAN) !== 0 && readingSeen(filter, readingKey(c, q, 1)))) {
					suspects[suspectCount++] = i - from;
				}
			}
			let pair = (m >>> PAIR_SHIFT) & (mq >>> (PAIR_SHIFT + 2)) & FIRST_FLAGS;
			if (pair !== 0) {
				// damagedModifier needs the two characters before a head noun and the one before them stranded.
				if ((history & 7) !== 0) pair &= ~HEAD_FIRST;
				if (pair !== 0) {
					pairs[3 * pairCount] = i - from;
					pairs[3 * pairCount + 1] = j - from;
					pairs[3 * pairCount + 2] = pair;
					pairCount++;
				}
			}
			if ((m & RARE) !== 0) rare[rareCount++] = i - from;
			seen |= m;
			if (j >= to) break;
			i = j;
			p = c;
			mp = m;
			c = q;
			m = mq;
			history = (history << 1) | covered;
		}
	}
	out.suspectCount = suspectCount;
	out.rareCount = rareCount;
	out.pairCount = pairCount;
	out.seen = seen & (SEEN_SPACE | SEEN_LETTER | SEEN_DIGIT | SEEN_TRADITIONAL);
	out.joined = joined;
	return out;
}
