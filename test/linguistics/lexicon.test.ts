/**
 * data/lexicon.bin is jieba's dict.txt precomputed (scripts/build-lexicon.ts);
 * this keeps the committed file honest after a @node-rs/jieba upgrade, and
 * checks the lookups against the text they came from.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exactLn } from "../../src/linguistics/exact-log.js";
import { encodeLexicon } from "../../src/linguistics/lexicon.js";
import { isDictionaryWord, isWordInnerPair, loadLexicon, totalFrequency, wordFrequency } from "../../src/linguistics/segment.js";
import { packageRoot } from "../../src/package-root.js";

const require = createRequire(import.meta.url);
const dictText = readFileSync(require.resolve("@node-rs/jieba/dict.txt"), "utf8");

describe("data/lexicon.bin", () => {
	it("equals what scripts/build-lexicon.ts makes from the installed jieba dictionary", () => {
		const committed = readFileSync(join(packageRoot, "data", "lexicon.bin"));
		expect(Buffer.from(encodeLexicon(dictText)).equals(committed)).toBe(true);
	});

	it("answers every word of up to four characters with its dict.txt count, and nothing else", () => {
		let total = 0;
		let checked = 0;
		for (const line of dictText.split("\n")) {
			const [word, count] = line.split(" ");
			if (!word) continue;
			total += Number(count);
			if (word.length > 4) {
				expect(wordFrequency(word)).toBe(0);
				continue;
			}
			// Every 7th word keeps the test fast while covering all lengths.
			if (checked++ % 7 !== 0) continue;
			expect([word, wordFrequency(word)]).toEqual([word, Number(count)]);
			expect(isDictionaryWord(word)).toBe(true);
		}
		expect(totalFrequency()).toBe(total);
		expect(wordFrequency("中国")).toBeGreaterThan(10_000);
		expect(wordFrequency("台作")).toBe(0);
		expect(isDictionaryWord("台作")).toBe(false);
		expect(isDictionaryWord("")).toBe(false);
		expect(isDictionaryWord("中华人民共和国")).toBe(false);
	});

	it("keeps the longer words for the word cutter, with the logarithms of all counts", () => {
		const lex = loadLexicon();
		const extras = new Map<string, number>();
		for (let i = 0; i + 1 < lex.extraStart.length; i++) {
			extras.set(String.fromCharCode(...lex.extraUnits.subarray(lex.extraStart[i], lex.extraStart[i + 1])), lex.logValues[lex.extraLog[i]]);
		}
		let longer = 0;
		for (const line of dictText.split("\n")) {
			const [word, count] = line.split(" ");
			if (!word || word.length <= 4) continue;
			longer++;
			expect([word, extras.get(word)]).toEqual([word, exactLn(Number(count))]);
		}
		expect(extras.size).toBe(longer);
		expect(lex.logValues[lex.logValues.length - 1]).toBe(exactLn(lex.total));
		const at = lex.longCounts.findIndex((c) => c > 1000);
		expect(lex.logValues[lex.longLog[at]]).toBe(exactLn(lex.longCounts[at]));
	});

	it("knows the character pairs inside words (探讨 joins across a wrap, 的是 does not form a word)", () => {
		expect(isWordInnerPair("探".charCodeAt(0), "讨".charCodeAt(0))).toBe(true);
		expect(isWordInnerPair("根".charCodeAt(0), "据".charCodeAt(0))).toBe(true);
		expect(isWordInnerPair("。".charCodeAt(0), "的".charCodeAt(0))).toBe(false);
	});

	it("answers isWordInnerPair for exactly the adjacent pairs inside words of up to four characters", () => {
		const inner = new Set<number>();
		for (const line of dictText.split("\n")) {
			const [word] = line.split(" ");
			if (!word || word.length > 4) continue;
			for (let i = 0; i + 1 < word.length; i++) inner.add(word.charCodeAt(i) * 0x10000 + word.charCodeAt(i + 1));
		}
		const wrong: number[] = [];
		for (const k of inner) if (!isWordInnerPair(Math.floor(k / 0x10000), k % 0x10000)) wrong.push(k);
		// Pairs mostly not inside a word: the first unit of a sample of inner pairs with the second units of others.
		const sample = [...inner].filter((_, i) => i % 499 === 0);
		for (const k of sample) {
			for (const m of sample) {
				const pair = Math.floor(k / 0x10000) * 0x10000 + (m % 0x10000);
				if (isWordInnerPair(Math.floor(pair / 0x10000), pair % 0x10000) !== inner.has(pair)) wrong.push(pair);
			}
		}
		expect(wrong).toEqual([]);
	});
});
