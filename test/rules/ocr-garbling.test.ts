import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/package-root.js";
import rule from "../../rules/ocr-garbling.js";
import { fixText, lintText } from "../../src/api.js";
import { textRuleTester } from "../helpers/rule-tester.js";

const lint = (text: string, opts: Record<string, unknown> = {}) =>
	lintText(text, { rules: { "ocr-garbling": ["error", opts] }, preset: null });
const fix = (text: string) => fixText(text, { rules: { "ocr-garbling": "error" }, preset: null });

/** Enough simplified-only characters for the document to count as simplified. */
const SIMPLIFIED = "进入新时代，我国抓住时机加快信息领域核心技术突破，这些发展经验说明网络强国建设卓有成效。";

textRuleTester().run("ocr-garbling", rule as never, {
	valid: [
		"融合十年 笃行致远\n",
		"主任  陈  光\n",
		`${SIMPLIFIED}以5G技术为基础的新应用、4K超高清、3D打印、G20峰会、MCN机构和iPhone用户都在增长，A1版刊发评论。\n`,
		`${SIMPLIFIED}取悦 AI 数字人训练大模型已经上线。\n`,
		"人民日报社扎实推进媒体深度融合，发展成为拥有报、刊、网、端、微、屏等10多种载体的新型主流媒体。\n",
	],
	invalid: [
		{
			code: `${SIMPLIFIED}新时代的中國乘势而上。\n`,
			output: `${SIMPLIFIED}新时代的中国乘势而上。\n`,
			errors: [{ messageId: "traditional", line: 1, column: SIMPLIFIED.length + 6 }],
		},
		{
			code: `${SIMPLIFIED}在虚拟演播室中领略A1数字主播风采。\n`,
			output: `${SIMPLIFIED}在虚拟演播室中领略AI数字主播风采。\n`,
			errors: [{ messageId: "latinDigit", line: 1, column: SIMPLIFIED.length + 10 }],
		},
		{
			code: "来自全国的媒体齐聚呼和浩特，共同探 讨媒体赋能城市形象的新思路，并在活动中进行 了主题演讲。\n",
			output: "来自全国的媒体齐聚呼和浩特，共同探讨媒体赋能城市形象的新思路，并在活动中进行了主题演讲。\n",
			errors: [
				{ messageId: "injectedSpace", line: 1, column: 18 },
				{ messageId: "injectedSpace", line: 1, column: 40 },
			],
		},
		{
			code: "会议提出，鎺ㄥ姩鏂伴椈鍙戝竷，加快发展。\n",
			output: "会议提出，推动新闻发布，加快发展。\n",
			errors: [{ messageId: "mojibake", line: 1, column: 6, endColumn: 15 }],
		},
		{
			code: "会议提出，加快ä¸­å\u009b½å\u008f\u0091å±\u0095。\n",
			output: "会议提出，加快中国发展。\n",
			errors: [{ messageId: "mojibake", line: 1, column: 8 }],
		},
		{
			code: "会议提出，加快\ufffd国发展。\n",
			output: null,
			errors: [{ messageId: "damagedChar", line: 1, column: 8 }],
		},
	],
});

describe("ocr-garbling look-alikes", () => {
	it("proposes 合作 for 台作 across an injected space, and fixes only above the threshold", () => {
		const text = "在此期间我们积极与各地政府部门台 作，助力各地政府部门实现政务服务数字化升级。\n";
		const messages = lint(text, { injectedSpace: false });
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatchObject({ messageId: "lookalike", line: 1, column: 16 });
		expect(messages[0].message).toContain("合作");
		const strict = lint(text, { injectedSpace: false, lookalikeFixConfidence: 1.01 });
		expect(strict[0].fix).toBeUndefined();
		expect(strict[0].suggestions?.[0].fix.text).toBe("合");
		const lenient = lint(text, { injectedSpace: false, lookalikeFixConfidence: 0.5 });
		expect(lenient[0].fix?.text).toBe("合");
	});

	it("finds 新间 and stays quiet on the corrected sentence", () => {
		expect(lint("通过与中国法院网、荔枝新闻、封面新间等政务机构开展合作。\n").map((m) => m.message)).toEqual([
			"Possible OCR look-alike: “新间” → “新闻”?",
		]);
		expect(lint("通过与中国法院网、荔枝新闻、封面新闻等政务机构开展合作。\n")).toEqual([]);
	});

	it("finds 逼直 and leaves people's names and function words alone", () => {
		expect(lint("取悦AI数字人具有明显特点：形象比一般数字人动作更逼直、更自如。\n").map((m) => m.message)).toEqual([
			"Possible OCR look-alike: “逼直” → “逼真”?",
		]);
		expect(lint("本报记者 秦玉 郑思超\n\n新闻中心主任\u00a0\u00a0蔺明照\n\n村党支部书记向明华感慨地说。\n")).toEqual([]);
		expect(lint("为乡村振兴贡献新闻力量，打造出以服务乡村治理为重点的平台。\n")).toEqual([]);
	});

	it("does not take a term repeated in the document for damage", () => {
		const p = "龙岗区融媒集团利用平台资源。";
		expect(lint(`${p}\n\n${p}\n`)).toEqual([]);
	});
});

describe("ocr-garbling options and fixing", () => {
	it("switches each subtype off", () => {
		const text = `${SIMPLIFIED}新时代的中國在A1数字主播上共同探 讨。\n`;
		expect(new Set(lint(text).map((m) => m.messageId))).toEqual(new Set(["traditional", "latinDigit", "injectedSpace"]));
		expect(lint(text, { traditional: false, latinDigit: false, injectedSpace: false })).toEqual([]);
	});

	it("leaves traditional text alone when the document is not predominantly simplified", () => {
		expect(lint("中國發展經驗說明網絡強國建設卓有成效，這些經驗值得總結。\n")).toEqual([]);
	});

	it("removes regular wrap spaces of a whole paragraph and fixing twice equals fixing once", () => {
		const text =
			"什么是新质生产力?根 据马克思主义经济学说,只有 能够带来新的生产方式与新 的生产关系的先进技术才能 成为推动发展的力量。\n";
		const once = fix(text);
		expect(once.output).toBe("什么是新质生产力?根据马克思主义经济学说,只有能够带来新的生产方式与新的生产关系的先进技术才能成为推动发展的力量。\n");
		expect(fix(once.output).output).toBe(once.output);
	});
});

describe("ocr-garbling on the seeds", () => {
	const seeds = readdirSync(join(packageRoot, "seeds")).sort();
	const read = (f: string) => readFileSync(join(packageRoot, "seeds", f), "utf8");

	it("stays silent on the clean seeds 002–004", () => {
		for (const f of seeds.filter((n) => /^00[234]_/u.test(n))) expect(lint(read(f))).toEqual([]);
	});

	it("repairs the damaged seeds idempotently", () => {
		for (const f of seeds.filter((n) => /^00[01]_/u.test(n))) {
			const once = fix(read(f));
			expect(once.output).not.toBe(read(f));
			expect(fix(once.output).output).toBe(once.output);
		}
		expect(fix(read(seeds.find((n) => n.startsWith("000_"))!)).output).toContain("新时代的中国乘势而上");
	});
});
