import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";
import type { ParagraphNode } from "../src/language/ast.js";
import {
	codePointAt,
	codePointBefore,
	countHan,
	isAsciiDigit,
	isAsciiLetter,
	isChinese,
	isCjkPunctuation,
	isHan,
	nextNonSpace,
	nextNonSpaceIndex,
	prevNonSpace,
	prevNonSpaceIndex,
} from "../src/linguistics/script.js";

type MessageIds = "halfWidth" | "halfWidthParens" | "unpairedParen" | "straightQuotes" | "ambiguousQuote" | "toFullWidth";
type Options = [{ quotes?: boolean }];

const FULL: Readonly<Record<string, string>> = { ",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）" };

/** Closing marks after which a half-width full stop still ends a Chinese sentence. */
const CLOSERS = new Set([..."”’）》」』】〕"].map((c) => c.codePointAt(0)!));
/** Before a quote, these mean the quote opens. */
const OPEN_BEFORE = new Set([..."，：、（《“‘—,:(["].map((c) => c.codePointAt(0)!));
/** After a quote, these mean it closes. */
const CLOSE_AFTER = new Set([..."，。、；：？！）》,.;:?!)"].map((c) => c.codePointAt(0)!));

/** Lines that look like program code; their punctuation is syntax. */
const CODE_LINE =
	/^\s*(?:(?:const|let|var|function|def|import|from|return|if|for|while|print|console\.log|class|public|private)\b|[A-Za-z_$][\w$.]*\s*(?:=[^=]|\([^)\n]*\)\s*(?:[;{]\s*)?$)|[{}]|#include|\/\/|<\/?[a-z])/u;

const URL = /\b(?:https?|ftp):\/\/[^\s"'<>\u3000-\u303f\uff00-\uffef\u2018-\u201d\u3400-\u9fff]+|\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s"'<>\u3000-\u303f\uff00-\uffef\u2018-\u201d\u3400-\u9fff]*/gu;
const BACKTICKS = /`[^`\n]*`/gu;
const URL_TRAILING = /[.,;:!?)]+$/u;

type Span = [number, number];

/**
 * Every half-width mark the rule looks at. One native scan per paragraph finds
 * them all (and, finding none, rejects the paragraph); `test` moves lastIndex
 * without building a match array.
 */
const CANDIDATES = /[,.;:?!()"']/gu;

/** Offsets of the candidate marks of one paragraph, by kind, in text order. */
interface Candidates {
	marks: number[];
	parens: number[];
	doubleQuotes: number[];
	singleQuotes: number[];
}

function scanCandidates(text: string): Candidates | undefined {
	CANDIDATES.lastIndex = 0;
	if (!CANDIDATES.test(text)) return undefined;
	const found: Candidates = { marks: [], parens: [], doubleQuotes: [], singleQuotes: [] };
	do {
		const i = CANDIDATES.lastIndex - 1;
		const c = text.charCodeAt(i);
		if (c === 0x28 || c === 0x29) found.parens.push(i);
		else if (c === 0x22) found.doubleQuotes.push(i);
		else if (c === 0x27) found.singleQuotes.push(i);
		else found.marks.push(i);
	} while (CANDIDATES.test(text));
	return found;
}

/** Offsets in the paragraph whose punctuation belongs to URLs, e-mail addresses or code. */
function protectedSpans(text: string): Span[] {
	const spans: Span[] = [];
	for (const re of [URL, BACKTICKS]) {
		// Each needs a literal the paragraph rarely has: skip the scan when it is absent.
		if (re === URL ? !text.includes("://") && !text.includes("www.") : !text.includes("`")) continue;
		re.lastIndex = 0;
		for (let m = re.exec(text); m; m = re.exec(text)) {
			const trimmed = re === URL ? m[0].replace(URL_TRAILING, "") : m[0];
			spans.push([m.index, m.index + trimmed.length]);
		}
	}
	// E-mail: grow outwards from each "@" instead of a backtracking regex.
	for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
		let s = at;
		while (s > 0 && /[A-Za-z0-9._%+-]/u.test(text[s - 1])) s--;
		let e = at + 1;
		while (e < text.length && /[A-Za-z0-9.-]/u.test(text[e])) e++;
		if (s < at && text.slice(at + 1, e).includes(".")) spans.push([s, e]);
	}
	let lineStart = 0;
	for (const line of text.split("\n")) {
		if (CODE_LINE.test(line) && countHan(line.replace(/(["'])[^"'\n]*\1/gu, "")) === 0) spans.push([lineStart, lineStart + line.length]);
		lineStart += line.length + 1;
	}
	return spans.sort((a, b) => a[0] - b[0]);
}

/** A test for "is offset i protected", computing the spans only when first asked (most paragraphs never ask). */
function makeProtectedTest(text: string): (i: number) => boolean {
	let spans: Span[] | undefined;
	return (i) => {
		spans ??= protectedSpans(text);
		for (let k = 0; k < spans.length; k++) {
			if (i < spans[k][0]) return false;
			if (i < spans[k][1]) return true;
		}
		return false;
	};
}

/** Widens [start, end) over ASCII spaces on both sides when they are inner gaps of the line. */
function absorbSpaces(text: string, start: number, end: number): Span {
	let s = start;
	while (s > 0 && text[s - 1] === " ") s--;
	if (s === 0 || text[s - 1] === "\n") s = start;
	let e = end;
	while (e < text.length && text[e] === " ") e++;
	if (e === text.length || text[e] === "\n" || text[e] === "\r") e = end;
	return [s, e];
}

/**
 * Offsets of the half-width marks used as Chinese punctuation, in order. A
 * mark whose only Chinese neighbour is another mark being converted (",,,；")
 * is decided with that neighbour already full-width, so a run converts in one
 * pass rather than one mark per pass (fixing twice must equal fixing once).
 */
function chineseMarkOffsets(text: string, marks: readonly number[], isProtected: (i: number) => boolean): number[] {
	const chosen = new Set<number>();
	// Indices into `marks` of the chosen marks whose neighbours are still to be looked at.
	const queue: number[] = [];
	for (let k = 0; k < marks.length; k++) {
		const i = marks[k];
		// Both tests are pure; the cheap local one first, so most paragraphs never compute their protected spans.
		if (isChinesePunctuationUse(text, i, text[i]) && !isProtected(i)) {
			chosen.add(i);
			queue.push(k);
		}
	}
	if (chosen.size === 0) return [];
	const found = chosen.size;
	// Only marks next to a chosen one (across spaces) can change their answer; look at them in a small window.
	while (queue.length) {
		const k = queue.pop()!;
		for (const n of [k - 1, k + 1]) {
			const j = marks[n];
			if (j === undefined || chosen.has(j) || isProtected(j)) continue;
			const [from, to] = j < marks[k] ? [j + 1, marks[k]] : [marks[k] + 1, j];
			if (text.slice(from, to).trim() !== "") continue;
			const lo = Math.max(0, j - WINDOW);
			const window = [...text.slice(lo, j + WINDOW + 1)];
			for (let c = lo; c < lo + window.length; c++) if (chosen.has(c)) window[c - lo] = FULL[text[c]];
			if (isChinesePunctuationUse(window.join(""), j - lo, text[j])) {
				chosen.add(j);
				queue.push(n);
			}
		}
	}
	// Found in order unless a neighbour was added after its successor.
	const out = [...chosen];
	return chosen.size === found ? out : out.sort((a, b) => a - b);
}
const WINDOW = 48;

/** Should the half-width `ch` at `i` become full-width? (not for parentheses and quotes) */
function isChinesePunctuationUse(text: string, i: number, ch: string): boolean {
	const prev = neighbour(text, i, -1);
	const next = neighbour(text, i, 1);
	const before = codePointAt(text, i - 1);
	const after = codePointAt(text, i + 1);
	if (ch === ".") {
		if (before === 0x2e || after === 0x2e) return false; // an ellipsis "..." is not a full stop
		if (!(next === -1 || isChinese(next) || isAsciiDigit(next))) return false;
		if (isHan(prev) || CLOSERS.has(prev)) return true;
		// 增长4.7%. — a number ending a Chinese sentence; not "1." numbering a list at the start of a line.
		return (isAsciiDigit(before) || before === 0x25) && (next === -1 || isChinese(next)) && isChinese(numberStart(text, i));
	}
	if (isAsciiDigit(before) && isAsciiDigit(after)) return false; // 1,000 and 10:30
	if (ch === ";" && /&#?[A-Za-z0-9]+$/u.test(text.slice(Math.max(0, i - 10), i))) return false; // HTML entity
	if (isChinese(prev)) return true;
	// 打造汉风号App,3 随着 / 成本70%,AI音乐: a comma between two short Latin or numeric words, each touching Chinese.
	if ((ch === "," || ch === ";") && !isChinese(next) && isChinese(wordEdge(text, i, -1)) && isChinese(wordEdge(text, i, 1))) return true;
	if (!isChinese(next) || next === 0x201c || next === 0x2018) return false;
	// After a Latin word "?" and "!" may belong to it (Yahoo!); a comma before Chinese never does.
	if (ch === "?" || ch === "!") return !isAsciiLetter(prev);
	return true;
}

const WORD_CHAR = /[A-Za-z0-9%.+\-]/u;

/**
 * The code point just outside the Latin or numeric word next to `i` (step -1: the word before, +1: after),
 * skipping spaces on the far side; -1 when there is no such word or it is longer than 16 characters.
 */
function wordEdge(text: string, i: number, step: -1 | 1): number {
	let k = i + step;
	let length = 0;
	while (k >= 0 && k < text.length && WORD_CHAR.test(text[k])) {
		k += step;
		if (++length > 16) return -1;
	}
	if (length === 0) return -1;
	return step < 0 ? prevNonSpace(text, k + 1) : nextNonSpace(text, k);
}

/** The code point before the number that ends at `end` (digits, dots, %, commas), or -1 at the start of a line. */
function numberStart(text: string, end: number): number {
	let k = end;
	while (k > 0 && /[0-9.,%]/u.test(text[k - 1])) k--;
	return codePointBefore(text, k);
}

/** Straight quotes and ASCII brackets next to a mark are transparent: `"村超".` ends a Chinese sentence. */
const TRANSPARENT = new Set([0x22, 0x27, 0x28, 0x29]);

/** The nearest non-space code point before (-1) or after (+1) offset `i`, looking through up to three transparent marks. */
function neighbour(text: string, i: number, step: -1 | 1): number {
	let at = i;
	for (let hops = 0; hops < 4; hops++) {
		at = step < 0 ? prevNonSpaceIndex(text, at) : nextNonSpaceIndex(text, at + 1);
		if (at < 0) return -1;
		const cp = codePointAt(text, at);
		if (!TRANSPARENT.has(cp) || hops === 3) return cp;
	}
	return -1;
}

type Direction = "open" | "close" | null;

/** What the neighbours of a straight quote say about its direction. */
function quoteEvidence(text: string, i: number): Direction {
	const prev = prevNonSpace(text, i);
	const next = nextNonSpace(text, i + 1);
	// A gap on one side only is where OCR and column joins put it: outside the quotation.
	const spaceBefore = text[i - 1] === " " && text[i + 1] !== undefined && text[i + 1] !== " ";
	const spaceAfter = text[i + 1] === " " && text[i - 1] !== undefined && text[i - 1] !== " ";
	const opens = prev === -1 || OPEN_BEFORE.has(prev) || spaceBefore;
	// Not the mark before: after "。" a quotation may end (。") or the next one begin (。"我们…).
	const closes = next === -1 || CLOSE_AFTER.has(next) || spaceAfter;
	if (opens && !closes) return "open";
	if (closes && !opens) return "close";
	return null;
}

/** Straight quotes that are quotation marks here (not apostrophes, inch or foot marks, code). */
function quoteCandidates(text: string, quote: string, offsets: readonly number[], isProtected: (i: number) => boolean): number[] {
	const out: number[] = [];
	for (const i of offsets) {
		if (isProtected(i)) continue;
		const before = codePointAt(text, i - 1);
		const after = codePointAt(text, i + 1);
		if (isAsciiLetter(before) && isAsciiLetter(after)) continue; // don't, rock'n'roll
		if (isAsciiDigit(before) && (after === -1 || after === 0x20 || isAsciiLetter(after))) continue; // 15" and 5'
		if (quote === "'" && isAsciiDigit(before) && isAsciiDigit(after)) continue; // 3'20" (minutes and seconds)
		if (quote === '"' && /\d'\d+$/u.test(text.slice(Math.max(0, i - 8), i))) continue;
		out.push(i);
	}
	return out;
}

/** A quoted span is Chinese when its content or its outside neighbours are. */
function pairTouchesChinese(text: string, open: number, close: number): boolean {
	if (isChinese(prevNonSpace(text, open)) || isChinese(nextNonSpace(text, close + 1))) return true;
	for (let k = open + 1; k < close; k++) {
		const c = text.charCodeAt(k);
		if (isHan(c) || isCjkPunctuation(c)) return true;
	}
	return false;
}

const NONE: readonly number[] = [];

/** One kind of straight quote in a paragraph: its candidate offsets, and whether they pair up. */
interface QuoteRun {
	quote: string;
	/** The full-width quotes it becomes. */
	open: string;
	close: string;
	at: number[];
	paired: boolean;
}

/**
 * Which quote pairs are in Chinese text, once the fixes are made: a converted
 * pair is Chinese punctuation itself, so a pair whose outside neighbour it is,
 * or that encloses it, is Chinese too. Deciding that here, not in the next
 * --fix pass, makes one pass convert a whole run of pairs ("""" """"？), so
 * fixing twice gives what fixing once gave.
 */
function chinesePairs(text: string, kinds: readonly (readonly number[])[]): boolean[] {
	const chinese: boolean[] = [];
	let undecided = false;
	for (const at of kinds) {
		for (let k = 0; k < at.length; k += 2) {
			const c = pairTouchesChinese(text, at[k], at[k + 1]);
			chinese.push(c);
			if (!c) undecided = true;
		}
	}
	// Usual news text: every pair has Chinese around it already.
	if (!undecided || chinese.length < 2) return chinese;
	return spreadChinese(text, kinds, chinese);
}

/** Pairs `kinds` (flat open/close offsets per kind, in text order) that become Chinese through converted pairs. */
function spreadChinese(text: string, kinds: readonly (readonly number[])[], chinese: boolean[]): boolean[] {
	const pairs: Span[] = [];
	for (const at of kinds) for (let k = 0; k < at.length; k += 2) pairs.push([at[k], at[k + 1]]);
	const owner = new Map<number, number>();
	pairs.forEach(([a, b], p) => owner.set(a, p).set(b, p));
	// Who becomes Chinese when pair p is converted: the pairs it is the outside neighbour of, and those it lies in.
	const dependents: number[][] = pairs.map(() => []);
	const link = (from: number | undefined, to: number) => {
		if (from !== undefined && from !== to) dependents[from].push(to);
	};
	pairs.forEach(([a, b], q) => {
		link(owner.get(prevNonSpaceIndex(text, a)), q);
		link(owner.get(nextNonSpaceIndex(text, b + 1)), q);
	});
	// Pairs of one kind never overlap and are in text order: a binary search finds the one around an offset.
	let base = 0;
	for (const at of kinds) {
		for (const [p, [a, b]] of pairs.entries()) {
			for (const o of [a, b]) {
				const q = containing(at, o);
				if (q >= 0) link(p, base + q);
			}
		}
		base += at.length / 2;
	}
	const queue = chinese.flatMap((c, p) => (c ? [p] : []));
	while (queue.length) {
		for (const q of dependents[queue.pop()!]) {
			if (chinese[q]) continue;
			chinese[q] = true;
			queue.push(q);
		}
	}
	return chinese;
}

/** The pair (index into flat open/close offsets `at`) strictly around offset `o`, or -1. */
function containing(at: readonly number[], o: number): number {
	let lo = 0;
	let hi = at.length / 2 - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (at[2 * mid] < o) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found >= 0 && at[2 * found + 1] > o ? found : -1;
}

const rule: TextRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "layout",
		docs: {
			description: "Use full-width punctuation inside Chinese sentences",
			url: ruleDocsUrl("punctuation-width"),
			recommended: true,
		},
		fixable: "code",
		hasSuggestions: true,
		schema: [
			{
				type: "object",
				properties: { quotes: { type: "boolean" } },
				additionalProperties: false,
			},
		],
		defaultOptions: [{ quotes: true }],
		messages: {
			halfWidth: "Half-width '{{char}}' inside Chinese text; use '{{full}}'.",
			halfWidthParens: "Half-width parentheses around Chinese text; use '（…）'.",
			unpairedParen: "Half-width '{{char}}' without a partner inside Chinese text.",
			straightQuotes: "Straight quotes {{char}}…{{char}} inside Chinese text; use {{open}}…{{close}}.",
			ambiguousQuote:
				"Straight quote {{char}} inside Chinese text, but the quotes in this paragraph do not pair up; it probably {{direction}}s.",
			toFullWidth: "Replace with '{{full}}'.",
		},
	},
	create(context) {
		const [{ quotes }] = context.options;
		const { sourceCode } = context;

		function checkMarks(node: ParagraphNode, text: string, marks: readonly number[], isProtected: (i: number) => boolean): void {
			if (!marks.length) return;
			for (const i of chineseMarkOffsets(text, marks, isProtected)) {
				const ch = text[i];
				const span = absorbSpaces(text, i, i + 1);
				const s = span[0];
				const e = span[1];
				context.report({
					loc: sourceCode.locIn(node, i, i + 1),
					messageId: "halfWidth",
					data: { char: ch, full: FULL[ch] },
					fix: (fixer) => fixer.replaceTextRange(sourceCode.rangeIn(node, s, e), FULL[ch]),
				});
			}
		}

		function checkParens(node: ParagraphNode, text: string, parens: readonly number[], isProtected: (i: number) => boolean): void {
			if (!parens.length) return;
			const stack: number[] = [];
			const unpaired: number[] = [];
			for (const i of parens) {
				if (isProtected(i)) continue;
				if (text.charCodeAt(i) === 0x28) stack.push(i);
				else if (stack.length) {
					const open = stack.pop()!;
					const inner = text.slice(open + 1, i);
					const prev = prevNonSpace(text, open);
					const next = nextNonSpace(text, i + 1);
					const chinese =
						countHan(inner) > 0 || isChinese(prev) || (isChinese(next) && !isAsciiLetter(prev) && !isAsciiDigit(prev));
					if (!chinese || inner.includes("\n")) continue;
					// Only swallow the spaces outside the brackets; the content keeps its own spacing.
					const openRange: Span = [absorbSpaces(text, open, open + 1)[0], open + 1];
					const closeRange: Span = [i, absorbSpaces(text, i, i + 1)[1]];
					context.report({
						loc: sourceCode.locIn(node, open, i + 1),
						messageId: "halfWidthParens",
						fix: (fixer) => [
							fixer.replaceTextRange(sourceCode.rangeIn(node, openRange[0], openRange[1]), "（"),
							fixer.replaceTextRange(sourceCode.rangeIn(node, closeRange[0], closeRange[1]), "）"),
						],
					});
				} else unpaired.push(i);
			}
			for (const i of [...unpaired, ...stack]) {
				if (!isChinesePunctuationUse(text, i, ",")) continue;
				// "1)" and "a)" at the start of a line are list markers, full-width or not.
				if (text[i] === ")" && /(?:^|\n)\s*[0-9A-Za-z一二三四五六七八九十]{1,3}$/u.test(text.slice(Math.max(0, i - 8), i))) continue;
				const full = FULL[text[i]];
				context.report({
					loc: sourceCode.locIn(node, i, i + 1),
					messageId: "unpairedParen",
					data: { char: text[i] },
					suggest: [
						{
							messageId: "toFullWidth",
							data: { full },
							fix: (fixer) => fixer.replaceTextRange(sourceCode.rangeIn(node, i, i + 1), full),
						},
					],
				});
			}
		}

		/** The straight quotes of one kind, as pairs when they alternate open/close, else one by one. */
		function pairUp(text: string, isProtected: (i: number) => boolean, quote: string, offsets: readonly number[]): QuoteRun | undefined {
			if (!offsets.length) return undefined;
			const at = quoteCandidates(text, quote, offsets, isProtected);
			if (!at.length) return undefined;
			const alternationHolds =
				at.length % 2 === 0 &&
				at.every((i, k) => {
					const ev = quoteEvidence(text, i);
					return ev === null || ev === (k % 2 === 0 ? "open" : "close");
				});
			return { quote, open: quote === '"' ? "“" : "‘", close: quote === '"' ? "”" : "’", at, paired: alternationHolds };
		}

		function reportPairs(node: ParagraphNode, run: QuoteRun, chinese: readonly boolean[], first: number): void {
			const { open, close } = run;
			for (let k = 0; k < run.at.length; k += 2) {
				if (!chinese[first + k / 2]) continue;
				const [a, b] = [run.at[k], run.at[k + 1]];
				context.report({
					loc: sourceCode.locIn(node, a, b + 1),
					messageId: "straightQuotes",
					data: { char: run.quote, open, close },
					fix: (fixer) => [
						fixer.replaceTextRange(sourceCode.rangeIn(node, a, a + 1), open),
						fixer.replaceTextRange(sourceCode.rangeIn(node, b, b + 1), close),
					],
				});
			}
		}

		function reportUnpaired(node: ParagraphNode, text: string, run: QuoteRun): void {
			const { open, close } = run;
			run.at.forEach((i, k) => {
				if (!isChinese(prevNonSpace(text, i)) && !isChinese(nextNonSpace(text, i + 1))) return;
				const direction = quoteEvidence(text, i) ?? (k % 2 === 0 ? "open" : "close");
				const full = direction === "open" ? open : close;
				context.report({
					loc: sourceCode.locIn(node, i, i + 1),
					messageId: "ambiguousQuote",
					data: { char: run.quote, direction },
					suggest: [
						{
							messageId: "toFullWidth",
							data: { full },
							fix: (fixer) => fixer.replaceTextRange(sourceCode.rangeIn(node, i, i + 1), full),
						},
					],
				});
			});
		}

		function checkQuotes(node: ParagraphNode, text: string, isProtected: (i: number) => boolean, found: Candidates): void {
			const runs = [pairUp(text, isProtected, '"', found.doubleQuotes), pairUp(text, isProtected, "'", found.singleQuotes)];
			if (!runs[0] && !runs[1]) return;
			const chinese = chinesePairs(text, [runs[0]?.paired ? runs[0].at : NONE, runs[1]?.paired ? runs[1].at : NONE]);
			let first = 0;
			for (const run of runs) {
				if (!run) continue;
				if (!run.paired) {
					reportUnpaired(node, text, run);
					continue;
				}
				reportPairs(node, run, chinese, first);
				first += run.at.length / 2;
			}
		}

		return {
			Paragraph(node) {
				const text = node.value;
				const found = scanCandidates(text);
				if (!found) return;
				const isProtected = makeProtectedTest(text);
				checkMarks(node, text, found.marks, isProtected);
				checkParens(node, text, found.parens, isProtected);
				if (quotes) {
					checkQuotes(node, text, isProtected, found);
				}
			},
		};
	},
};

export default rule;
