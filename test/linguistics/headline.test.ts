import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyHeading } from "../../src/linguistics/headline.js";

describe("classifyHeading", () => {
	it.each([
		["融合十年 笃行致远", "headline"],
		["让党的声音传得更开 更广更深入", "headline"],
		["走好创新之路  推进媒体融合", "headline"],
		["准确识变、科学应变、主动求变", "headline"],
		["牢牢把握千载难逢的信息革命历史机遇，加快信息化发展", "headline"],
		["聚焦“六大领域” 推进主流媒体系统性变革", "headline"],
		["融合让主流声音 传播得更广、更远、更深", "headline"],
		["——2023中国新媒体大会综述", "subtitle"],
		["本报记者 吴齐强 颜珂 申智林 王云娜", "byline"],
		["本版稿件由本报记者 武子暄 苗欣 本版编辑:李慧萍", "byline"],
		["人民日报社新媒体客户端主编梁昌杰", "speaker"],
		["　　山东省委宣传部分管日常工作的副部长  袭艳春", "speaker"],
		["长江日报社党委书记、社长  陈  光", "speaker"],
		["国家电力投资集团有限公司宣传与群团部主任、新闻中心主任  蔺明照", "speaker"],
		["重庆日报报业集团党委书记、社长向泽映:", "speaker"],
		["一、深耕本土内容传播，提升新闻舆论引导力", "section"],
		["1 “享”创新 话融合 凝聚长江经济带上的强大声量", "section"],
		["本报长沙7月13日电", "dateline"],
		["（本报记者 刘清羽摄）", "byline"],
		["图为2023中国新媒体大会现场", "caption"],
		["- 3 -", "furniture"],
	])("%s is a %s", (text, kind) => {
		expect(classifyHeading(text)).toBe(kind);
	});

	it.each([
		// Seed 000: a sentence cut short is not a headline however short it is.
		["伴随着核心技术的突破和信息基础设施"],
		// An open quote never closes in a title.
		['"我认为目前AI技术服务'],
		// Ends in a function word.
		["推动主流媒体与地方政府的"],
		// Long, with commas: body text.
		["7月13日，2023中国新媒体大会“AIGC发展与机遇”高峰论坛，由国家广播电视总局发展研究中心牵头的马栏山指数研究联合课题组，发布视频文创产业发展态势研究"],
		// Two clauses that stop inside a word (组建运|营).
		["网安学院正式开学，武汉金银湖实验室、黄鹤网络安全实验室组建运"],
		// A full sentence is a paragraph, not a title.
		["一桥飞架，关山不远。"],
		["除了这个项目,无锡日报报业集团在国际传播方面也作了新一轮部署。不久前,"],
	])("%s is body text", (text) => {
		expect(classifyHeading(text)).toBeUndefined();
	});
});

describe("classifyHeading on the clean seeds", () => {
	// Every line of seeds 002–004 that ends without a stop is a title, speaker line, caption or byline.
	const unpunctuated = ["002_4ada1c7cd8ce54c8", "003_8228443f32db4f8b", "004_3aa97fa695d6fac8"].flatMap((name) =>
		readFileSync(new URL(`../../seeds/${name}.txt`, import.meta.url), "utf8")
			.split(/\r?\n/u)
			.map((line) => line.trim())
			.filter((line) => line.length > 0 && !/[。！？”」）：]$/u.test(line) && !/\s(?:记者\s|\S+摄$)/u.test(line)),
	);

	it("has headings to check", () => {
		expect(unpunctuated.length).toBeGreaterThan(40);
	});

	it.each(unpunctuated)("%s", (line) => {
		expect(classifyHeading(line)).toBeDefined();
	});
});
