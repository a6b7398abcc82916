import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import rule from "../../rules/boilerplate.js";
import { fixText, lintText } from "../../src/api.js";
import { textRuleTester } from "../helpers/rule-tester.js";

const article = "本报记者 吴齐强 颜珂\n\n　　正文第一段。（记者 张三）\n\n本报记者 刘清羽 摄\n\n　　正文第二段，融合。 记者 马涛\n\n本版编辑：李慧萍 田园 美编：白海龙\n";
const articleErrors = [
	{ messageId: "reporterCredit", line: 3, column: 9, endColumn: 16, data: { what: "reporter credit", text: "（记者 张三）" } },
	{ messageId: "photoCredit", line: 5, column: 1 },
	{ messageId: "furnitureLine", line: 9, column: 1, data: { what: "editor credit" } },
];

textRuleTester().run("boilerplate", rule as never, {
	valid: [
		// The standard top byline and the closing byline are article structure, reported only with `bylines: true`.
		"本报记者 吴齐强 颜珂 申智林 王云娜\n\n　　正文。\n",
		"　　加入联盟，将促进区域文化交流、融合。 记者 马涛\n",
		// Words that contain the keywords in prose.
		"　　人民日报社副总编辑徐立京在论坛上发言。\n",
		"　　他们用手机拍摄了视频，由学校提供场地，总编辑：这是一个标题吗\n",
		"　　摄影爱好者完成了作品（上）。\n",
	],
	invalid: [
		{
			// Warnings only: without `remove` there is no fix.
			code: article,
			output: null,
			errors: articleErrors,
		},
		{
			code: article,
			options: [{ remove: true }],
			// One pass; touching removals wait for the next pass (the multipass result is tested below).
			output: "本报记者 吴齐强 颜珂\n\n　　正文第一段。\n\n本报记者 刘清羽 摄\n\n　　正文第二段，融合。 记者 马涛\n",
			errors: articleErrors,
		},
		{
			code: article,
			options: [{ bylines: true }],
			output: null,
			errors: [
				{ messageId: "byline", line: 1, data: { text: "本报记者 吴齐强 颜珂" } },
				...articleErrors.slice(0, 2),
				{ messageId: "byline", line: 7, column: 12 },
				articleErrors[2],
			],
		},
		{
			code: "　　正文。\n图片由新华社提供\n　　第二段。（完）\n版权所有 © 人民日报社\n未经授权，不得转载。\n",
			options: [{ remove: true }],
			output: "　　正文。\n　　第二段。\n版权所有 © 人民日报社\n",
			errors: [
				{ messageId: "photoCredit", line: 2 },
				{ messageId: "endMark", line: 3, column: 7 },
				{ messageId: "copyright", line: 4 },
				{ messageId: "copyright", line: 5 },
			],
		},
		{
			code: "　　正文完。（责任编辑：王芳）\n【责任编辑：张三】\n",
			options: [{ remove: true }],
			// One pass: the two removals touch at the line break; the multipass fixer applies the second next.
			output: "　　正文完。\n【责任编辑：张三】\n",
			errors: [
				{ messageId: "editorCredit", line: 1, column: 7, data: { what: "editor credit", text: "（责任编辑：王芳）" } },
				{ messageId: "editorCredit", line: 2, column: 1 },
			],
		},
		{
			// Seed 001's last line: several kinds of furniture run together.
			code: "　　正文。\n\n本版稿件由本报记者 武子暄 苗欣 实习记者 吴香凝 赵丹 图片由本报记者 刘清羽 闫鑫 提供 本版编辑:李慧萍 田园 张静雯 程昱 美编:白海龙",
			options: [{ remove: true }],
			output: "　　正文。",
			errors: [{ messageId: "furnitureLine", line: 3, data: { what: "reporter credit, photo credit, editor credit" } }],
		},
	],
});

describe("boilerplate removal with the multipass fixer", () => {
	const remove = { rules: { boilerplate: ["warn", { remove: true }] }, preset: null } as const;
	it("removes every piece of furniture and nothing else, idempotently", () => {
		const once = fixText(article, remove as never).output;
		expect(once).toBe("本报记者 吴齐强 颜珂\n\n　　正文第一段。\n\n　　正文第二段，融合。 记者 马涛\n");
		expect(fixText(once, remove as never).output).toBe(once);
		const lines = "　　正文。\n图片由新华社提供\n　　第二段。（完）\n版权所有 © 人民日报社\n未经授权，不得转载。\n";
		expect(fixText(lines, remove as never).output).toBe("　　正文。\n　　第二段。\n");
	});
	it("changes nothing by default", () => {
		expect(fixText(article, { rules: { boilerplate: "warn" }, preset: null }).output).toBe(article);
	});
});

describe("boilerplate patterns data", () => {
	const data = JSON.parse(readFileSync(new URL("../../data/boilerplate-patterns.json", import.meta.url), "utf8")) as {
		patterns: Array<{ id: string; messageId: string; option?: string; example: string; requires?: string[][] }>;
	};
	for (const p of data.patterns) {
		it(`${p.id}: its example contains a literal of every group it requires`, () => {
			// A required literal is a promise that every match contains it; the rule skips lines without.
			for (const group of p.requires ?? []) expect(group.some((literal) => p.example.includes(literal))).toBe(true);
		});
		it(`finds its own example for ${p.id}: ${p.example}`, () => {
			// The example as a line of furniture after a paragraph of prose, or after prose on the same line for trailing bylines.
			const text = p.id === "trailing-byline" ? `　　正文${p.example}\n` : `　　正文。\n\n${p.example}\n`;
			const messages = lintText(text, { rules: { boilerplate: ["warn", { bylines: p.option === "bylines" }] }, preset: null });
			expect(messages.map((m) => m.messageId)).toEqual([p.messageId]);
		});
	}
});
