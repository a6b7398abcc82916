/**
 * Which paragraphs stop mid-clause, which begin mid-sentence, and which
 * truncated paragraph a fragment continues. Both `column-join` and
 * `truncated-sentence` read this one analysis (memoised per document), so
 * they always agree on where a broken sentence resumes.
 */
import type { ParagraphNode } from "../language/ast.js";
import type { TextSourceCode } from "../language/source-code.js";
import { classifyHeading, type HeadingKind } from "./headline.js";
import { OPEN_TO_CLOSE } from "./pairs.js";
import { isDictionaryWord, isWordInnerPair, segmentWindow, wordFrequency } from "./segment.js";
import { badStart, continuationData, danglingEnding, endsSentence, isWhitespaceUnit, trimEnd, trimmedEnd, unitTest } from "./sentence.js";

export interface ParagraphShape {
	paragraph: ParagraphNode;
	index: number;
	/** Set when the paragraph is a headline, byline, caption… (see headline.ts). */
	heading: HeadingKind | undefined;
	/** The text a sentence check looks at: without indent, a leading jump marker or a trailing byline. */
	body: string;
	/** Offset of `body` inside `paragraph.value`. */
	bodyStart: number;
	/** A body paragraph whose last sentence has no end. */
	truncated: boolean;
	/** The function word, comma or open quote it stops on, when there is one. */
	danglingOn: string | undefined;
	/** Why its first word cannot open a paragraph, when it cannot. */
	badStart: string | undefined;
	/** A quote or bracket left open at the end. */
	openQuote: boolean;
	/** A closing quote or bracket with no opener at the start. */
	closesQuote: boolean;
	/** Set when the lines of two columns alternate inside the paragraph: the gaps where one column's line ends. */
	interleaved: ColumnGap[] | undefined;
}

/** Where one printed line was glued to the next inside a paragraph (spaces or a line break); offsets into `paragraph.value`. */
export interface ColumnGap {
	start: number;
	end: number;
}

export interface Continuation {
	/** The paragraph that stops mid-clause. */
	head: ParagraphShape;
	/** The paragraph that carries on its sentence. */
	tail: ParagraphShape;
	/** The tail directly follows the head: the two can be joined in place. */
	adjacent: boolean;
	/** How many independent cues agree (2 at least, 3 for a distant pair). */
	score: number;
	/** A dictionary word spans the join ("基础" + "上的" → 基础上), when one does. */
	bridgeWord: string | undefined;
}

export interface DocumentContinuity {
	shapes: ParagraphShape[];
	byHead: Map<ParagraphNode, Continuation>;
	byTail: Map<ParagraphNode, Continuation>;
}

const OPEN_QUOTE = "“";
/** Distant continuations are looked for this many paragraphs either side. */
const SEARCH_WINDOW = 3;
const MIN_HAN = 4;

interface Markers {
	from: RegExp;
	to: RegExp;
	trailingByline: RegExp;
	/** Units a jump marker can begin with, a `to` marker end with, a trailing credit end with (before spaces). */
	opens: Set<number>;
	toEnds: (c: number) => boolean;
	creditEnds: (c: number) => boolean;
}

let markerRes: Markers | undefined;

function markers(): Markers {
	if (markerRes) return markerRes;
	const d = continuationData();
	markerRes = {
		from: new RegExp(`^(?:${d.markers.from.join("|")})`, "u"),
		to: new RegExp(`(?:${d.markers.to.join("|")})$`, "u"),
		trailingByline: new RegExp(d.trailingBylines, "u"),
		opens: new Set([...d.markers.opens].map((c) => c.charCodeAt(0))),
		toEnds: unitTest(new RegExp(d.markers.toEnds, "u")),
		creditEnds: unitTest(new RegExp(d.trailingBylineEnds, "u")),
	};
	return markerRes;
}

