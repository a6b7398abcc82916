import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import rule from "../../rules/truncated-sentence.js";
import { lintText } from "../../src/api.js";
import { textRuleTester } from "../helpers/rule-tester.js";

const HEADLINES = "融合十年 笃行致远\n\n——2023中国新媒体大会综述\n\n本报记者 吴齐强 颜珂\n\n";

textRuleTester().run("truncated-sentence", rule as never, {
	valid: [
		`${HEADLINES}7月12日至13日，2023中国新媒体大会在湖南长沙举行。\n\n人民日报社新媒体客户端主编梁昌杰\n\n推动媒体融合向纵深发展。\n`,
		"加入联盟后，我们将加强交流合作。 记者 马涛\n",
		"光谷科技园一角。龚鹏摄\n",
		"他说：“We need open standards.”\n",
		// Credits and decoration after the last stop, found in the other rules' fixtures.
		"坚持在接地气、转文风、广覆盖上下功夫。（记者 韩冰）\n",
		"长江大桥一角.薛勇晨摄\n",
		"打造“智能党报”等策划。👩‍💻\n",
		"邮箱:press@xinhua.org,电话:(010)63071234.\n",
		// A body line with a caption and a credit stacked under it, no blank lines.
		"　　促进区域文化交流、融合。 记者 马涛\n第一场 县级融媒体中心建设座谈会\n（重庆日报报业集团供图）\n\n　　第二段。\n",
		// The jump line says where the sentence goes on.
		"全面统筹集团的国际传播工作，整合聚力集团各类外宣资源（下转第二版）\n",
		// Stacked repeated captions.
		"南方报业传媒集团、重庆日报报业集团联合发布\n南 方报业传媒集团、重庆日报报业集团联合发布\n南  方报业传媒集团、重庆日报报业集团联合发布\n\n第二段。\n",
	],
	invalid: [
		{
			code: `${HEADLINES}算力基础设施的加速建设是我国大力推进信息基础设施体系发展的体现之一。\n\n伴随着核心技术的突破和信息基础设施\n\n理念引领行动，方向决定出路。\n`,
			errors: [{ messageId: "truncated", line: 9 }],
		},
		{
			code: "支付宝数字政务行业总监韩东旭围绕“数字政务助力城市形象传播”作了\n\n展望未来，韩东旭表示，将围绕民生热点和办事攻略两大核心发力。\n",
			errors: [{ messageId: "truncated", line: 1 }],
		},
		{
			code: "各地积极推进社保数字化转型，不断提升社保治理效能。\n\n同时在支付宝端上线“牡丹节城市专区”，让游客在游玩的同时，可以更深入地了解城市的历史文化和风土人情，完成从观光旅游到沉浸式体验的转\n",
			errors: [{ messageId: "documentEnd", line: 3 }],
		},
		{
			// The continuation is the next paragraph: a suggestion joins them, never a fix.
			code: "通过智能匹配，将用户需求与政务服务无缝对接，效果更\n\n好；拍摄门槛更低，成本统统为零。\n",
			errors: [
				{
					messageId: "truncated",
					line: 1,
					suggestions: [{ messageId: "joinWithContinuation", output: "通过智能匹配，将用户需求与政务服务无缝对接，效果更好；拍摄门槛更低，成本统统为零。\n" }],
				},
			],
		},
	],
});

describe("truncated-sentence on the clean seeds", () => {
	it.each(["002_4ada1c7cd8ce54c8", "003_8228443f32db4f8b", "004_3aa97fa695d6fac8"])("finds nothing in seed %s", (name) => {
		const text = readFileSync(new URL(`../../seeds/${name}.txt`, import.meta.url), "utf8");
		expect(lintText(text, { rules: { "truncated-sentence": "error" }, preset: null })).toEqual([]);
	});

	it("finds the two truncations of seed 000", () => {
		const text = readFileSync(new URL("../../seeds/000_0666ca01b1132203.txt", import.meta.url), "utf8");
		const lines = lintText(text, { rules: { "truncated-sentence": "error" }, preset: null }).map((m) => m.line);
		expect(lines).toEqual([51, 119]);
	});
});
