import rule from "../../rules/invisible-characters.js";
import { textRuleTester } from "../helpers/rule-tester.js";

textRuleTester().run("invisible-characters", rule as never, {
	valid: [
		"　　正文，带制表符\t和换行。\r\n第二行。\n",
		// A leading BOM is an encoding signature.
		"\ufeff正文。\n",
		// Joiners that are part of the spelling: emoji sequences and joining scripts.
		"笑声👨‍👩‍👧和👩🏽‍💻。\n",
		"波斯语 می‌خواهم 一词。\n",
		// Bidi marks in text that has right-to-left script.
		"阿拉伯文 \u200fمرحبا\u200f 问候。\n",
		// U+FFFD and private-use characters belong to ocr-garbling.
		"乱码\ufffd与\ue000。\n",
		{ code: "甲\u200e乙\n", options: [{ bidi: false }] },
	],
	invalid: [
		{
			code: "数字\u200b经济\u200b\u200b发展\n",
			output: "数字经济发展\n",
			errors: [
				{ messageId: "zeroWidth", line: 1, column: 3, data: { what: "U+200B ZERO WIDTH SPACE" } },
				{ messageId: "zeroWidth", line: 1, column: 6, endColumn: 8, data: { what: "2 × U+200B ZERO WIDTH SPACE" } },
			],
		},
		{
			code: "\ufeff第一段。\n第二\ufeff段。\n",
			output: "\ufeff第一段。\n第二段。\n",
			errors: [{ messageId: "bom", line: 2, column: 3 }],
		},
		{
			code: "媒体\u00ad融合\u0007发展\u001b[0m，\u200d好\u2060的\u200e。\n",
			output: "媒体融合发展[0m，好的。\n",
			errors: [
				{ messageId: "softHyphen", column: 3 },
				{ messageId: "control", column: 6, data: { what: "U+0007" } },
				{ messageId: "control", column: 9 },
				{ messageId: "zeroWidth", column: 14, data: { what: "U+200D ZERO WIDTH JOINER" } },
				{ messageId: "zeroWidth", column: 16 },
				{ messageId: "bidi", column: 18 },
			],
		},
		{
			// A blank-looking line made of a BOM is still reported: the parser treats it as blank.
			code: "甲。\n\ufeff\n乙。\n",
			output: "甲。\n\n乙。\n",
			errors: [{ messageId: "bom", line: 2, column: 1 }],
		},
	],
});