/** A UTF-16 unit of the BMP Han blocks (enough to tell body text from furniture). */
function isHanUnit(c: number): boolean {
	return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/**
 * Han characters in the text, counted up to `cap`: every caller only compares
 * the count with a small number, and a full count would scan whole paragraphs
 * again and again.
 */
function hanCount(text: string, cap: number): number {
	let n = 0;
	for (let i = 0; i < text.length && n < cap; i++) if (isHanUnit(text.charCodeAt(i))) n++;
	return n;
}

const TERMINAL_BEFORE_QUOTE = /[。！？!?…，,；;：:、]/u;

/**
 * Open and unopened quotes and brackets. Curly quotes and brackets pair by
 * shape; straight double quotes pair by count, and an odd one out is an
 * opener unless it follows a sentence end (then it closes something that
 * began elsewhere).
 */
function quoteState(text: string): { open: boolean; unopened: boolean } {
	let { open, unopened } = curlyState(text);
	const first = text.indexOf('"');
	if (first >= 0) {
		let count = 0;
		for (let i = first; i >= 0; i = text.indexOf('"', i + 1)) count++;
		if (count % 2 === 1) {
			const before = first > 0 ? text[first - 1] : "";
			const closesFirst = first > 0 && TERMINAL_BEFORE_QUOTE.test(before) && !/[：:，,]/u.test(before);
			if (closesFirst) unopened = true;
			else open = true;
		}
	}
	return { open, unopened };
}

/** Opening marks by code unit, with the closing mark each expects (pairs.ts's table, as code units for a fast scan). */
const OPENERS = new Map<number, number>(Object.entries(OPEN_TO_CLOSE).map(([o, c]) => [o.charCodeAt(0), c.charCodeAt(0)]));
const CLOSERS = new Set<number>(Object.values(OPEN_TO_CLOSE).map((c) => c.charCodeAt(0)));

/**
 * Whether curly quotes and brackets are left open, or closed without an
 * opener — the same pairing as `findUnpairedMarks` (a closer that matches a
 * deeper opener closes it and leaves the ones above open), without building
 * the list of problems: this runs on every paragraph.
 */
function curlyState(text: string): { open: boolean; unopened: boolean } {
	const stack: number[] = [];
	let unopened = false;
	let dropped = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// Every mark lies in one of four small ranges; the rest of the text is skipped without a lookup.
		if (!((c >= 0x28 && c <= 0x29) || (c >= 0x2018 && c <= 0x201d) || (c >= 0x3008 && c <= 0x3015) || (c >= 0xff08 && c <= 0xff09))) continue;
		const close = OPENERS.get(c);
		if (close !== undefined) {
			stack.push(close);
			continue;
		}
		if (!CLOSERS.has(c)) continue;
		const depth = stack.lastIndexOf(c);
		if (depth < 0) {
			unopened = true;
			continue;
		}
		if (depth < stack.length - 1) dropped = true;
		stack.length = depth;
	}
	return { open: dropped || stack.length > 0, unopened };
}

/**
 * Without blank lines a caption, byline or title can sit on the line under a
 * finished paragraph (or two titles share a block): the block then ends with
 * that line, not mid-clause. Every line before it must end a sentence or
 * be a title itself, so wrapped text whose last piece happens to be short
 * does not count.
 */
function trailingHeading(paragraph: ParagraphNode): HeadingKind | undefined {
	const children = paragraph.children;
	if (children.length < 2) return undefined;
	const last = classifyHeading(children[children.length - 1].value);
	if (last === undefined) return undefined;
	const lines = children.map((l) => l.value);
	// One line above that is neither a sentence nor a title settles it: the lines after it need no look.
	const above: Array<HeadingKind | "sentence"> = [];
	for (let k = 0; k + 1 < lines.length; k++) {
		const kind = endsSentence(withoutCredit(lines[k])) ? "sentence" : classifyHeading(lines[k]);
		if (kind === undefined) return undefined;
		above.push(kind);
	}
	// Wrapped lines of a column are short and look like headlines one by one: a stack of titles must not read on from line to line.
	if (above.slice(1).some((k) => k === "headline") && lines.some((l, k) => k + 1 < lines.length && readsOn(l, lines[k + 1], lines[k + 2]))) return undefined;
	return last;
}

/** The line read on into the next one, or into the one after it (two columns alternating). */
function readsOn(line: string, next: string, afterNext: string | undefined): boolean {
	const on = (right: string) => bridgeWord(line, right) !== undefined || segmentsAcross(line, right);
	return on(next) || (afterNext !== undefined && on(afterNext));
}

