import type { RuleTextEditor } from "@eslint/core";
import type { ParagraphNode } from "../src/language/ast.js";
import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";
import { comparisonKey, trimSpace } from "../src/linguistics/normalize.js";
import { removalRanges } from "../src/linguistics/removal.js";
import { editDistanceWithin, sampledShingles, sharedShingles } from "../src/linguistics/similarity.js";

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

interface Para {
	node: ParagraphNode;
	key: string;
	index: number;
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
				const paras: Para[] = [];
				paragraphs.forEach((node, index) => {
					const key = sourceCode.memo(memoKey, node, () => comparisonKey(node.value, norm));
					if (key.length >= minLength) paras.push({ node, key, index });
				});
				/** Paragraphs already reported as a copy to delete; they take part in no further finding. */
				const done = new Set<Para>();

				// 1. Exact copies (after normalisation): keep the first.
				const byKey = new Map<string, Para[]>();
				for (const p of paras) {
					const list = byKey.get(p.key);
					if (list) list.push(p);
					else byKey.set(p.key, [p]);
				}
				for (const group of byKey.values()) {
					if (group.length < 2) continue;
					for (const p of group.slice(1)) done.add(p);
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
				const unique = paras.filter((p) => !done.has(p));
				const samples = unique.map((p) => sampledShingles(p.key, SHINGLE, SAMPLE_RATE));
				const { pairs, skipped } = sharedShingles(samples, MAX_POSTINGS);
				const containers = new Map<number, number>();
				const near: Array<[number, number]> = [];
				for (const [i, j, shared] of pairs) {
					const [short, long] = unique[i].key.length <= unique[j].key.length ? [i, j] : [j, i];
					// A contained copy shares every one of its sampled shingles with the longer text.
					if (shared === samples[short].length - skipped[short] && unique[long].key.includes(unique[short].key)) {
						const best = containers.get(short);
						if (best === undefined || unique[long].key.length > unique[best].key.length) containers.set(short, long);
					} else if (shared >= NEAR_SHARE * Math.min(samples[i].length, samples[j].length)) near.push([i, j]);
				}
				near.sort((x, y) => x[1] - y[1] || x[0] - y[0]);

				// 3. Contained (truncated) copies: delete the shorter, keep the most complete text.
				for (const [short, long] of [...containers].sort((x, y) => x[0] - y[0])) {
					const p = unique[short];
					const container = unique[long];
					done.add(p);
					// A copy cut at either end is debris; text from the middle of a paragraph may be a quotation.
					// The ends of single lines count too: in print style a caption glued under a paragraph is part of its block.
					const cutFrom = (key: string) => key.startsWith(p.key) || key.endsWith(p.key);
					const cut =
						cutFrom(container.key) ||
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
					const distance = nearDistance(a.key, b.key, maxDifference);
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
						suggest: b.key.length > a.key.length ? [deleteOther, deleteThis] : [deleteThis, deleteOther],
					});
				}
			},
		};
	},
};

/**
 * Edit distance between two paragraph keys when they are near copies: the
 * whole texts, or the shorter against the start or the end of the longer (a
 * damaged copy of a paragraph that carries an extra line or was cut short).
 * `Infinity` when they differ by more than `maxDifference` of the compared length.
 */
function nearDistance(a: string, b: string, maxDifference: number): number {
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	const limit = (n: number) => Math.max(2, Math.floor(n * maxDifference));
	const whole = editDistanceWithin(short, long, limit(long.length));
	if (Number.isFinite(whole)) return whole;
	const k = limit(short.length);
	return Math.min(
		editDistanceWithin(short, long.slice(0, short.length), k),
		editDistanceWithin(short, long.slice(long.length - short.length), k),
	);
}

export default rule;
