/**
 * Builds data/ocr-context-confusions.json, the data of the ocr-garbling
 * rule's context checks (src/linguistics/ocr/context-confusion.ts):
 *
 *   npx tsx scripts/build-context-confusions.ts
 *
 * Inputs: jieba's dictionary with its part-of-speech tags
 * (node_modules/@node-rs/jieba/dict.txt), the look-alike relation of the
 * look-alike detector (mutual near neighbours of data/glyph-neighbours.json,
 * rank ≤ 6, plus the directional pairs of data/ocr-confusions.json) and the
 * classifiers of data/ocr-quantity-context.json. Deterministic; a test
 * (test/linguistics/context-confusion.test.ts) checks that the committed file
 * still equals what this builds.
 *
 * - `quantity`: [printed, intended, similarity] where the printed word is a
 *   dictionary word that is not a numeral (名家, n) and putting a look-alike
 *   into its first character gives a common numeral-classifier word (多家, m,
 *   count ≥ 100) with one of the classifiers the context file knows. Both
 *   readings are words, so only context can decide.
 * - `wordEnd` / `wordStart`: for a character, the look-alike that is far more
 *   often the last (first) character of a two-character word — summed word
 *   counts at least MIN_RATIO times its own (休 → 体: 2 335 vs 107 848). When a
 *   character and its neighbour are both damaged, this is the only evidence
 *   left about which character was meant.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { packageRoot } from "../src/package-root.js";

const require = createRequire(import.meta.url);
const dataPath = (name: string) => join(packageRoot, "data", name);
const readJson = <T>(name: string) => JSON.parse(readFileSync(dataPath(name), "utf8")) as T;

/** The same relation as src/linguistics/ocr/lookalike.ts: mutual neighbours within this rank. */
const MAX_MUTUAL_RANK = 6;
/** A numeral-classifier word rarer than this is not worth proposing. */
const MIN_QUANTITY_COUNT = 100;
/** How much more often the look-alike must end (start) words than the printed character. */
const MIN_RATIO = 10;

interface Entry {
	count: number;
	tag: string;
}

/** The text of data/ocr-context-confusions.json. */
export function buildContextConfusions(): string {
	const words = new Map<string, Entry>();
	for (const line of readFileSync(require.resolve("@node-rs/jieba/dict.txt"), "utf8").split("\n")) {
		const [word, count, tag] = line.split(" ");
		if (word && word.length === 2 && count) {
			const old = words.get(word);
			words.set(word, { count: (old?.count ?? 0) + Number(count), tag: old?.tag ?? tag ?? "" });
		}
	}

	const glyphs = readJson<{ neighbours: Record<string, string> }>("glyph-neighbours.json").neighbours;
	const ranks = new Map<string, Map<string, number>>();
	for (const [ch, encoded] of Object.entries(glyphs)) {
		ranks.set(ch, new Map(encoded.split(" ").map((e, k) => [e[0], k + 1] as [string, number])));
	}
	/** printed → [intended, similarity], in glyph-table order (the frequency order). */
	const lookalikes = new Map<string, Array<[string, number]>>();
	const addLookalike = (printed: string, intended: string, similarity: number) => {
		const list = lookalikes.get(printed) ?? [];
		if (!list.some(([c]) => c === intended)) list.push([intended, similarity]);
		lookalikes.set(printed, list);
	};
	for (const [a, byChar] of ranks) {
		for (const [b, rank] of byChar) {
			const back = ranks.get(b)?.get(a);
			if (back === undefined) continue;
			const worst = Math.max(rank, back);
			if (worst <= MAX_MUTUAL_RANK) addLookalike(a, b, Math.round((1 - 0.08 * (worst - 1)) * 100) / 100);
		}
	}
	for (const [printed, intended, s] of readJson<{ pairs: Array<[string, string, number]> }>("ocr-confusions.json").pairs) {
		addLookalike(printed, intended, s);
	}

	const classifiers = Object.keys(readJson<{ heads: Record<string, string[]> }>("ocr-quantity-context.json").heads);
	const quantity: Array<[string, string, number]> = [];
	for (const [printed, list] of lookalikes) {
		for (const [intended, similarity] of list) {
			for (const classifier of classifiers) {
				const read = words.get(printed + classifier);
				const meant = words.get(intended + classifier);
				if (!read || read.tag === "m" || !meant || meant.tag !== "m" || meant.count < MIN_QUANTITY_COUNT) continue;
				quantity.push([printed + classifier, intended + classifier, similarity]);
			}
		}
	}
	quantity.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));

	const endMass = new Map<string, number>();
	const startMass = new Map<string, number>();
	for (const [word, { count }] of words) {
		startMass.set(word[0], (startMass.get(word[0]) ?? 0) + count);
		endMass.set(word[1], (endMass.get(word[1]) ?? 0) + count);
	}
	/** Character → look-alike followed by the ratio ("体46.2"): one short line per entry. */
	function bestByMass(mass: Map<string, number>): Record<string, string> {
		const out: Record<string, string> = {};
		for (const [printed, list] of lookalikes) {
			let best: [string, number] | undefined;
			for (const [intended] of list) {
				const ratio = (mass.get(intended) ?? 0) / ((mass.get(printed) ?? 0) + 1);
				if (ratio >= MIN_RATIO && (!best || ratio > best[1])) best = [intended, Math.round(ratio * 10) / 10];
			}
			if (best) out[printed] = `${best[0]}${best[1]}`;
		}
		return out;
	}

	const result = {
		description:
			"Generated by scripts/build-context-confusions.ts from jieba's dictionary (words and part-of-speech tags), the look-alike relation (data/glyph-neighbours.json, data/ocr-confusions.json) and the classifiers of data/ocr-quantity-context.json; do not edit. quantity: [printed word, numeral-classifier word a look-alike makes of it, similarity]. wordEnd/wordStart: character → look-alike that ends/starts two-character words far more often, followed by the ratio of the summed word counts.",
		quantity,
		wordEnd: bestByMass(endMass),
		wordStart: bestByMass(startMass),
	};
	// One quantity pair per line (a nested array would spread over four).
	return `${JSON.stringify(result, null, "\t").replace(/\[\n\t\t\t("[^"]*"),\n\t\t\t("[^"]*"),\n\t\t\t([0-9.]+)\n\t\t\]/gu, "[$1, $2, $3]")}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	writeFileSync(dataPath("ocr-context-confusions.json"), buildContextConfusions());
}
