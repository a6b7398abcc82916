import rule from "../../rules/punctuation-width.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixText } from "../../src/api.js";
import { textRuleTester } from "../helpers/rule-tester.js";

const only = { rules: { "punctuation-width": "error" }, preset: null } as const;

describe("punctuation-width with the multipass fixer", () => {
	it("converts nested straight quotes and the marks inside them", () => {
		const { output } = fixText('他表示:"支付宝致力于构建\'政务内容+服务\'一体化平台."\n', only);
		expect(output).toBe("他表示：“支付宝致力于构建‘政务内容+服务’一体化平台。”\n");
		expect(fixText(output, only).output).toBe(output);
	});
	it("leaves clean news text byte-for-byte alone", () => {
		const clean = "　　今年上半年，全市产值达到3.5亿元，同比增长12.6%。详见 https://a.example.cn/x?y=1 。\n";
		expect(fixText(clean, only)).toMatchObject({ output: clean, fixed: false });
	});
});

textRuleTester().run("punctuation-width", rule as never, {
	valid: [
		// Numbers, times, versions, decimals.
		"全市建成5G基站1,000余个，产值3.5亿元，V3.0版于10:30发布。\n",
		// URLs and e-mail keep their punctuation.
		"详见 https://zwfw.example.gov.cn/list?type=5g&page=2 或发邮件至 service@example.gov.cn 咨询。\n",
		// A Latin sentence, with its own quotes and apostrophes.
		"他说：“Open source matters. It's free, isn't it?”\n",
		"The conference closes on July 6. See www.example.org for details!\n",
		// Code in backticks and code lines.
		"调用 `client.chat(model=\"demo\", t=0.7)` 即可。\n",
		"　　示例代码如下：\n\n    result = [line.strip() for line in lines if line.strip()]\n",
		// Already full-width text and an ellipsis.
		"“我们瞄准国际一流。”他说（记者注：原话如此）……\n",
		"函数f(x)的值\n",
		// Primes: feet and inches, minutes and seconds.
		"他以3'20\"的成绩夺冠，屏幕为15\" 宽。\n",
		// List markers.
		"1)加强规划\n",
		{ code: "他说“好的”，'是'\n", options: [{ quotes: false }] },
	],
	invalid: [
		{
			code: "秋风送爽,叠翠流金.在草原最美的季节;我们相聚!你来吗?\n",
			output: "秋风送爽，叠翠流金。在草原最美的季节；我们相聚！你来吗？\n",
			errors: [
				{ messageId: "halfWidth", line: 1, column: 5 },
				{ messageId: "halfWidth", line: 1, column: 10 },
				{ messageId: "halfWidth", line: 1, column: 19 },
				{ messageId: "halfWidth", line: 1, column: 24 },
				{ messageId: "halfWidth", line: 1, column: 28 },
			],
		},
		{
			// The OCR gap after the mark goes with it.
			code: "宋建武说, 从国内外看. 嘴唇动作\n",
			output: "宋建武说，从国内外看。嘴唇动作\n",
			errors: [
				{ messageId: "halfWidth", column: 5 },
				{ messageId: "halfWidth", column: 12 },
			],
		},
		{
			code: "他表示:\"支付宝致力于构建'政务内容+服务'一体化平台.\"\n",
			// One pass: the outer pair's fix spans the inner ones, so it waits for the next pass (see fixText below).
			output: "他表示：\"支付宝致力于构建‘政务内容+服务’一体化平台。\"\n",
			errors: [
				{ messageId: "halfWidth", column: 4 },
				{ messageId: "straightQuotes", column: 5, endColumn: 30 },
				{ messageId: "straightQuotes", column: 14, endColumn: 23 },
				{ messageId: "halfWidth", column: 28 },
			],
		},
		{
			code: "第三届(2023年度)地市党媒，人工智能 (AI) 技术\n",
			output: "第三届（2023年度）地市党媒，人工智能（AI）技术\n",
			errors: [
				{ messageId: "halfWidthParens", column: 4 },
				{ messageId: "halfWidthParens", column: 22 },
			],
		},
		{
			// Three straight quotes: no safe pairing, so suggestions only.
			code: "\"什么是新质生产力?\"他问。\"我不知道\n",
			output: "\"什么是新质生产力？\"他问。\"我不知道\n",
			errors: [
				{
					messageId: "ambiguousQuote",
					column: 1,
					suggestions: [{ messageId: "toFullWidth", data: { full: "“" }, output: "“什么是新质生产力?\"他问。\"我不知道\n" }],
				},
				{ messageId: "halfWidth", column: 10 },
				{
					messageId: "ambiguousQuote",
					column: 11,
					suggestions: [{ messageId: "toFullWidth", data: { full: "”" }, output: "\"什么是新质生产力?”他问。\"我不知道\n" }],
				},
				{
					messageId: "ambiguousQuote",
					column: 15,
					suggestions: [{ messageId: "toFullWidth", data: { full: "“" }, output: "\"什么是新质生产力?\"他问。“我不知道\n" }],
				},
			],
		},
		{
			code: "工作室(\"IP WUXI\"工作\n",
			output: "工作室(“IP WUXI”工作\n",
			errors: [
				{
					messageId: "unpairedParen",
					column: 4,
					suggestions: [{ messageId: "toFullWidth", data: { full: "（" }, output: "工作室（\"IP WUXI\"工作\n" }],
				},
				{ messageId: "straightQuotes", column: 5 },
			],
		},
	],
});

describe("punctuation-width fixes (property)", () => {
	const alphabet = [..."中文数字经济发展", " ", "1", "2", ".", ",", ";", ":", "?", "!", "(", ")", '"', "'", "a", "B", "\n", "。", "，", "“", "”", "@", "/"];
	const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((cs) => cs.join(""));
	const FULL_TO_HALF: Record<string, string> = { "，": ",", "。": ".", "；": ";", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")", "“": '"', "”": '"', "‘": "'", "’": "'" };
	const skeleton = (s: string) => s.replace(/ /gu, "").replace(/[，。；：？！（）“”‘’]/gu, (c) => FULL_TO_HALF[c]);
	it("only swaps punctuation width and drops ASCII spaces next to it; a second fix changes nothing", () => {
		fc.assert(
			fc.property(text, (s) => {
				const once = fixText(s, only).output;
				expect(skeleton(once)).toBe(skeleton(s));
				expect(fixText(once, only).output).toBe(once);
			}),
			{ numRuns: 300 },
		);
	});
});
