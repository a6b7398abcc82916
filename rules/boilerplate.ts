import { loadDataJson } from "../src/data-files.js";
import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";
import type { LineNode, ParagraphNode } from "../src/language/ast.js";
import type { SourceRange } from "@eslint/core";

type MessageIds = "editorCredit" | "reporterCredit" | "photoCredit" | "endMark" | "copyright" | "byline" | "furnitureLine";
type Options = [{ remove?: boolean; bylines?: boolean }];

interface PatternSpec {
	id: string;
	messageId: Exclude<MessageIds, "furnitureLine">;
	pattern: string;
	/** Only active when this option is on. */
	option?: "bylines";
	/** Groups of literals every match contains (each group: at least one of them); lines without them are skipped. */
	requires?: string[][];
	example?: string;
}
interface PatternFile {
	macros: Record<string, string>;
	patterns: PatternSpec[];
}
interface CompiledPattern extends PatternSpec {
	re: RegExp;
}

let compiled: CompiledPattern[] | undefined;

/** Loads data/boilerplate-patterns.json once per process and expands its macros. */
function patterns(): CompiledPattern[] {
	if (compiled) return compiled;
	const data = loadDataJson<PatternFile>("boilerplate-patterns.json");
	const macros: Array<[string, string]> = [];
	const expand = (source: string) => macros.reduce((s, [name, value]) => s.split(`{${name}}`).join(value), source);
	for (const [name, value] of Object.entries(data.macros)) macros.push([name, expand(value)]);
	compiled = data.patterns.map((p) => {
		const source = expand(p.pattern);
		// A literal the pattern does not even mention is a typo in the data that would hide real matches.
		for (const literal of (p.requires ?? []).flat()) {
			if (!source.includes(literal)) throw new Error(`boilerplate-patterns.json: "${p.id}" requires "${literal}", which its pattern does not contain`);
		}
		return { ...p, re: new RegExp(source, "gu") };
	});
	return compiled;
}

/**
 * Cheap pre-filter: a line without any of these cannot hold furniture.
 * Alternatives are literals or start with a plain character class, so the
 * units a keyword can start with are read off the source (see keywordStarts).
 */
const KEYWORDS = /编辑|责编|美编|主编|编审|校对|审校|制图|统筹|稿件|记者|通讯员|摄|供图|[图片频]由|图片来源|图源|完[ \u3000]*[）)】\]]|版权|Copyright|©|转载|未经|设计/uy;

let keywordStartUnits: Uint8Array | undefined;

