import { describe, expect, it } from "vitest";
import {
	codePointBefore,
	countHan,
	isChinese,
	isCjkPunctuation,
	isClosingCjkPunctuation,
	isHan,
	isInChineseText,
	nextNonSpace,
	prevNonSpace,
	prevNonSpaceIndex,
} from "../../src/linguistics/script.js";

const cp = (s: string) => s.codePointAt(0)!;

describe("character classes", () => {
	it("recognises Han in the BMP, the extensions and 〇", () => {
		for (const ch of ["中", "㐀", "𠀀", "〇", "丽"]) expect(isHan(cp(ch)), ch).toBe(true);
		for (const ch of ["a", "1", "，", "あ", "한", "　"]) expect(isHan(cp(ch)), ch).toBe(false);
	});
	it("recognises CJK and full-width punctuation, not ASCII or the ideographic space", () => {
		for (const ch of ["，", "。", "、", "“", "”", "‘", "’", "《", "》", "（", "）", "…", "—", "·", "！", "？", "：", "；", "【"]) {
			expect(isCjkPunctuation(cp(ch)), ch).toBe(true);
		}
		for (const ch of [",", ".", "\"", "(", "　", "中", "Ａ"]) expect(isCjkPunctuation(cp(ch)), ch).toBe(false);
		expect(isChinese(cp("中"))).toBe(true);
		expect(isChinese(cp("，"))).toBe(true);
		expect(isChinese(cp("a"))).toBe(false);
	});
	it("knows which marks close (a space may not precede them)", () => {
		expect(["，", "。", "）", "》", "”", "！"].every((c) => isClosingCjkPunctuation(cp(c)))).toBe(true);
		expect(["“", "《", "（", "中"].some((c) => isClosingCjkPunctuation(cp(c)))).toBe(false);
	});
	it("counts astral ideographs once", () => {
		expect(countHan("a𠀀中,")).toBe(2);
		expect(codePointBefore("a𠀀", 3)).toBe(0x20000);
	});
});

describe("neighbours on the same line", () => {
	it("skips spaces, tabs and NBSP but not line breaks", () => {
		const text = "中 \u00a0,\t文\n,";
		expect(prevNonSpace(text, 3)).toBe(cp("中"));
		expect(nextNonSpace(text, 4)).toBe(cp("文"));
		expect(prevNonSpace(text, 7)).toBe(-1);
		expect(nextNonSpace(text, 6)).toBe(-1);
	});
	it("returns the start of a surrogate pair", () => {
		expect(prevNonSpaceIndex("𠀀 ,", 3)).toBe(0);
	});
	it("tells whether a position is inside Chinese text", () => {
		expect(isInChineseText("他说,好", 2)).toBe(true);
		expect(isInChineseText("Hello, world", 5)).toBe(false);
		expect(isInChineseText("1,000元", 1)).toBe(false);
		expect(isInChineseText("AI ,数字", 3)).toBe(true);
	});
});
