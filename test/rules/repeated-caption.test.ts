import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCleanTexts, loadLabelledCases } from "../../bench/labels.js";
import rule from "../../rules/repeated-caption.js";
import { fixText, lintText } from "../../src/api.js";
import { packageRoot } from "../../src/package-root.js";
import { textRuleTester } from "../helpers/rule-tester.js";

const CAPTION = "图为游客在景区参观。";
const only = { rules: { "repeated-caption": "error" as const }, preset: null };

textRuleTester().run("repeated-caption", rule as never, {
	valid: [
		// Short lines that occur once (seed 004) and headlines that differ.
		"采访活动走进企业。\n\n荆州正在加快构建现代产业体系。\n\n清晨的楚文化数字产业园。\n",
		// Numbered titles differ by one meaningful character.
		"第一场 融媒创新分论坛\n\n正文。\n\n第二场 融媒创新分论坛\n",
		// One changed character in a short line with no exact repeat is a different caption.
		"图为游客在景区游览。\n\n正文。\n\n图为游客在景区游玩。\n",
		// A lone pair differing by an ordinary character (not one OCR confuses) is two captions.
		"图为游客在马栏山视频文创园游览。\n\n正文。\n\n图为游客在马栏山视频文创园游玩。\n",
		// Too short to be a caption (a closing mark).
		"正文。\n\n（完）\n\n正文二。\n\n（完）\n",
		// Patterns the user allows to repeat.
		{ code: "本版责编 张三\n\n正文。\n\n本版责编 张三\n", options: [{ allow: ["^本版责编"] }] },
		// Fewer than minRepeats.
		{ code: `${CAPTION}\n\n正文。\n\n${CAPTION}\n`, options: [{ minRepeats: 3 }] },
		// The short last line of a wrapped paragraph is not a caption.
		`${"这是一段被硬换行的很长的正文内容，它在这里换行，并且后面还有更多的文字内容继续写下去，直到超出说明文字的长度，"}\n推动高质量发展。\n\n${"另外一段被硬换行的很长的正文内容，它在这里换行，并且后面还有更多的文字内容继续写下去，直到超出说明文字的长度，"}\n推动高质量发展。\n`,
		// Two identical short tails of hard-wrapped paragraphs (the line before is cut mid-sentence) are not captions.
		`${"这是一段被硬换行的很长的正文内容，它在这里换行，并且后面还有更多的文字内容继续写下去，直到超出说明文字的长度"}\n推动高质量发展。\n\n${"另外一段被硬换行的很长的正文内容，它在这里换行，并且后面还有更多的文字内容继续写下去，直到超出说明文字的长度"}\n推动高质量发展。\n`,
		// Longer than maxLength: a body paragraph, left to duplicate-paragraph.
		{ code: `${CAPTION}\n\n${CAPTION}\n`, options: [{ maxLength: 5 }] },
	],
	invalid: [
		{
			// A consecutive run: one finding on the second copy; the blank lines go with the repeats.
			code: `${CAPTION}\n\n${CAPTION}\n\n${CAPTION}\n\n正文。\n`,
			output: `${CAPTION}\n\n正文。\n`,
			errors: [{ line: 3, message: `Line repeated 3 times, first at line 1: “${CAPTION}”.` }],
		},
		{
			// Scattered copies, the last at the end of the file: the final newline stays, no blank line is left.
			code: `标题\n\n${CAPTION}\n\n正文一。\n\n${CAPTION}\n\n正文二。\n\n${CAPTION}\n`,
			output: `标题\n\n${CAPTION}\n\n正文一。\n\n正文二。\n`,
			errors: [{ messageId: "repeated", line: 7 }],
		},
		{
			// Spacing, punctuation and width variants are the same line.
			code: "新华社记者 王伟 摄\n\n正文。\n\n新华社记者王伟摄\n\n正文二。\n\n新华社记者　王伟　摄。\n",
			output: "新华社记者 王伟 摄\n\n正文。\n\n正文二。\n",
			errors: [{ line: 5, message: "Line repeated 3 times, first at line 1: “新华社记者 王伟 摄”." }],
		},
		{
			// One paragraph a line (no blank lines).
			code: `正文一。\n${CAPTION}\n${CAPTION}\n正文二。\n`,
			output: `正文一。\n${CAPTION}\n正文二。\n`,
			errors: [{ messageId: "repeated", line: 3 }],
		},
		{
			// A block of caption lines without blank lines between them.
			code: `正文一。\n\n国家防总、水利部\n国家防总、水利部\n国家防总、水利部\n\n正文二。\n`,
			output: `正文一。\n\n国家防总、水利部\n\n正文二。\n`,
			errors: [{ messageId: "repeated", line: 4 }],
		},
		{
			// An OCR-damaged copy counts, but only a suggestion deletes it.
			code: `${CAPTION}\n\n${CAPTION}\n\n正文。\n\n图为游客在景区参覌。\n\n正文二。\n`,
			output: `${CAPTION}\n\n正文。\n\n图为游客在景区参覌。\n\n正文二。\n`,
			errors: [
				{
					line: 3,
					message: `Line repeated 3 times, first at line 1, 1 of them with one character changed: “${CAPTION}”.`,
					suggestions: [{ messageId: "deleteAll", output: `${CAPTION}\n\n正文。\n\n正文二。\n` }],
				},
			],
		},
		{
			// A lone pair differing by a look-alike character (社/杜): reported, deleted only by the suggestion.
			code: "人民日报社副总编辑徐立京在论坛上发言。\n\n正文。\n\n人民日报杜副总编辑徐立京在论坛上发言。\n",
			output: null,
			errors: [
				{
					messageId: "repeatedVariants",
					line: 5,
					suggestions: [{ messageId: "deleteAll", output: "人民日报社副总编辑徐立京在论坛上发言。\n\n正文。\n" }],
				},
			],
		},
		{
			// Print style: indented paragraphs, the caption glued under a paragraph (no blank line); the copy goes with its line break.
			code: `\u3000\u3000${"荆州正在加快构建现代产业体系，着力打造长江经济带重要的先进制造业基地，推动传统产业转型升级，培育壮大新兴产业集群。"}\n${CAPTION}\n\u3000\u3000第二段正文。\n${CAPTION}\n\u3000\u3000\n\u3000\u3000第三段正文。\n`,
			output: `\u3000\u3000${"荆州正在加快构建现代产业体系，着力打造长江经济带重要的先进制造业基地，推动传统产业转型升级，培育壮大新兴产业集群。"}\n${CAPTION}\n\u3000\u3000第二段正文。\n\u3000\u3000\n\u3000\u3000第三段正文。\n`,
			errors: [{ messageId: "repeated", line: 4 }],
		},
		{
			// Two captions repeated as often, one character apart, are two groups, not a caption and its damaged copy.
			code: "图为子号展台的参观者留影。\n\n图为丑号展台的参观者留影。\n\n图为子号展台的参观者留影。\n\n正文一。\n\n图为丑号展台的参观者留影。\n\n正文二。\n",
			output: "图为子号展台的参观者留影。\n\n图为丑号展台的参观者留影。\n\n正文一。\n\n正文二。\n",
			errors: [
				{ messageId: "repeated", line: 5 },
				{ messageId: "repeated", line: 9 },
			],
		},
		{
			// Case folding can be turned off.
			code: "Photo by Wang Wei\n\nphoto by wang wei\n\nPhoto by Wang Wei\n",
			output: "Photo by Wang Wei\n\nphoto by wang wei\n",
			options: [{ ignoreCase: false }],
			errors: [{ line: 5, message: "Line repeated 2 times, first at line 1: “Photo by Wang Wei”." }],
		},
	],
});