/** The text without a byline or photo credit after its last sentence ("…融合。 记者 马涛"). */
function withoutCredit(text: string): string {
	const m = markers();
	// Most paragraphs end on a stop, which no credit ends with: the pattern would be tried at every offset of the tail in vain.
	const end = trimmedEnd(text);
	if (end === 0 || !m.creditEnds(text.charCodeAt(end - 1))) return text;
	const at = tailMatch(m.trailingByline, text);
	return at === undefined ? text : text.slice(0, at + 1);
}

/** Markers and credits are short: look for them in this much of the start or end of a paragraph only. */
const MARKER_SPAN = 64;

/** Where a pattern anchored at the end matches in the text, searching only its last stretch (patterns must end in `$`). */
function tailMatch(pattern: RegExp, text: string): number | undefined {
	const from = Math.max(0, text.length - MARKER_SPAN);
	const m = pattern.exec(from ? text.slice(from) : text);
	return m ? from + m.index : undefined;
}

/**
 * A paragraph's shape. The quote state scans the whole body but is read only
 * for truncated paragraphs and the tails scored against them, so it is
 * computed on first read; `han` keeps the capped Han count every later
 * check needs.
 */
class Shape implements ParagraphShape {
	heading: HeadingKind | undefined;
	truncated: boolean;
	danglingOn: string | undefined;
	badStart: string | undefined;
	interleaved: ColumnGap[] | undefined;
	#quotes: { open: boolean; unopened: boolean } | undefined;
	#scrap: boolean | undefined;

	constructor(
		readonly paragraph: ParagraphNode,
		readonly index: number,
		readonly body: string,
		readonly bodyStart: number,
		/** Han characters in the body, counted up to MIN_HAN. */
		readonly han: number,
		heading: HeadingKind | undefined,
		truncated: boolean,
	) {
		this.heading = heading;
		this.truncated = truncated;
		this.danglingOn = undefined;
		this.badStart = undefined;
		this.interleaved = undefined;
	}

