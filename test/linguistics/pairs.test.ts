import { describe, expect, it } from "vitest";
import { findUnpairedMarks, isBalanced } from "../../src/linguistics/pairs.js";

describe("findUnpairedMarks", () => {
	it("accepts nested and sequential pairs", () => {
		expect(findUnpairedMarks("“他说‘好’”《书》（注）【标】「引」")).toEqual([]);
		expect(isBalanced("《关于（试行）的通知》")).toBe(true);
	});
	it("reports an unclosed opener with what would close it", () => {
		expect(findUnpairedMarks("他说《报告")).toEqual([{ index: 2, char: "《", kind: "unclosed", expected: "》" }]);
	});
	it("reports a closer with no opener", () => {
		expect(findUnpairedMarks("报告》很好")).toEqual([{ index: 2, char: "》", kind: "unopened", expected: "《" }]);
	});
	it("closes the matching opener deeper in the stack and reports only the ones above it", () => {
		// （ never closes; 《 is still closed by 》, so nothing after cascades.
		expect(findUnpairedMarks("《关于（试行的通知》，“好”")).toEqual([{ index: 3, char: "（", kind: "unclosed", expected: "）" }]);
	});
	it("returns problems in text order", () => {
		expect(findUnpairedMarks("”甲“乙").map((p) => p.index)).toEqual([0, 2]);
	});
	it("reads ’ between letters as an apostrophe, not a closing quote", () => {
		expect(findUnpairedMarks("China’s rock’n’roll")).toEqual([]);
		expect(findUnpairedMarks("‘好’")).toEqual([]);
		expect(findUnpairedMarks("好’")).toEqual([{ index: 1, char: "’", kind: "unopened", expected: "‘" }]);
	});
	it("pairs ASCII parentheses too, so they do not break Chinese pairs", () => {
		expect(findUnpairedMarks("（见图(a)）")).toEqual([]);
	});
});
