import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { anyOf, badStart, continuationData, danglingEnding, endsSentence, isWhitespaceUnit, trimEnd, trimmedEnd, unitTest } from "../../src/linguistics/sentence.js";

describe("unitTest", () => {
	it("answers every UTF-16 unit as the pattern does", () => {
		const patterns = [/[\s\u3000\u00a0]/u, /\p{P}/u, /[\p{Extended_Pictographic}\p{Cf}\u{fe0f}\u{20e3}\s\u3000]/u];
		for (const pattern of patterns) {
			const test = unitTest(pattern);
			for (let c = 0; c < 0x10000; c++) {
				const expected = pattern.test(String.fromCharCode(c));
				if (test(c) !== expected) expect.fail(`${pattern} on U+${c.toString(16)}: ${!expected}`);
				// The second answer comes from the table.
				if (test(c) !== expected) expect.fail(`${pattern} on U+${c.toString(16)} (cached): ${!expected}`);
			}
		}
	});

	it("isWhitespaceUnit is \\s", () => {
		for (const c of [0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x1680, 0x2000, 0x2028, 0x202f, 0x3000, 0xfeff]) expect(isWhitespaceUnit(c)).toBe(true);
		for (const c of [0x41, 0x4e00, 0x3001, 0x200b, 0xd842, 0xdfb7]) expect(isWhitespaceUnit(c)).toBe(false);
	});
});

describe("trimEnd", () => {
	it.each([
		["正文。 \u3000\u00a0\n", "正文。"],
		["正文。\ufeff\u2028", "正文。"],
		["正文\u200b", "正文\u200b"],
		["\u3000 ", ""],
		["", ""],
	])("%j → %j", (text, trimmed) => {
		expect(trimEnd(text)).toBe(trimmed);
		expect(trimmedEnd(text)).toBe(trimmed.length);
	});
});

describe("endsSentence", () => {
	it.each([
		["他说。", true],
		["他说。”", true],
		["他说。）😀 ", true],
		["他说：", true],
		["他说——", true],
		["他说—", false],
		["他说", false],
		["3.", false],
		["电话：63071234.", true],
		["“”", false],
		["他说\ud800", false],
	])("%j → %s", (text, expected) => {
		expect(endsSentence(text)).toBe(expected);
	});
});

describe("danglingEnding", () => {
	it.each([
		["一是帮助媒体节约成本，", "，"],
		["one, two,", ","],
		["产品、", "、"],
		["植根于互联网连接基础的", "的"],
		["召开大会", undefined],
		["", undefined],
	])("%j → %s", (text, expected) => {
		expect(danglingEnding(text)).toBe(expected);
	});
});

describe("badStart", () => {
	it.each([
		["　　上的新型平台型媒体形态", "上的"],
		["的确如此。", undefined],
		[" \u3000，寓引导于服务之中", "，"],
		["化解矛盾要靠制度。", undefined],
		["我们认为", undefined],
		["\u3000 ", undefined],
	])("%j → %s", (text, expected) => {
		expect(badStart(text)).toBe(expected);
	});
});

describe("anyOf", () => {
	it("matches where one of the patterns does", () => {
		const p = anyOf(["^第\\s*[0-9]{1,3}\\s*版$", "(?:摄|供图)\\s*[）)]?$"]);
		expect(p.test("第 3 版")).toBe(true);
		expect(p.test("新华社记者 张三 摄）")).toBe(true);
		expect(p.test("第3版的报道")).toBe(false);
		expect(anyOf([]).test("")).toBe(false);
	});

	it("keeps patterns with back-references apart", () => {
		const p = anyOf(["(a)\\1", "(b)\\1"]);
		expect(p.test("bb")).toBe(true);
		expect(p.test("ab")).toBe(false);
	});
});

describe("continuation-markers.json search hints", () => {
	const d = continuationData();

	it("every jump marker begins with a character of `opens` and every `to` marker ends in `toEnds`", () => {
		for (const source of [...d.markers.from, ...d.markers.to]) {
			const first = source.startsWith("[") ? source.slice(1, source.indexOf("]")) : source[0];
			for (const c of first) expect(d.markers.opens).toContain(c);
		}
		for (const source of d.markers.to) expect(source.endsWith(d.markers.toEnds)).toBe(true);
	});

	it("every trailing credit the pattern finds ends (before spaces) in a character of `trailingBylineEnds`", () => {
		const pattern = new RegExp(d.trailingBylines, "u");
		const ends = new RegExp(`^${d.trailingBylineEnds}$`, "u");
		const dir = new URL("../../seeds/", import.meta.url);
		const texts = readdirSync(dir)
			.filter((f) => f.endsWith(".txt"))
			.flatMap((f) => readFileSync(new URL(f, dir), "utf8").split(/\r?\n/u));
		texts.push("融合。 记者 马涛", "发展。（记者 张三）  ", "。新华社记者 张霞 摄\u3000", "。（综合）", "”本报记者 王芳·李 ");
		let found = 0;
		for (const text of texts) {
			if (!pattern.test(text)) continue;
			found++;
			expect(text.trimEnd().slice(-1)).toMatch(ends);
		}
		expect(found).toBeGreaterThanOrEqual(5);
	});
});