	get openQuote(): boolean {
		return (this.#quotes ??= quoteState(this.body)).open;
	}

	get closesQuote(): boolean {
		return (this.#quotes ??= quoteState(this.body)).unopened;
	}

	/** The whole body is a scrap of one to three characters ("报告。"): it can only be the end of a sentence. */
	get scrap(): boolean {
		return (this.#scrap ??= this.han <= 3 && this.body.replace(/[\p{P}\s]/gu, "").length <= 3);
	}
}

function shapeOf(paragraph: ParagraphNode, index: number): Shape {
	const value = paragraph.value;
	const lead = leadingSpace(value);
	let bodyStart = lead;
	const m = markers();
	const fromMarker = m.opens.has(value.charCodeAt(lead)) ? m.from.exec(value.slice(lead, lead + MARKER_SPAN)) : null;
	if (fromMarker) bodyStart += fromMarker[0].length;
	let body = trimEnd(value.slice(bodyStart));
	const toMarker = body.length > 0 && m.toEnds(body.charCodeAt(body.length - 1)) ? tailMatch(m.to, body) : undefined;
	if (toMarker !== undefined) body = trimEnd(body.slice(0, toMarker));
	body = withoutCredit(body);
	const heading = classifyHeading(value) ?? trailingHeading(paragraph);
	const han = hanCount(body, MIN_HAN);
	const isBody = heading === undefined && han > 0;
	// A jump line (下转第二版) says where the sentence goes on; column-join reports the marker, this is no truncation.
	const truncated = isBody && toMarker === undefined && han >= MIN_HAN && !endsSentence(body);
	const shape = new Shape(paragraph, index, body, bodyStart, han, heading, truncated);
	if (truncated) shape.danglingOn = danglingEnding(body) ?? (shape.openQuote ? OPEN_QUOTE : undefined);
	if (isBody) {
		shape.badStart = badStart(body);
		shape.interleaved = interleavedGaps(value);
	}
	return shape;
}

interface Fragment {
	text: string;
	start: number;
	end: number;
}

const GAP_CHAR = /[ \u3000\u00a0\t\n\r]/gu;
const isSpaceUnit = (c: number) => c === 0x20 || c === 0x3000 || c === 0xa0 || c === 0x09;
const isPunctuationUnit = unitTest(/\p{P}/u);
/** A Han character or punctuation: what a space-only gap must have on both sides. */
const isTextSide = (text: string, i: number) => isHanUnit(text.charCodeAt(i)) || isPunctuationUnit(text.charCodeAt(i));

/**
 * Splits a paragraph at its gaps: a line break (with any spaces around it)
 * between two non-space characters, or a run of spaces between two pieces of
 * Chinese text (a Han character or punctuation on each side). A hand-written
 * scan: a regular expression with look-behind would be tried at every offset.
 */
function fragmentsOf(value: string): { fragments: Fragment[]; gaps: ColumnGap[] } {
	return fragmentsAt(value, findGaps(value));
}

/** Gap bounds of the last `findGaps`: start and end of gap `k` at `2k` and `2k + 1`. */
let gapBounds = new Int32Array(64);

/** Finds the gaps of `fragmentsOf` and returns how many there are, without making a fragment: most paragraphs have none or one. */
function findGaps(value: string): number {
	let lead = 0;
	while (lead < value.length && (isSpaceUnit(value.charCodeAt(lead)) || value[lead] === "\n" || value[lead] === "\r")) lead++;
	let count = 0;
	// The regular expression jumps from one space or line break to the next (most paragraphs have none past their indent).
	GAP_CHAR.lastIndex = lead;
	while (GAP_CHAR.test(value)) {
		const i = GAP_CHAR.lastIndex - 1;
		let j = i;
		let breaks = 0;
		while (j < value.length) {
			const d = value.charCodeAt(j);
			if (d === 0x0a) breaks++;
			else if (!isSpaceUnit(d) && d !== 0x0d) break;
			j++;
		}
		const gap = j < value.length && (breaks === 1 || (breaks === 0 && isTextSide(value, i - 1) && isTextSide(value, j)));
		if (gap) {
			if (2 * count + 2 > gapBounds.length) {
				const grown = new Int32Array(2 * gapBounds.length);
				grown.set(gapBounds);
				gapBounds = grown;
			}
			gapBounds[2 * count] = i;
			gapBounds[2 * count + 1] = j;
			count++;
		}
		GAP_CHAR.lastIndex = j;
	}
	gapBounds[2 * count] = lead;
	return count;
}

/** The fragments and gaps of the `count` gaps the last `findGaps` found in `value`. */
function fragmentsAt(value: string, count: number): { fragments: Fragment[]; gaps: ColumnGap[] } {
	const fragments: Fragment[] = [];
	const gaps: ColumnGap[] = [];
	// The first fragment starts after the paragraph's leading space, which findGaps left after the last gap.
	let at = gapBounds[2 * count];
	for (let k = 0; k < count; k++) {
		const i = gapBounds[2 * k];
		const j = gapBounds[2 * k + 1];
		fragments.push({ text: value.slice(at, i), start: at, end: i });
		gaps.push({ start: i, end: j });
		at = j;
	}
	fragments.push({ text: value.slice(at), start: at, end: value.length });
	return { fragments, gaps };
}

/**
 * Printed lines glued with a space: in one column each line carries on the
 * one before (a word split across the gap, 探|讨), while when two columns
 * alternate a line carries on the line two places back (达|到最佳 skipping
 * the other column's line). Interleaved when skipping a fragment bridges more
 * gaps than reading straight on does.
 */
function interleavedGaps(value: string): ColumnGap[] | undefined {
	// Dropping furniture below only removes gaps.
	const count = findGaps(value);
	if (count < 2) return undefined;
	const split = fragmentsAt(value, count);
	// Page numbers and stray marks between lines are furniture, not a column: read across them.
	const fragments: Fragment[] = [];
	const gaps: ColumnGap[] = [];
	for (let k = 0; k < split.fragments.length; k++) {
		const f = split.fragments[k];
		if (k > 0 && f.text.length <= 6 && hanCount(f.text, 1) === 0) continue;
		if (k > 0) gaps.push(split.gaps[k - 1]);
		fragments.push(f);
	}
	if (gaps.length < 2) return undefined;
	// A cheap first look with split words only: a single column splits words straight across its gaps and hardly ever one line further.
	const splitWord = (k: number, skip: number) => bridgeWord(fragments[k].text, fragments[k + skip].text, BRIDGE_RATIO, GAP_WORD_LENGTH) !== undefined;
	const skippedWords: boolean[] = [];
	let skips = false;
	for (let k = 0; k < gaps.length; k++) {
		const word = k + 2 < fragments.length && splitWord(k, 2);
		skippedWords.push(word);
		skips ||= word;
	}
	// Straight joins are looked at only as far as needed: without a skipping word one straight word settles it.
	const straightWords: boolean[] = [];
	for (let k = 0; k < gaps.length; k++) {
		straightWords.push(splitWord(k, 1));
		if (!skips && straightWords[k]) return undefined;
	}
	// How well one fragment carries on another: 2 for a split word, 1 when segmentation puts a word across the join.
	const continuity = (split: boolean, left: string, right: string) => (split ? 2 : segmentsAcross(left, right) ? 1 : 0);
	let straight = 0;
	let skipping = 0;
	const broken: ColumnGap[] = [];
	for (let k = 0; k < gaps.length; k++) {
		const left = fragments[k].text;
		const on = continuity(straightWords[k], left, fragments[k + 1].text);
		straight += on;
		if (on === 0) broken.push(gaps[k]);
		if (k + 2 < fragments.length) skipping += continuity(skippedWords[k], left, fragments[k + 2].text);
		// Stop as soon as the remaining gaps could not make skipping win: most wrapped text reads straight on.
		if (skipping + 2 * (gaps.length - 1 - k) <= straight * INTERLEAVE_MARGIN) return undefined;
	}
	if (skipping < 2 || skipping <= straight * INTERLEAVE_MARGIN) return undefined;
	return broken.length ? broken : undefined;
}

/** Across line gaps two- and three-character words decide (and keep the dictionary lookups few on wrapped text). */
const GAP_WORD_LENGTH = 3;

/** Reading on from one skipped fragment must beat reading straight on by this factor. */
const INTERLEAVE_MARGIN = 1.5;


/** A word this much more frequent than its rarer half is taken as one word split in two. */
const BRIDGE_RATIO = 0.1;
/** A split word more frequent than one of its halves alone (矩 + 阵): no title ends on such a half. */
const SURE_BRIDGE_RATIO = 1;

/**
 * A dictionary word of two to four characters that spans the end of `left`
 * and the start of `right` ("需" + "要…" → 需要). Only a word that is common
 * compared with its halves counts: 不 + 二 makes 不二, but 不 and 二 are
 * words of their own far more often.
 */
export function bridgeWord(left: string, right: string, minRatio = BRIDGE_RATIO, maxLength = 4): string | undefined {
	const lEnd = trimmedEnd(left);
	const rStart = leadingSpace(right);
	// Every candidate word takes the last character of the left and the first of the right: test those before slicing.
	const last = left.charCodeAt(lEnd - 1);
	const first = right.charCodeAt(rStart);
	if (!isHanUnit(last) || !isHanUnit(first)) return undefined;
	// Most joins have no dictionary word across them: one table probe instead of nine lookups.
	if (!isWordInnerPair(last, first)) return undefined;
	const l = left.slice(Math.max(0, lEnd - 3), lEnd);
	const r = right.slice(rStart, rStart + 3);
	// A dictionary word holds only pairs of the join table: a half with a pair outside it makes no word at all.
	const leftInner = innerPairs(l, l.length - 1, -1);
	const rightInner = innerPairs(r, 0, 1);
	let best: string | undefined;
	let bestRatio = minRatio;
	// The halves' counts are shared by several candidate words: look each up once.
	const leftCounts: number[] = [];
	const rightCounts: number[] = [];
	for (let a = 1; a <= leftInner; a++) {
		for (let b = 1; b <= rightInner && a + b <= maxLength; b++) {
			const word = l.slice(-a) + r.slice(0, b);
			if (!HAN_ONLY.test(word)) continue;
			const f = wordFrequency(word);
			if (f === 0) continue;
			const fl = (leftCounts[a] ??= wordFrequency(l.slice(-a)));
			const fr = (rightCounts[b] ??= wordFrequency(r.slice(0, b)));
			const ratio = f / Math.max(1, Math.min(fl, fr));
			if (ratio >= bestRatio) {
				bestRatio = ratio;
				best = word;
			}
		}
	}
	return best;
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Offset of the first unit of the text that is not whitespace (`\s`, as the patterns see it). */
function leadingSpace(text: string): number {
	let i = 0;
	while (i < text.length && isWhitespaceUnit(text.charCodeAt(i))) i++;
	return i;
}

/**
 * How many units of `text`, from `from` stepping by `step`, are chained by
 * pairs of the join table (1 when the first pair already is not one, 0 for
 * an empty text): the longest piece that can be part of a dictionary word.
 */
function innerPairs(text: string, from: number, step: 1 | -1): number {
	if (text.length === 0) return 0;
	let n = 1;
	for (let i = from; n < text.length; i += step, n++) {
		const before = step === 1 ? i : i - 1;
		if (!isWordInnerPair(text.charCodeAt(before), text.charCodeAt(before + 1))) break;
	}
	return n;
}

/**
 * A weaker sign than `bridgeWord`: segmenting the join as one text puts a
 * dictionary word across it, however common its halves are on their own.
 */
function segmentsAcross(left: string, right: string): boolean {
	const lEnd = trimmedEnd(left);
	const rStart = leadingSpace(right);
	if (lEnd === 0 || rStart === right.length) return false;
	// A dictionary token across the join holds the pair of units either side of it: without one, skip segmenting.
	if (!isWordInnerPair(left.charCodeAt(lEnd - 1), right.charCodeAt(rStart))) return false;
	const l = left.slice(Math.max(0, lEnd - 4), lEnd);
	const r = right.slice(rStart, rStart + 4);
	if (!/\p{Script=Han}$/u.test(l) || !/^\p{Script=Han}/u.test(r)) return false;
	// Segmenting is the costly part: the token it could find is one of a few dictionary lookups across the join.
	if (!dictionaryWordAcross(l, r)) return false;
	return segmentWindow(l + r).some((t) => t.start < l.length && t.end > l.length && t.word.length <= 4 && isDictionaryWord(t.word));
}

/** Whether some dictionary word of at most four units takes the end of `l` and the start of `r`. */
function dictionaryWordAcross(l: string, r: string): boolean {
	const leftInner = innerPairs(l, l.length - 1, -1);
	const rightInner = innerPairs(r, 0, 1);
	for (let a = 1; a <= leftInner && a < 4; a++) {
		for (let b = 1; b <= rightInner && a + b <= 4; b++) if (isDictionaryWord(l.slice(-a) + r.slice(0, b))) return true;
	}
	return false;
}

/** The first clause of the tail is too short to stand alone ("好；拍摄…"). */
function fragmentHead(body: string): boolean {
	const m = /^[^，,。．.！!？?；;：:、…”"）)]*/u.exec(body);
	const head = m?.[0] ?? "";
	return head.length > 0 && head.length <= 3 && head.length < body.length;
}

/** A scrap of one to three characters closing some other clause, then text going on ("事，点击量突破…"). */
function scrapThenMore(text: string): boolean {
	const m = /^[^，,。．.！!？?；;：:、…”"）)]{1,3}[，,。．.！!？?；;：:、]/u.exec(text);
	return m !== null && text.length - m[0].length >= 4;
}

interface JoinScore {
	score: number;
	bridge: string | undefined;
	/** A cue that ties this head to this tail in particular (a split word, a quote opened in one and closed in the other). */
	specific: boolean;
	/** A cue on the tail's side (not only a head that stops short). */
	tailCue: boolean;
}

function score(head: Shape, tail: Shape): JoinScore {
	const bridge = bridgeWord(head.body, tail.body);
	let s = 0;
	let tailCue = false;
	if (bridge) {
		s += 2;
		tailCue = true;
	}
	let across = false;
	if (!bridge && segmentsAcross(head.body, tail.body)) {
		s += 1;
		across = true;
		tailCue = true;
	}
	if (head.openQuote && tail.closesQuote) {
		s += 2;
		tailCue = true;
	}
	if (tail.badStart) {
		// A particle or locative + 的 is proof; 于 only a hint (于今年… opens formal sentences).
		s += tail.badStart === "于" ? 1 : 2;
		tailCue = true;
	}
	if (tail.scrap) {
		s += 2;
		tailCue = true;
	} else if (fragmentHead(tail.body)) {
		s += 1;
		tailCue = true;
	}
	if (head.danglingOn !== undefined && head.danglingOn !== OPEN_QUOTE) s += 1;
	return { score: s, bridge, tailCue, specific: bridge !== undefined || across || (head.openQuote && tail.closesQuote) || tail.scrap };
}

/** Narrower pieces are wrapped lines of one column far more often than lines of a glued page. */
const MIN_SPREAD_WIDTH = 30;

/**
 * Once a page is known to interleave two columns, a paragraph of that page
 * with one to three glued gaps is interleaved too when the piece before the
 * first gap is one or two column lines long, no gap splits a word, and some
 * gap neither ends a sentence nor runs on.
 */
function spreadInterleave(shapes: Shape[]): void {
	const widths: number[] = [];
	for (const s of shapes) {
		if (!s.interleaved) continue;
		for (const f of fragmentsOf(s.paragraph.value).fragments) if (f.text.length >= 20 && f.text.length <= 60) widths.push(f.text.length);
	}
	if (widths.length < 4) return;
	widths.sort((a, b) => a - b);
	const width = widths[widths.length >> 1];
	const near = (n: number, w: number) => Math.abs(n - w) <= w * 0.2;
	for (const s of shapes) {
		if (s.interleaved || s.heading !== undefined || s.han < MIN_HAN) continue;
		const { fragments, gaps } = fragmentsOf(s.paragraph.value);
		if (gaps.length === 0 || gaps.length > 3) continue;
		// The piece before the first gap is a whole printed line of the page's columns.
		const first = fragments[0].text.length;
		if (first < MIN_SPREAD_WIDTH || (!near(first, width) && !near(first, width * 2))) continue;
		const broken = gaps.filter((g, k) => {
			const left = fragments[k].text;
			const right = fragments[k + 1].text;
			if (endsSentence(left) || bridgeWord(left, right)) return false;
			// After a comma the next clause may well be the same column; only a scrap of a clause says otherwise.
			return /\p{Script=Han}$/u.test(left) || fragmentHead(right);
		});
		// One join that reads straight on (a word split across it) is enough to call the paragraph a single column.
		const readsOn = gaps.some((g, k) => bridgeWord(fragments[k].text, fragments[k + 1].text) !== undefined);
		// And one join must visibly break: a line stopping on a function word, or the next starting with a scrap of another clause.
		const visiblyBroken = gaps.some((g, k) => danglingEnding(fragments[k].text) !== undefined || scrapThenMore(fragments[k + 1].text));
		if (broken.length && !readsOn && visiblyBroken) s.interleaved = broken;
	}
}

/** Whether a shape strictly between indices `a` and `b` is a heading. */
function headingBetween(shapes: readonly Shape[], a: number, b: number): boolean {
	for (let k = Math.min(a, b) + 1; k < Math.max(a, b); k++) if (shapes[k].heading !== undefined) return true;
	return false;
}

function analyse(paragraphs: readonly ParagraphNode[]): DocumentContinuity {
	// Filled by push: one kind of array for every document, so the code reading it is not deoptimised by an empty or holey one.
	const shapes: Shape[] = [];
	for (let i = 0; i < paragraphs.length; i++) shapes.push(shapeOf(paragraphs[i], i));
	spreadInterleave(shapes);
	// A title is followed by its body; a short line followed by a paragraph that opens with a particle was a sentence cut short.
	for (let i = 0; i + 1 < shapes.length; i++) {
		const line = shapes[i];
		const next = shapes[i + 1];
		if (line.heading !== "headline" || next.heading !== undefined || next.interleaved) continue;
		const proof = (next.badStart !== undefined && next.badStart !== "于") || bridgeWord(line.body, next.body, SURE_BRIDGE_RATIO) !== undefined;
		if (!proof) continue;
		line.heading = undefined;
		line.truncated = !endsSentence(line.body);
		line.danglingOn = line.truncated ? danglingEnding(line.body) : undefined;
	}
	const candidates: Continuation[] = [];
	for (const head of shapes) {
		if (!head.truncated || head.interleaved) continue;
		const from = Math.max(0, head.index - SEARCH_WINDOW);
		const to = Math.min(shapes.length - 1, head.index + SEARCH_WINDOW);
		for (let j = from; j <= to; j++) {
			const tail = shapes[j];
			if (j === head.index || tail.heading !== undefined || tail.interleaved || tail.han === 0) continue;
			const adjacent = j === head.index + 1;
			// A sentence does not resume across a section title.
			if (headingBetween(shapes, j, head.index)) continue;
			const { score: s, bridge, tailCue, specific } = score(head, tail);
			// A distant pair needs a cue tying the two together and more than one cue in all, unless the tail is a scrap that can belong nowhere else.
			// A split word is enough when the tail's neighbour ends its own sentence, so the tail continues nothing nearer.
			const loneTail = j > head.index && endsSentence(shapes[j - 1].body) && bridge !== undefined;
			if (!tailCue || (!adjacent && !specific) || s < (adjacent || loneTail || tail.scrap ? 2 : 3)) continue;
			candidates.push({ head, tail, adjacent, score: s + (adjacent ? 1 : 0) - Math.abs(j - head.index) * 0.01, bridgeWord: bridge });
		}
	}
	// Best-scoring pairs first; every paragraph takes part in at most one join on each side.
	candidates.sort((a, b) => b.score - a.score);
	const byHead = new Map<ParagraphNode, Continuation>();
	const byTail = new Map<ParagraphNode, Continuation>();
	for (const c of candidates) {
		if (byHead.has(c.head.paragraph) || byTail.has(c.tail.paragraph)) continue;
		byHead.set(c.head.paragraph, c);
		byTail.set(c.tail.paragraph, c);
	}
	return { shapes, byHead, byTail };
}

/** The continuity analysis of the document, computed once and shared by every rule that asks. */
export function documentContinuity(sourceCode: TextSourceCode): DocumentContinuity {
	return sourceCode.memo("continuity", sourceCode.ast, () => analyse(sourceCode.paragraphs));
}

/**
 * A paragraph that opens mid-sentence (a particle, a suffix, 上的…) right
 * after a finished paragraph, with no paragraph stopping short anywhere it
 * could continue, starts a block cut out of another story.
 */
export function opensForeignBlock(continuity: DocumentContinuity, shape: ParagraphShape): boolean {
	if (continuity.byTail.has(shape.paragraph) || shape.interleaved || shape.badStart === undefined || shape.badStart === "于") return false;
	const before = continuity.shapes.slice(Math.max(0, shape.index - SEARCH_WINDOW), shape.index);
	return before.length > 0 && !before.some((s) => s.truncated);
}

/** The paragraphs strictly between the head and the tail of a distant continuation, in document order. */
export function interveningParagraphs(continuity: DocumentContinuity, c: Continuation): ParagraphShape[] {
	const [a, b] = c.head.index < c.tail.index ? [c.head.index, c.tail.index] : [c.tail.index, c.head.index];
	return continuity.shapes.slice(a + 1, b);
}

export interface TextEdit {
	range: [number, number];
	text: string;
}

/**
 * The edits that rejoin a broken sentence. Adjacent halves are joined by
 * removing the paragraph break between them; a tail found elsewhere is moved
 * to the end of its head, taking the break before it along. Only a leading
 * jump marker and whitespace are dropped, never text.
 */
export function joinEdits(sourceCode: TextSourceCode, continuity: DocumentContinuity, c: Continuation): TextEdit[] {
	const head = c.head.paragraph;
	const tail = c.tail.paragraph;
	const [headEnd] = sourceCode.rangeIn(head, trimEnd(head.value).length);
	const [tailBody] = sourceCode.rangeIn(tail, c.tail.bodyStart);
	const [tailEnd] = sourceCode.rangeIn(tail, trimEnd(tail.value).length);
	if (c.adjacent) return [{ range: [headEnd, tailBody], text: "" }];
	const before = c.tail.index > 0 ? continuity.shapes[c.tail.index - 1].paragraph : undefined;
	const after = continuity.shapes[c.tail.index + 1]?.paragraph;
	const [cutStart, cutEnd] = before
		? [sourceCode.rangeIn(before, trimEnd(before.value).length)[0], tailEnd]
		: [sourceCode.rangeIn(tail, 0)[0], after ? sourceCode.rangeIn(after, 0)[0] : tailEnd];
	return [
		{ range: [headEnd, headEnd], text: sourceCode.text.slice(tailBody, tailEnd) },
		{ range: [cutStart, cutEnd], text: "" },
	];
}
