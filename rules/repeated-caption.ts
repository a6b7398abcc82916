import type { LineNode } from "../src/language/ast.js";
import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";
import { comparisonKey, isNumeral, trimSpace } from "../src/linguistics/normalize.js";
import { removalRanges } from "../src/linguistics/removal.js";
import { couldBeMisread, oneEditNeighbours, singleEdit } from "../src/linguistics/similarity.js";

type Options = [
	{
		minRepeats?: number;
		maxLength?: number;
		minLength?: number;
		allow?: string[];
		ignoreCase?: boolean;
		ignoreWidth?: boolean;
	},
];

/**
 * A one-character variant pairs with a caption that occurs only once when
 * the line is long enough that one changed character is unlikely to make it
 * a different caption.
 */
const MIN_KEY_FOR_LONE_VARIANT = 10;
/** Hard-wrapped text breaks lines at a fixed width; longer lines are whole paragraphs. */
const MAX_WRAP_WIDTH = 100;
const SENTENCE_END = /[。！？!?；;…：:”’」』）)]$/u;
/** Occurrences that make a short line after a wrapped line a caption rather than a paragraph's tail. */
const MIN_REPEATS_IN_PROSE = 3;
/** Shorter keys are too likely to differ by one meaningful character ("第一场", "第二场"). */
const MIN_KEY_FOR_VARIANT = 8;

interface Candidate {
	line: LineNode;
	/** Position in `sourceCode.lineNodes`. */
	index: number;
	/** After a line that looks hard-wrapped: maybe the short tail of a wrapped paragraph, not a caption. */
	inProse: boolean;
	key: string;
	text: string;
}

interface Group {
	root: string;
	members: Candidate[];
}

