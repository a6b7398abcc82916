import type { RuleTextEditor } from "@eslint/core";
import type { ParagraphNode } from "../src/language/ast.js";
import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";
import { appendComparisonKeyOf, codeUnitPool, comparisonKey, trimSpace, utf16Units, type CodeUnitPool } from "../src/linguistics/normalize.js";
import { removalRanges } from "../src/linguistics/removal.js";
import { editDistanceWithinCodes, endWindowBounds, sampledShinglePairs } from "../src/linguistics/similarity.js";

type Options = [
	{
		minLength?: number;
		captionLength?: number;
		maxDifference?: number;
		ignoreCase?: boolean;
		ignoreWidth?: boolean;
	},
];

/**
 * Candidate pairs come from a content-defined sample of 5-grams (one in
 * four): a copy with a few changed characters still shares most of them.
 */
const SHINGLE = 5;
const SAMPLE_RATE = 4;
/** A 5-gram shared by more paragraphs than this is boilerplate, not evidence of a copy. */
const MAX_POSTINGS = 32;
/** Near copies share at least this fraction of the smaller sample (a 10 % edit leaves about half). */
const NEAR_SHARE = 0.3;

/**
 * A paragraph with its comparison key, held as code units in a shared
 * buffer: most keys are only hashed, sampled and measured, and building a
 * string for each would cost more than computing it.
 */
interface Para {
	node: ParagraphNode;
	index: number;
	start: number;
	length: number;
	/** The key as a string, made on first use (substring tests). */
	text: string | undefined;
}