/** A table of the UTF-16 units a keyword can start with (1), from the alternatives of KEYWORDS. */
function keywordStarts(): Uint8Array {
	if (keywordStartUnits) return keywordStartUnits;
	const table = new Uint8Array(0x10000);
	for (const alternative of KEYWORDS.source.split("|")) {
		const first = alternative[0] === "[" ? alternative.slice(1, alternative.indexOf("]")) : alternative[0];
		// Escapes, ranges and groups would need a real parse: the keyword list keeps to what this reads.
		if (/[\\()\-^.*+?{]/u.test(first)) throw new Error(`boilerplate: keyword "${alternative}" must start with a literal or a plain class`);
		for (let i = 0; i < first.length; i++) table[first.charCodeAt(i)] = 1;
	}
	return (keywordStartUnits = table);
}

/**
 * Whether a keyword occurs in the line. A table walk finds the units a keyword
 * can start with and the sticky pattern is tried there only: the alternation
 * scanned the whole text trying every keyword at every offset.
 */
function hasKeyword(text: string): boolean {
	const starts = keywordStarts();
	for (let i = 0; i < text.length; i++) {
		if (starts[text.charCodeAt(i)] === 0) continue;
		KEYWORDS.lastIndex = i;
		if (KEYWORDS.test(text)) return true;
	}
	return false;
}

/** What may remain on a line besides furniture for the whole line to be furniture. */
const FILLER = /^[\s\u3000，。、；,.;|/·\-—]*$/u;

const LABELS: Record<Exclude<MessageIds, "furnitureLine">, string> = {
	editorCredit: "editor credit",
	reporterCredit: "reporter credit",
	photoCredit: "photo credit",
	endMark: "end-of-story mark",
	copyright: "copyright notice",
	byline: "byline",
};

interface Match {
	start: number;
	end: number;
	spec: CompiledPattern;
}

/** Every group has a literal in the text (loops, not every/some: this runs per pattern on every keyword line). */
function containsRequired(text: string, requires: readonly (readonly string[])[]): boolean {
	for (const group of requires) {
		let found = false;
		for (const literal of group) {
			if (text.includes(literal)) {
				found = true;
				break;
			}
		}
		if (!found) return false;
	}
	return true;
}

function findMatches(text: string, bylines: boolean): Match[] {
	const found: Match[] = [];
	for (const spec of patterns()) {
		if (spec.option === "bylines" && !bylines) continue;
		if (spec.requires && !containsRequired(text, spec.requires)) continue;
		spec.re.lastIndex = 0;
		for (let m = spec.re.exec(text); m; m = spec.re.exec(text)) {
			if (m[0].length === 0) {
				spec.re.lastIndex++;
				continue;
			}
			found.push({ start: m.index, end: m.index + m[0].length, spec });
		}
	}
	// Earliest first, longest first on ties; drop matches inside an earlier one.
	found.sort((a, b) => a.start - b.start || b.end - a.end);
	const out: Match[] = [];
	for (const m of found) if (!out.length || m.start >= out[out.length - 1].end) out.push(m);
	return out;
}

const rule: TextRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "suggestion",
		docs: {
			description: "Report bylines and page furniture inside the body (editor credits, photo credits, end marks, copyright lines)",
			url: ruleDocsUrl("boilerplate"),
			recommended: "warn",
		},
		fixable: "code",
		schema: [
			{
				type: "object",
				properties: { remove: { type: "boolean" }, bylines: { type: "boolean" } },
				additionalProperties: false,
			},
		],
		defaultOptions: [{ remove: false, bylines: false }],
		messages: {
			editorCredit: "Page furniture: {{what}} '{{text}}'.",
			reporterCredit: "Page furniture: {{what}} '{{text}}'.",
			photoCredit: "Page furniture: {{what}} '{{text}}'.",
			endMark: "Page furniture: {{what}} '{{text}}'.",
			copyright: "Page furniture: {{what}} '{{text}}'.",
			byline: "Byline '{{text}}'.",
			furnitureLine: "Line of page furniture ({{what}}).",
		},
	},
	create(context) {
		const [{ remove, bylines }] = context.options;
		const { sourceCode } = context;

		/** Start of the line after `line`, or -1 when it is the last line of the file. */
		function nextLineStart(line: LineNode): number {
			return line.lineNumber < sourceCode.lines.length ? sourceCode.getIndexFromLoc({ line: line.lineNumber + 1, column: 1 }) : -1;
		}

		/**
		 * The whole line with one line break (for a one-line paragraph, with the
		 * blank lines that separate it), so removing it leaves no gap; ranges of
		 * neighbouring furniture lines touch but do not overlap.
		 */
		function lineRemovalRange(line: LineNode, paragraph: ParagraphNode): SourceRange {
			const paragraphs = sourceCode.ast.children;
			const p = paragraphs.indexOf(paragraph);
			const next = nextLineStart(line);
			if (paragraph.children.length === 1) {
				// Take the separator before the paragraph, so consecutive furniture paragraphs give touching ranges.
				if (p > 0) return [paragraphs[p - 1].range[1], paragraph.range[1]];
				if (p < paragraphs.length - 1) return [paragraph.range[0], paragraphs[p + 1].range[0]];
			}
			if (next >= 0) return [line.range[0], next];
			// The last line of the file: take the line break before it instead.
			const k = paragraph.children.indexOf(line);
			if (k > 0) return [paragraph.children[k - 1].range[1], line.range[1]];
			return p > 0 ? [paragraphs[p - 1].range[1], line.range[1]] : line.range;
		}

		return {
			Line(node, paragraph) {
				const text = node.value;
				if (!hasKeyword(text)) return;
				const matches = findMatches(text, bylines ?? false);
				if (!matches.length) return;
				let rest = "";
				let last = 0;
				for (const m of matches) {
					rest += text.slice(last, m.start);
					last = m.end;
				}
				rest += text.slice(last);
				if (FILLER.test(rest)) {
					const what = [...new Set(matches.map((m) => LABELS[m.spec.messageId]))].join(", ");
					const messageId = matches.length === 1 ? matches[0].spec.messageId : "furnitureLine";
					const range = lineRemovalRange(node, paragraph);
					context.report({
						loc: sourceCode.locIn(node, 0, text.length),
						messageId,
						data: { what, text: text.trim() },
						fix: remove ? (fixer) => fixer.removeRange(sourceCode.rangeIn(sourceCode.ast, range[0], range[1])) : null,
					});
					return;
				}
				for (const m of matches) {
					let { start, end } = m;
					// Take the gap that separated the furniture from the prose with it.
					if (end === text.length || /\s/u.test(text[end])) while (start > 0 && /[ \u3000]/u.test(text[start - 1])) start--;
					else while (end < text.length && /[ \u3000]/u.test(text[end])) end++;
					context.report({
						loc: sourceCode.locIn(node, m.start, m.end),
						messageId: m.spec.messageId,
						data: { what: LABELS[m.spec.messageId], text: text.slice(m.start, m.end).trim() },
						fix: remove ? (fixer) => fixer.removeRange(sourceCode.rangeIn(node, start, end)) : null,
					});
				}
			},
		};
	},
};

export default rule;
