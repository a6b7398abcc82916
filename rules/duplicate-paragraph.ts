import type { RuleTextEditor } from "@eslint/core";
import type { ParagraphNode } from "../src/language/ast.js";
import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";
import { comparisonKey } from "../src/linguistics/normalize.js";
import { removalRanges } from "../src/linguistics/removal.js";
import { editDistanceWithin, jaccard, lshCandidates, minHash, shingles } from "../src/linguistics/similarity.js";

type Options = [
	{
		minLength?: number;
		captionLength?: number;
		maxDifference?: number;
		ignoreCase?: boolean;
		ignoreWidth?: boolean;
	},
];

const EDGE_SPACE = /^[\s\u3000\ufeff]+|[\s\u3000\ufeff]+$/gu;

/** Length of the k-grams that index paragraphs for the containment pass. */
const ANCHOR = 12;
/** A k-gram shared by more paragraphs than this is boilerplate, not evidence of a copy. */
const MAX_POSTINGS = 64;
/** Near-copy candidates: 3-gram shingles, MinHash of 8 bands × 4 rows (found with high probability at Jaccard ≥ 0.6). */
const SHINGLE = 3;
const BANDS = 8;
const ROWS = 4;
const MIN_JACCARD = 0.5;

interface Para {
	node: ParagraphNode;
	key: string;
	index: number;
}

const rule: TextRuleDefinition<{
	RuleOptions: Options;
	MessageIds: "duplicate" | "contained" | "near" | "keepFirst" | "keepThis";
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
			keepFirst: "Delete this copy and keep the paragraph at line {{other}}.",
			keepThis: "Keep this copy and delete the paragraph at line {{other}}.",
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

		const remove = (nodes: ParagraphNode[]) => (fixer: RuleTextEditor) =>
			removalRanges(paragraphs, new Set(nodes)).map((r) => fixer.removeRange(r));

		/** Single short lines repeated whole are captions: `repeated-caption` reports them. */
		const isCaption = (p: ParagraphNode) => captionLength > 0 && p.children.every((l) => l.value.replace(EDGE_SPACE, "").length <= captionLength);

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
						fix: remove(copies.map((p) => p.node)),
					});
				}

				// 2. Contained copies: a paragraph whose text lies inside a longer one; keep the longer.
				const unique = paras.filter((p) => !done.has(p));
				const postings = new Map<string, Para[]>();
				for (const p of unique) {
					for (let i = 0; i + ANCHOR <= p.key.length; i++) {
						const gram = p.key.slice(i, i + ANCHOR);
						let list = postings.get(gram);
						if (!list) postings.set(gram, (list = []));
						if (list[list.length - 1] !== p && list.length <= MAX_POSTINGS) list.push(p);
					}
				}
				for (const p of unique) {
					const list = postings.get(p.key.slice(0, ANCHOR));
					if (!list || list.length > MAX_POSTINGS) continue;
					let container: Para | undefined;
					for (const q of list) {
						if (q === p || q.key.length <= p.key.length || done.has(q) || !q.key.includes(p.key)) continue;
						if (!container || q.key.length > container.key.length) container = q;
					}
					if (!container) continue;
					done.add(p);
					context.report({
						loc: p.node.loc,
						messageId: "contained",
						data: {
							what: container.key.startsWith(p.key) ? "a truncated copy of" : "contained in",
							other: container.node.loc.start.line,
						},
						fix: remove([p.node]),
					});
				}

				// 3. Near copies with real differences: only a suggestion, since either text may be the right one.
				const rest = paras.filter((p) => !done.has(p));
				const sets = rest.map((p) => shingles(p.key, SHINGLE));
				const sigs = sets.map((s) => minHash(s, BANDS * ROWS));
				const pairs = lshCandidates(sigs, BANDS, ROWS).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
				for (const [i, j] of pairs) {
					const [a, b] = [rest[i], rest[j]];
					if (done.has(b) || done.has(a) || jaccard(sets[i], sets[j]) < MIN_JACCARD) continue;
					const longer = Math.max(a.key.length, b.key.length);
					const distance = editDistanceWithin(a.key, b.key, Math.max(2, Math.floor(longer * maxDifference)));
					if (!Number.isFinite(distance)) continue;
					done.add(b);
					const other = { other: a.node.loc.start.line };
					const keepFirst = { messageId: "keepFirst" as const, data: other, fix: remove([b.node]) };
					const keepThis = { messageId: "keepThis" as const, data: other, fix: remove([a.node]) };
					context.report({
						loc: b.node.loc,
						messageId: "near",
						data: { other: a.node.loc.start.line, distance },
						// The more complete text first: that is the copy worth keeping.
						suggest: b.key.length > a.key.length ? [keepThis, keepFirst] : [keepFirst, keepThis],
					});
				}
			},
		};
	},
};

export default rule;
