/**
 * The headline classifier: decides whether a paragraph is one of the lines a
 * news page sets without final punctuation — headline, subtitle, section
 * title, speaker line, dateline, caption, byline, page furniture — so the
 * structure rules do not take it for a sentence that stops dead.
 */
import { isBalanced } from "./pairs.js";
import { segmentWindow } from "./segment.js";
import { anyOf, continuationData, danglingEnding, hasInternalSentenceEnd, opensFrame } from "./sentence.js";

export type HeadingKind = "headline" | "subtitle" | "section" | "speaker" | "dateline" | "caption" | "byline" | "furniture";

interface Patterns {
	furniture: Pattern;
	bylines: Pattern;
	captions: Pattern;
	datelines: Pattern;
	title: RegExp;
}

type Pattern = { test(text: string): boolean };

let patterns: Patterns | undefined;

function compiled(): Patterns {
	if (patterns) return patterns;
	const d = continuationData();
	patterns = {
		furniture: anyOf(d.furniture.lines),
		bylines: anyOf(d.bylines),
		captions: anyOf(d.captions),
		datelines: anyOf(d.datelines),
		title: new RegExp(d.titleWords, "u"),
	};
	return patterns;
}

/** Longest headline, in characters without spaces. Body sentences that stop dead are usually longer. */
export const MAX_HEADLINE_LENGTH = 40;
/** A headline of two clauses ("牢牢把握千载难逢的信息革命历史机遇，加快信息化发展") is still short. */
const MAX_COMMA_HEADLINE_LENGTH = 30;
/** Speaker lines and numbered section titles run longer: "国家电力投资集团有限公司宣传与群团部主任、新闻中心主任  蔺明照". */
const MAX_LABEL_LENGTH = 64;

/** Longer raw text (spaces included) is never a title, label or byline. */
const MAX_RAW_LENGTH = MAX_LABEL_LENGTH * 3;
const SECTION_NUMBER = /^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[\s、．.]|第[一二三四五六七八九十0-9]{1,3}[章节部分篇])/u;
const COMMA = /[，,]/u;
const FINAL_STOP = /[。！？!?]$/u;

const SPACES = /[\s\u3000\u00a0]/gu;

/** Length of the text without whitespace: the regular expression skips to each space (a line has few), nothing is copied. */
function nonSpaceLength(text: string): number {
	let spaces = 0;
	SPACES.lastIndex = 0;
	while (SPACES.test(text)) spaces++;
	return text.length - spaces;
}

/** ASCII double quotes balance when there is an even number of them. */
function asciiQuotesBalanced(text: string): boolean {
	let n = 0;
	for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
	return n % 2 === 0;
}

/**
 * What kind of title-like line the text is, or undefined when it is body text
 * (or a fragment of it). Only single short lines qualify, and never a line
 * that holds a full sentence, leaves a quote or bracket open, ends in a
 * function word (的 和 在 …) or opens an adverbial frame (随着…) without a
 * comma: those are sentences cut short, however short they are.
 */
export function classifyHeading(raw: string): HeadingKind | undefined {
	// Every kind is a short line (a byline with many names at most twice a label): body paragraphs leave at once.
	if (raw.length > MAX_RAW_LENGTH) return undefined;
	const text = raw.trim();
	if (!text || text.includes("\n")) return undefined;
	const p = compiled();
	// Every use below compares the length with 30 or more: a shorter text need not be counted.
	const length = text.length <= MAX_COMMA_HEADLINE_LENGTH ? text.length : nonSpaceLength(text);
	if (p.furniture.test(text)) return "furniture";
	if (length <= MAX_LABEL_LENGTH * 2 && p.bylines.test(text)) return "byline";
	if (length <= MAX_LABEL_LENGTH && p.datelines.test(text)) return "dateline";
	// Every other kind is a single short line; long text is body, whatever else it looks like.
	if (length > MAX_LABEL_LENGTH) return undefined;
	// Titles and speaker lines carry no final stop; a short line that has one is a (tiny) paragraph, or a caption.
	// Most short body lines leave here, before the costlier checks, which could only say undefined too.
	if (FINAL_STOP.test(text)) return p.captions.test(text) && !hasInternalSentenceEnd(text) ? "caption" : undefined;
	if (hasInternalSentenceEnd(text)) return undefined;
	if (p.captions.test(text)) return "caption";
	if (!isBalanced(text) || !asciiQuotesBalanced(text)) return undefined;
	if (danglingEnding(text) !== undefined) return undefined;
	if (opensFrame(text) && !COMMA.test(text)) return undefined;
	if (/^[—―－-]{1,2}/u.test(text) && length <= MAX_LABEL_LENGTH) return "subtitle";
	if (length <= MAX_LABEL_LENGTH && !COMMA.test(text) && /[:：]$/u.test(text)) return "speaker";
	if (length <= MAX_LABEL_LENGTH && !COMMA.test(text) && p.title.test(text) && !opensFrame(text)) return "speaker";
	if (length <= MAX_LABEL_LENGTH && SECTION_NUMBER.test(text)) return "section";
	if (COMMA.test(text)) return length <= MAX_COMMA_HEADLINE_LENGTH && !endsOnSingleCharacter(text) ? "headline" : undefined;
	if (length <= MAX_HEADLINE_LENGTH) return "headline";
	return undefined;
}

/**
 * Two-clause headlines end on a full word (效能, 中国方案); a line of two
 * clauses that ends on a one-character piece (…组建运) was cut inside a word.
 */
function endsOnSingleCharacter(text: string): boolean {
	const tail = text.slice(-6);
	if (!/\p{Script=Han}$/u.test(tail)) return false;
	const tokens = segmentWindow(tail);
	return tokens[tokens.length - 1].word.length === 1;
}

/** True when the text is a title-like line that legitimately ends without punctuation. */
export function isHeading(text: string): boolean {
	return classifyHeading(text) !== undefined;
}
