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

describe("ocr-garbling look-alikes decided by context", () => {
	const SEED_17 = "通过与中国法院网、中国警察网、荔枝新闻、封面新闻等名家政务机构和健休单位开展合作。\n";
	const lookalikes = (text: string, opts: Record<string, unknown> = {}) =>
		lint(text, { injectedSpace: false, ...opts }).filter((m) => m.messageId === "lookalike");

	it("reads 名家 as 多家 in a quantity slot and 休 as 体 before a head noun: suggestions, never fixes", () => {
		const messages = lookalikes(SEED_17);
		expect(messages.map((m) => [m.column, m.message])).toEqual([
			[SEED_17.indexOf("名家") + 1, "Possible OCR look-alike: “名家” → “多家”?"],
			[SEED_17.indexOf("休") + 1, "Possible OCR look-alike: “休” → “体”?"],
		]);
		for (const m of messages) expect(m.fix).toBeUndefined();
		expect(messages.map((m) => m.suggestions?.[0].fix.text)).toEqual(["多", "体"]);
		// Even a fix threshold of 0 leaves them suggestions: the repair rests on context.
		expect(lookalikes(SEED_17, { lookalikeFixConfidence: 0 }).every((m) => m.fix === undefined)).toBe(true);
	});

	it("sees the quantity slot across a wrap break and with other classifiers", () => {
		expect(lookalikes("封面新闻等名 家政务机构开展合作。\n").map((m) => m.message)).toEqual(["Possible OCR look-alike: “名 家” → “多家”?"]);
		expect(lookalikes("园区已吸引名家企业入驻。\n").map((m) => m.message)).toEqual(["Possible OCR look-alike: “名家” → “多家”?"]);
		expect(lookalikes("会议邀请了名位专家参加研讨。\n").map((m) => m.message)).toEqual(["Possible OCR look-alike: “名位” → “多位”?"]);
	});

	it("leaves genuine 名家 and correct text alone", () => {
		for (const text of [
			"书法名家王羲之的作品在展览中亮相。",
			"本次展览汇集了名家名作一百余件。",
			"齐白石、徐悲鸿等名家的作品同台展出。",
			"张大千等名家画作在拍卖会上受到追捧。",
			"活动邀请京剧名家走进校园，与学生面对面交流。",
			"艺术名家与青年学子面对面交流。",
			"名家讲坛第十期在市图书馆举行。",
			"与名家对话，向经典致敬。",
			"有名家坐镇，节目质量更有保障。",
			"主办方邀请名家和机构共同参与评审。",
			"市文联与名家工作室签约合作。",
			"论坛邀请名家企业家分享经验。",
			"通过与中国法院网、封面新闻等多家政务机构和媒体单位开展合作。",
		]) {
			expect(lookalikes(`${text}\n`), text).toEqual([]);
		}
	});

	it("does not take brand, place or personal names before a head noun for damage", () => {
		for (const text of [
			"我们与美团平台、拼多多平台和抖音平台合作。",
			"瑞幸门店、蜜雪门店数量增长。",
			"与鄂旅投集团、皖能集团签约。",
			"感谢王芳平台的支持，他和张伟公司的人见面。",
			"与蔚来公司、极氪公司、蜂巢能源公司达成协议。",
			"芜湖医院、婺源医院、亳州医院都派出医生。",
		]) {
			expect(lookalikes(`${text}\n`), text).toEqual([]);
		}
	});

	it("switches each context check off", () => {
		expect(lookalikes(SEED_17, { lookalikeContext: false }).map((m) => m.message)).toEqual(["Possible OCR look-alike: “休” → “体”?"]);
		expect(lookalikes(SEED_17, { lookalikeDamagedPair: false }).map((m) => m.message)).toEqual(["Possible OCR look-alike: “名家” → “多家”?"]);
		expect(lookalikes(SEED_17, { lookalike: false })).toEqual([]);
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
