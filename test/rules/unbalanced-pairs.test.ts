import rule from "../../rules/unbalanced-pairs.js";
import { textRuleTester } from "../helpers/rule-tester.js";

textRuleTester().run("unbalanced-pairs", rule as never, {
	valid: [
		"他说：“我们村（以前）是《贫困村》。”\n",
		// A quotation over several paragraphs reopens “ in each and closes only in the last.
		"“我们村以前是贫困村。\n\n“去年游客很多。”\n",
		// List markers have no opener by design.
		"1）第一条\n一）第二条\na）第三条\n",
		// Apostrophes are not closing quotes.
		"China’s economy grew.\n",
		// Straight quotes and ASCII parentheses are punctuation-width's business.
		"他说\"好\n\n工作室(IP\n",
		// One paragraph a line (hard-wrapped text): a pair may straddle the break.
		"他在报告《群众创造历史\n创新引领发展》中指出\n",
	],
	invalid: [
		{
			code: "他说《报告很好。\n\n这是“好事。\n\n我们”认为）如此】。\n",
			errors: [
				{ messageId: "unclosed", line: 1, column: 3, data: { char: "《", expected: "》" } },
				{ messageId: "unclosed", line: 3, column: 3 },
				{ messageId: "unopened", line: 5, column: 3, data: { char: "”", expected: "“" } },
				{ messageId: "unopened", line: 5, column: 6 },
				{ messageId: "unopened", line: 5, column: 9 },
			],
		},
		{
			// A missing closer inside a pair reports the inner opener, not every bracket after it.
			code: "《关于（试行）的通知（草案》发布了。\n",
			errors: [{ messageId: "unclosed", line: 1, column: 11 }],
		},
		{
			// Blank-line paragraphs: no pairing across the gap.
			code: "他在报告《群众创造历史\n\n创新引领发展》中指出\n",
			errors: [
				{ messageId: "unclosed", line: 1, column: 5 },
				{ messageId: "unopened", line: 3, column: 7 },
			],
		},
	],
});