const rule: TextRuleDefinition<{
	RuleOptions: Options;
	MessageIds: "duplicate" | "contained" | "near" | "deleteThis" | "deleteOther";
}> = {
	meta: {
		type: "problem",
		docs: {
			description: "Disallow body paragraphs that occur twice, whole, truncated or nearly the same",
			url: ruleDocsUrl("duplicate-paragraph"),
			recommended: true,
		},
		fixable: "code",
		hasSuggestions: true,
		schema: [
			{
				type: "object",
				properties: {
					minLength: { type: "integer", minimum: 1 },
					captionLength: { type: "integer", minimum: 0 },
					maxDifference: { type: "number", minimum: 0, maximum: 0.5 },
					ignoreCase: { type: "boolean" },
					ignoreWidth: { type: "boolean" },
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ minLength: 30, captionLength: 50, maxDifference: 0.1, ignoreCase: true, ignoreWidth: true }],
		messages: {
			duplicate: "Paragraph occurs {{count}} times, first at line {{first}}.",
			contained: "Paragraph is {{what}} the paragraph at line {{other}}.",
			near: "Paragraph nearly repeats the paragraph at line {{other}} ({{distance}} characters differ).",
			deleteThis: "Delete this copy and keep the paragraph at line {{other}}.",
			deleteOther: "Keep this copy and delete the paragraph at line {{other}}.",
		},
	},
	create(context) {
		const [options] = context.options;
		const { sourceCode } = context;
		const minLength = options.minLength ?? 30;
		const captionLength = options.captionLength ?? 50;
		const maxDifference = options.maxDifference ?? 0.1;
		const norm = { ignoreCase: options.ignoreCase, ignoreWidth: options.ignoreWidth };
		const memoKey = `comparisonKey:${norm.ignoreCase !== false}:${norm.ignoreWidth !== false}`;
		const paragraphs = sourceCode.paragraphs;

		const remove = (copies: Para[]) => (fixer: RuleTextEditor) =>
			removalRanges(
				paragraphs,
				copies.map((p) => p.index),
			).map((r) => fixer.removeRange(r));

		/** Single short lines repeated whole are captions: `repeated-caption` reports them. */
		const isCaption = (p: ParagraphNode) => captionLength > 0 && p.children.every((l) => trimSpace(l.value).length <= captionLength);

		return {
			Document() {
				// The keys of this document, side by side in one reused buffer: valid until the next document.
				const keys = (keyBuffer ??= codeUnitPool(1 << 16));
				keys.length = 0;
				const paras: Para[] = [];
				const text = sourceCode.text;
				const units = utf16Units(text);
				for (let index = 0; index < paragraphs.length; index++) {
					const start = keys.length;
					const [from, to] = paragraphs[index].range;
					const length = appendComparisonKeyOf(keys, text, units, from, to, norm);
					// Every field from the start: a paragraph that gains its text later keeps its shape, and the code reading it stays optimised.
					if (length >= minLength) paras.push({ node: paragraphs[index], index, start, length, text: undefined });
					else keys.length = start;
				}
				const codes = keys.codes;
				const keyText = (p: Para) => (p.text ??= codesToString(codes, p.start, p.length));
				/** Paragraphs already reported as a copy to delete; they take part in no further finding. */
				const done = new Set<Para>();

				// 1. Exact copies (after normalisation): keep the first. Keys are grouped by hash, then compared.
				// Only a paragraph whose key length another key shares can have an exact copy: most are never hashed.
				const lengthSeen = (lengthCounts ??= new Int32Array(LENGTH_BUCKETS));
				for (const p of paras) lengthSeen[p.length & (LENGTH_BUCKETS - 1)]++;
				const groups: Para[][] = [];
				const byHash = new Map<number, Para[][]>();
				for (const p of paras) {
					if (lengthSeen[p.length & (LENGTH_BUCKETS - 1)] === 1) continue;
					const hash = hashCodes(codes, p.start, p.length);
					const bucket = byHash.get(hash);
					const group = bucket?.find((g) => sameCodes(codes, g[0], p));
					if (group) group.push(p);
					else {
						groups.push([p]);
						if (bucket) bucket.push(groups[groups.length - 1]);
						else byHash.set(hash, [groups[groups.length - 1]]);
					}
				}
				for (const p of paras) lengthSeen[p.length & (LENGTH_BUCKETS - 1)] = 0;
				for (const group of groups) {
					if (group.length < 2) continue;
					for (let g = 1; g < group.length; g++) done.add(group[g]);
					if (group.every((p) => isCaption(p.node))) continue;
					const [first, ...copies] = group;
					context.report({
						loc: copies[0].node.loc,
						messageId: "duplicate",
						data: { count: group.length, first: first.node.loc.start.line },
						fix: remove(copies),
					});
				}

				// 2. Candidate pairs: paragraphs that share sampled shingles (linear in the text).
				const unique: Para[] = [];
				// Filled by push, so they are always the same kind of array (map() makes holey ones, and empty ones differ).
				const starts: number[] = [];
				const lengths: number[] = [];
				for (const p of paras) {
					if (done.has(p)) continue;
					unique.push(p);
					starts.push(p.start);
					lengths.push(p.length);
				}
				const { pairs, skipped, sizes } = sampledShinglePairs(
					codes,
					starts,
					lengths,
					SHINGLE,
					SAMPLE_RATE,
					MAX_POSTINGS,
				);
				const containers = new Map<number, number>();
				const near: Array<[number, number]> = [];
				for (let q = 0; q < pairs.length; q += 3) {
					const i = pairs[q];
					const j = pairs[q + 1];
					const shared = pairs[q + 2];
					const [short, long] = unique[i].length <= unique[j].length ? [i, j] : [j, i];
					// A contained copy shares every one of its sampled shingles with the longer text.
					if (shared === sizes[short] - skipped[short] && keyText(unique[long]).includes(keyText(unique[short]))) {
						const best = containers.get(short);
						if (best === undefined || unique[long].length > unique[best].length) containers.set(short, long);
					} else if (shared >= NEAR_SHARE * Math.min(sizes[i], sizes[j])) near.push([i, j]);
				}
				near.sort((x, y) => x[1] - y[1] || x[0] - y[0]);

				// 3. Contained (truncated) copies: delete the shorter, keep the most complete text.
				for (const [short, long] of [...containers].sort((x, y) => x[0] - y[0])) {
					const p = unique[short];
					const container = unique[long];
					done.add(p);
					// A copy cut at either end is debris; text from the middle of a paragraph may be a quotation.
					// The ends of single lines count too: in print style a caption glued under a paragraph is part of its block.
					const cutFrom = (key: string) => key.startsWith(keyText(p)) || key.endsWith(keyText(p));
					const cut =
						cutFrom(keyText(container)) ||
						(container.node.children.length > 1 && container.node.children.some((l) => cutFrom(sourceCode.memo(memoKey, l, () => comparisonKey(l.value, norm)))));
					const other = { other: container.node.loc.start.line };
					context.report({
						loc: p.node.loc,
						messageId: "contained",
						data: { what: cut ? "a truncated copy of" : "contained in", ...other },
						fix: cut ? remove([p]) : null,
						suggest: cut ? null : [{ messageId: "deleteThis", data: other, fix: remove([p]) }],
					});
				}

				// 4. Near copies with real differences: only a suggestion, since either text may be the right one.
				for (const [i, j] of near) {
					const [a, b] = [unique[i], unique[j]];
					if (done.has(a) || done.has(b)) continue;
					const distance = nearDistance(codes, a, b, maxDifference);
					if (!Number.isFinite(distance)) continue;
					done.add(b);
					const other = { other: a.node.loc.start.line };
					const deleteThis = { messageId: "deleteThis" as const, data: other, fix: remove([b]) };
					const deleteOther = { messageId: "deleteOther" as const, data: other, fix: remove([a]) };
					context.report({
						loc: b.node.loc,
						messageId: "near",
						data: { other: a.node.loc.start.line, distance },
						// The more complete text first: that is the copy worth keeping.
						suggest: b.length > a.length ? [deleteOther, deleteThis] : [deleteThis, deleteOther],
					});
				}
			},
		};
	},
};

/** One buffer for the paragraph keys of whichever document is being checked (a rule runs one document at a time). */
let keyBuffer: CodeUnitPool | undefined;
/** Paragraphs per key length modulo the table size: lengths that share a bucket are only hashed needlessly. */
let lengthCounts: Int32Array | undefined;
const LENGTH_BUCKETS = 1024;

function hashCodes(codes: Uint16Array, start: number, length: number): number {
	let h = length;
	for (let i = start; i < start + length; i++) h = (Math.imul(h, 0x01000193) + codes[i]) | 0;
	// A small integer: the cheapest kind of map key.
	return h & 0x3fffffff;
}

function sameCodes(codes: Uint16Array, a: Para, b: Para): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (codes[a.start + i] !== codes[b.start + i]) return false;
	return true;
}