describe("repeated-caption on the seeds", () => {
	const seed000 = readFileSync(join(packageRoot, "seeds/000_0666ca01b1132203.txt"), "utf8");

	it("reports each of seed 000's caption runs once, with the count and the first line", () => {
		const messages = lintText(seed000, only);
		expect(messages.map((m) => [m.line, m.message])).toEqual([
			[173, "Line repeated 69 times, first at line 169: “人民日报社副总编辑徐立京在论坛上发言。”."],
			[311, "Line repeated 82 times, first at line 309: “国家防总、水利部”."],
		]);
	});

	it("fixes seed 000 to one copy of each caption, with no blank-line pile-up", () => {
		const { output, messages } = fixText(seed000, only);
		expect(messages).toEqual([]);
		expect(output.split("人民日报社副总编辑徐立京在论坛上发言。")).toHaveLength(2);
		expect(output.split("国家防总、水利部")).toHaveLength(2);
		expect(output).not.toMatch(/\n\n\n/u);
		expect(output.endsWith("人民日报社副总编辑徐立京在论坛上发言。\n\n中央广播电视总台创新升级“头条工程”启动仪式。\n\n国家防总、水利部")).toBe(true);
	});

	it("is silent on seeds 002–004 and the clean synthetic documents, and the fixer changes nothing there", () => {
		// Other generators' clean documents may hold genuine repeats (listed in fixtures/clean/allowed/); the benchmark counts those.
		const clean = loadCleanTexts().filter((c) => /^seeds\/|^fixtures\/clean\/rep-/u.test(c.path));
		expect(clean.length).toBeGreaterThanOrEqual(15);
		for (const c of clean) {
			expect(lintText(c.text, only), c.path).toEqual([]);
			expect(fixText(c.text, only).output, c.path).toBe(c.text);
		}
	});

	it("restores the clean original for every synthetic exact-copy case", () => {
		const cases = loadLabelledCases().filter((c) => c.rule === "repeated-caption" && c.fixed !== undefined);
		expect(cases.length).toBeGreaterThan(40);
		for (const c of cases) expect(fixText(c.text, only).output, c.path).toBe(c.fixed);
	});
});
