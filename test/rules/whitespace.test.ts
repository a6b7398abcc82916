import rule from "../../rules/whitespace.js";
import { textRuleTester } from "../helpers/rule-tester.js";

textRuleTester().run("whitespace", rule as never, {
	valid: ["　　正文。\n\n第二段。\n", "陈  光\n"],
	invalid: [
		{
			code: "标题  \n\n正文。\t\n",
			output: "标题\n\n正文。\n",
			errors: [
				{ messageId: "trailing", line: 1, column: 3, endLine: 1, endColumn: 5 },
				{ messageId: "trailing", line: 3, column: 4 },
			],
		},
	],
});
