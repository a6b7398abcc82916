import fc from "fast-check";
import { describe, expect, it } from "vitest";
import rule from "../../rules/whitespace.js";
import { fixText } from "../../src/api.js";
import { textRuleTester } from "../helpers/rule-tester.js";

textRuleTester().run("whitespace", rule as never, {
	valid: [
		"　　正文。\n\n第二段。\n",
		// Name padding and headline gaps are conventions, in ASCII spaces or NBSP pairs (seed 002).
		"陈  光\n",
		"　　长江日报社党委书记、社长\u00a0\u00a0陈\u00a0\u00a0光\n",
		"　　走好创新之路\u00a0\u00a0推进媒体融合\n",
		"融合十年 笃行致远\n",
		// A space before an opening quote separates listed titles; after a URL it keeps the link clean.
		"推出“指尖” “趣友” “掌心外卖”等应用。\n",
		"项目地址为 https://github.com/example/demo ，欢迎使用。\n",
		// Spaces between Chinese characters in general belong to ocr-garbling, not here.
		"根 据马克思主义经济学说\n",
		// Leading tabs indent; tabs in Latin text are not Chinese text.
		"\t正文第一段。\n",
		"name\tvalue\n",
		// Up to three blank lines separate captions and sections (seed 004).
		"正文。\n\n\n\n图片说明。\n",
		{ code: "中文\t文字\n", options: [{ tabs: false }] },
	],
	invalid: [
		{
			code: "标题  \n\n正文。\t\n",
			output: "标题\n\n正文。\n",
			errors: [
				{ messageId: "trailing", line: 1, column: 3, endLine: 1, endColumn: 5 },
				{ messageId: "trailing", line: 3, column: 4 },
			],
		},
		{
			code: "中文\t文字，数字\u00a0经济 ，好的　。\n",
			output: "中文 文字，数字 经济，好的。\n",
			errors: [
				{ messageId: "tab", column: 3 },
				{ messageId: "nbsp", column: 9 },
				{ messageId: "spaceBeforePunctuation", column: 12, data: { punct: "，" } },
				{ messageId: "spaceBeforePunctuation", column: 16, data: { punct: "。" } },
			],
		},
		{
			code: "第一段。\n\n\n\n\n\n末段。\n",
			output: "第一段。\n\n\n\n末段。\n",
			errors: [{ messageId: "blankLines", line: 5, endLine: 7, data: { count: "5", max: "3" } }],
		},
		{
			code: "第一段。\n\n\n末段。\n\n\n",
			options: [{ maxBlankLines: 1 }],
			output: "第一段。\n\n末段。\n\n",
			errors: [
				{ messageId: "blankLines", line: 3 },
				{ messageId: "blankLines", line: 6 },
			],
		},
	],
});

describe("whitespace and invisible-characters fixes (property)", () => {
	const alphabet = [..."中文，。“”a1", " ", "  ", "\t", "\u00a0", "\u00a0\u00a0", "\u3000", "\n", "\n\n\n\n\n", "\u200b", "\ufeff", "\u00ad", "\u0007", "👩‍💻"];
	const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((cs) => cs.join(""));
	const rules = { rules: { whitespace: "error", "invisible-characters": "error" }, preset: null } as const;
	const skeleton = (s: string) => s.replace(/[\s\u00a0\u3000\u200b\ufeff\u00ad\u0007]/gu, "");
	it("removes or replaces only whitespace and invisible characters; a second fix changes nothing", () => {
		fc.assert(
			fc.property(text, (s) => {
				const once = fixText(s, rules).output;
				expect(skeleton(once)).toBe(skeleton(s));
				expect(once.includes("👩‍💻") || !s.includes("👩‍💻")).toBe(true);
				expect(fixText(once, rules).output).toBe(once);
			}),
			{ numRuns: 300 },
		);
	});
});