function codesToString(codes: Uint16Array, start: number, length: number): string {
	let out = "";
	for (let at = 0; at < length; at += 4096) {
		out += String.fromCharCode.apply(null, codes.subarray(start + at, start + Math.min(length, at + 4096)) as unknown as number[]);
	}
	return out;
}

/**
 * Edit distance between two paragraph keys when they are near copies: the
 * whole texts, or the shorter against the start or the end of the longer (a
 * damaged copy of a paragraph that carries an extra line or was cut short).
 * `Infinity` when they differ by more than `maxDifference` of the compared length.
 */
function nearDistance(codes: Uint16Array, a: Para, b: Para, maxDifference: number): number {
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	const limit = (n: number) => Math.max(2, Math.floor(n * maxDifference));
	const whole = editDistanceWithinCodes(codes, short.start, short.length, long.start, long.length, limit(long.length));
	if (Number.isFinite(whole)) return whole;
	const k = limit(short.length);
	const n = short.length;
	// Most candidates differ by far more than k characters at both ends: counting characters tells, without the distance.
	const [first, last] = endWindowBounds(codes, short.start, n, long.start, long.length, k);
	return Math.min(
		first > k ? Infinity : editDistanceWithinCodes(codes, short.start, n, long.start, n, k),
		last > k ? Infinity : editDistanceWithinCodes(codes, short.start, n, long.start + long.length - n, n, k),
	);
}

export default rule;