const rule: TextRuleDefinition<{
	RuleOptions: Options;
	MessageIds: "repeated" | "repeatedVariants" | "deleteAll";
}> = {
	meta: {
		type: "problem",
		docs: {
			description: "Disallow short lines (captions, credits, datelines) repeated in one document",
			url: ruleDocsUrl("repeated-caption"),
			recommended: true,
		},
		fixable: "code",
		hasSuggestions: true,
		schema: [
			{
				type: "object",
				properties: {
					minRepeats: { type: "integer", minimum: 2 },
					maxLength: { type: "integer", minimum: 1 },
					minLength: { type: "integer", minimum: 1 },
					allow: { type: "array", items: { type: "string" } },
					ignoreCase: { type: "boolean" },
					ignoreWidth: { type: "boolean" },
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ minRepeats: 2, maxLength: 50, minLength: 4, allow: [], ignoreCase: true, ignoreWidth: true }],
		messages: {
			repeated: "Line repeated {{count}} times, first at line {{first}}: “{{text}}”.",
			repeatedVariants:
				"Line repeated {{count}} times, first at line {{first}}, {{variants}} of them with one character changed: “{{text}}”.",
			deleteAll: "Delete all {{repeats}} repeats, variants included, keeping line {{first}}.",
		},
	},
	create(context) {
		const [options] = context.options;
		const { sourceCode } = context;
		const maxLength = options.maxLength ?? 50;
		const minLength = options.minLength ?? 4;
		const minRepeats = options.minRepeats ?? 2;
		const allow = (options.allow ?? []).map((p) => new RegExp(p, "u"));
		const norm = { ignoreCase: options.ignoreCase, ignoreWidth: options.ignoreWidth };
		const memoKey = `comparisonKey:${norm.ignoreCase !== false}:${norm.ignoreWidth !== false}`;

		function candidates(): Candidate[] {
			const out: Candidate[] = [];
			let index = 0;
			for (const p of sourceCode.paragraphs) {
				const lines = p.children;
				let previous = "";
				for (let i = 0; i < lines.length; i++, index++) {
					const line = lines[i];
					const text = trimSpace(line.value);
					const before = previous;
					previous = text;
					if (!text || text.length > maxLength || allow.some((re) => re.test(text))) continue;
					const key = sourceCode.memo(memoKey, line, () => comparisonKey(line.value, norm));
					if (key.length >= minLength) out.push({ line, index, key, text, inProse: i > 0 && isWrapped(before) });
				}
			}
			return out;
		}

		/** A line of a hard-wrapped paragraph: longer than a caption, but not a whole paragraph on one line, and cut mid-sentence. */
		const isWrapped = (text: string) => text.length > maxLength && text.length <= MAX_WRAP_WIDTH && !SENTENCE_END.test(text);

		function groups(all: Candidate[]): Group[] {
			const byKey = new Map<string, Candidate[]>();
			for (const c of all) {
				const list = byKey.get(c.key);
				if (list) list.push(c);
				else byKey.set(c.key, [c]);
			}
			// The tails of two wrapped paragraphs can match by chance; a line glued to prose counts
			// only when it is repeated often enough that chance is out of the question.
			for (const [key, list] of byKey) {
				if (list.length >= MIN_REPEATS_IN_PROSE || !list.some((c) => c.inProse)) continue;
				const alone = list.filter((c) => !c.inProse);
				if (alone.length) byKey.set(key, alone);
				else byKey.delete(key);
			}
			const keys = [...byKey.keys()];
			const lists = [...byKey.values()];
			// Only keys long enough to have variants enter the one-edit index.
			const long: number[] = [];
			for (let i = 0; i < keys.length; i++) if (keys[i].length >= MIN_KEY_FOR_VARIANT) long.push(i);
			const neighbours: Array<number[] | undefined> = new Array(keys.length);
			oneEditNeighbours(long.map((i) => keys[i])).forEach((list, x) => {
				if (list.length) neighbours[long[x]] = list.map((y) => long[y]);
			});
			// Most frequent keys first, so a damaged copy joins the caption it damages, never the reverse.
			// Ties in key order: the repeated keys sorted, then the (many) single ones as they come.
			const order: number[] = [];
			for (let i = 0; i < keys.length; i++) if (lists[i].length > 1) order.push(i);
			order.sort((a, b) => lists[b].length - lists[a].length || a - b);
			for (let i = 0; i < keys.length; i++) if (lists[i].length === 1) order.push(i);
			const assigned = new Uint8Array(keys.length);
			const out: Group[] = [];
			for (const i of order) {
				if (assigned[i]) continue;
				assigned[i] = 1;
				const root = keys[i];
				const rootCount = lists[i].length;
				// Without a variant to join it, a line seen fewer than minRepeats times makes no group.
				if (rootCount < minRepeats && !neighbours[i]) continue;
				const members = [...lists[i]];
				if (root.length >= MIN_KEY_FOR_VARIANT) {
					for (const j of neighbours[i] ?? []) {
						// A damaged copy is rarer than the caption it damages; two lines repeated as often are two captions.
						if (assigned[j] || lists[j].length * 2 > Math.max(2, rootCount) || !isVariant(root, keys[j], rootCount)) continue;
						assigned[j] = 1;
						members.push(...lists[j]);
					}
				}
				if (members.length >= minRepeats) {
					members.sort((a, b) => a.line.range[0] - b.line.range[0]);
					out.push({ root, members });
				}
			}
			return out;
		}

		return {
			Document() {
				for (const { root, members } of groups(candidates())) {
					const [first, second] = members;
					const repeats = members.slice(1);
					// Same text once spacing, punctuation, width and case are folded: clearly the same line.
					const same = repeats.filter((m) => m.key === root || m.key === first.key).map((m) => m.index);
					const data = {
						count: members.length,
						first: first.line.lineNumber,
						text: first.text,
						variants: repeats.length - same.length,
						repeats: repeats.length,
					};
					const all = repeats.map((m) => m.index);
					const hasVariants = same.length < repeats.length;
					context.report({
						loc: second.line.loc,
						messageId: hasVariants ? "repeatedVariants" : "repeated",
						data,
						fix: same.length ? (fixer) => removalRanges(sourceCode.lineNodes, same).map((r) => fixer.removeRange(r)) : null,
						suggest: hasVariants
							? [{ messageId: "deleteAll", data, fix: (fixer) => removalRanges(sourceCode.lineNodes, all).map((r) => fixer.removeRange(r)) }]
							: null,
					});
				}
			},
		};
	},
};

/**
 * Whether `variant` (one edit from `root`) is the same caption with one
 * character damaged. Next to a caption that demonstrably repeats, any
 * non-numeral change counts; a lone pair needs a change OCR makes (a
 * look-alike character), since two different captions can differ by one
 * ordinary character (游览 / 游玩).
 */
function isVariant(root: string, variant: string, rootCount: number): boolean {
	const edit = singleEdit(root, variant);
	if (!edit) return false;
	if ((edit.a && isNumeral(edit.a)) || (edit.b && isNumeral(edit.b))) return false;
	const shorter = Math.min(root.length, variant.length);
	if (shorter < MIN_KEY_FOR_VARIANT) return false;
	if (rootCount >= 2) return true;
	return shorter >= MIN_KEY_FOR_LONE_VARIANT && edit.a.length === 1 && edit.b.length === 1 && couldBeMisread(edit.a, edit.b);
}

export default rule;
