import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import rule from "../../rules/column-join.js";
import { fixText, lintText } from "../../src/api.js";
import { textRuleTester } from "../helpers/rule-tester.js";

const seed = (name: string) => readFileSync(new URL(`../../seeds/${name}.txt`, import.meta.url), "utf8");

textRuleTester().run("column-join", rule as never, {
	valid: [
		"融合十年 笃行致远\n\n本报记者 吴齐强 颜珂\n\n7月12日至13日，大会在湖南长沙举行。\n\n化解矛盾要靠制度。\n",
		// A single column hard-wrapped with spaces reads straight on across every gap.
		"宋建武认为,当代人类信 息交互领域的新质生产力体 现在以互联网为核心的现代 信息技术的应用上。\n",
		"●发言摘录\n\n聚焦“六大领域” 推进主流媒体系统性变革\n",
		// The same single column wrapped with line breaks (a blank line elsewhere makes the lines one paragraph).
		"融合十年 笃行致远\n\n宋建武认为，当代人类信\n息交互领域的新质生产力体\n现在以互联网为核心的现代\n信息技术的应用上。\n",
	],
	invalid: [
		{
			// Seed 001: the previous paragraph stops mid-clause and the two halves make one sentence.
			code: "全效媒体就是拓展出服务功能之后,植根于互联网连接基础\n\n上的新型平台型媒体形态,寓引导于服务之中。\n",
			output: "全效媒体就是拓展出服务功能之后,植根于互联网连接基础上的新型平台型媒体形态,寓引导于服务之中。\n",
			errors: [{ messageId: "midSentenceStart", line: 3, column: 1 }],
		},
		{
			// The continuation is two paragraphs back: say where, as a suggestion.
			code: "7月13日，2023中国新媒体大会“AIGC发展与机遇”高峰论坛，马栏山指数研究联合课题组，发布视频文创产业发展态势研究\n\n湖北广播电视台以“新闻+政务+创新”为定位，建设移动政务流媒体平台。\n\n报告。\n",
			errors: [
				{ messageId: "foreignInsertion", line: 3 },
				{
					messageId: "midSentenceStart",
					line: 5,
					suggestions: [
						{
							messageId: "moveToContinue",
							output: "7月13日，2023中国新媒体大会“AIGC发展与机遇”高峰论坛，马栏山指数研究联合课题组，发布视频文创产业发展态势研究报告。\n\n湖北广播电视台以“新闻+政务+创新”为定位，建设移动政务流媒体平台。\n",
						},
					],
				},
			],
		},
		{
			code: "人民日报社副总编辑徐立京发言。\n\n（上接第一版）针对关键信息基础设施，强化网络安全检查。\n",
			output: "人民日报社副总编辑徐立京发言。\n\n针对关键信息基础设施，强化网络安全检查。\n",
			errors: [
				{ messageId: "foreignInsertion", line: 3 },
				{ messageId: "continuationMarker", line: 3, column: 1, endColumn: 8 },
			],
		},
		{
			code: "> 资源汇集,变为城市导向。\n\n全面统筹集团的国际传播工作。（下转第二版）\n\n- 3 -\n",
			output: "资源汇集,变为城市导向。\n\n全面统筹集团的国际传播工作。\n\n\n",
			errors: [
				{ messageId: "continuationMarker", line: 1 },
				{ messageId: "continuationMarker", line: 3 },
				{ messageId: "continuationMarker", line: 5 },
			],
		},
		{
			// Two paragraphs wrapped at 17 characters and interleaved line by line (a synthetic case).
			code: "融合十年 笃行致远\n\n2023年2月，昆山市融媒体中心推\n湖北省南漳县融媒体中心与南漳县文化\n出全国首个县级融媒体3D超写实AI\n和旅游局合作，聚焦当地旅游资源，打\n数字人主播“昆小融”，为广大受众带\n造“媒体+文旅”模式，运营南漳文化\n来智能新体验。\n旅游的视频号、抖音号、头条号、微信\n",
			errors: [{ messageId: "interleaved", line: 3, endLine: 10 }],
		},
		{
			// A page number inside a wrapped paragraph goes with its line break: the paragraph stays whole.
			code: "标题\n\n宋建武认为，当代人类信\n12\n息交互领域的新质生产力体现在信息技术的应用上。\n",
			output: "标题\n\n宋建武认为，当代人类信\n息交互领域的新质生产力体现在信息技术的应用上。\n",
			errors: [{ messageId: "continuationMarker", line: 4 }],
		},
		{
			// Seed 000: a block of another story resumes mid-sentence after a finished paragraph.
			code: "芒果TV副总经理卢海波在论坛上表示，技术就是内容升级的工具。\n\n化、数字化的浪潮让这里呈现出新气象。\n",
			errors: [
				{ messageId: "foreignInsertion", line: 3 },
				{ messageId: "midSentenceStart", line: 3, column: 1 },
			],
		},
		{
			code: "化、数字化的浪潮让这里呈现出新气象。\n",
			errors: [{ messageId: "midSentenceStart", line: 1 }],
		},
	],
});

describe("column-join on the seeds", () => {
	it.each(["002_4ada1c7cd8ce54c8", "003_8228443f32db4f8b", "004_3aa97fa695d6fac8"])("finds nothing in clean seed %s", (name) => {
		expect(lintText(seed(name), { rules: { "column-join": "error" }, preset: null })).toEqual([]);
	});

	it("finds the interleaved column blocks of seed 001", () => {
		const lines = lintText(seed("001_044288497205acae"), { rules: { "column-join": "error" }, preset: null })
			.filter((m) => m.messageId === "interleaved")
			.map((m) => m.line);
		for (const line of [39, 41, 55, 69, 83, 85, 95, 101, 109, 113]) expect(lines).toContain(line);
		expect(lines.every((l) => l >= 39)).toBe(true);
	});

	it("joins the halves of seed 001 and fixing twice changes nothing", () => {
		const once = fixText(seed("001_044288497205acae"), { rules: { "column-join": "error" }, preset: null }).output;
		expect(once).toContain("植根于互联网连接基础上的新型平台型媒体形态");
		expect(once).toContain("与政务服务无缝对接,形成一站式服务闭环。");
		expect(once).toContain("效果更好;拍摄门槛更低");
		expect(once).not.toMatch(/^> /mu);
		expect(fixText(once, { rules: { "column-join": "error" }, preset: null }).output).toBe(once);
	});
});
