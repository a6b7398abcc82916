import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCleanTexts, loadLabelledCases } from "../../bench/labels.js";
import rule from "../../rules/duplicate-paragraph.js";
import { fixText, lintText } from "../../src/api.js";
import { packageRoot } from "../../src/package-root.js";
import { textRuleTester } from "../helpers/rule-tester.js";

const only = { rules: { "duplicate-paragraph": "error" as const }, preset: null };
const A = "荆州正在加快构建现代产业体系，着力打造长江经济带重要的先进制造业基地，推动传统产业转型升级，培育壮大新兴产业集群。";
const B = "在荆州恒隆汽车零部件制造有限公司车间内，自动化生产线有序运转，一件件零部件从这里下线，销往全国各地和海外市场。";
const C = "采访中，荆州的瑰丽人文与产业发展，以及荆州媒体人的热情好客，给参加活动的媒体同行留下了深刻印象。";
const A_TRUNCATED = A.slice(0, 40);
const A_NEAR = A.replace("加快", "加怏").replace("培育", "培肓");

textRuleTester().run("duplicate-paragraph", rule as never, {
	valid: [
		`${A}\n\n${B}\n\n${C}\n`,
		// Parallel paragraphs that share a frame but say different things.
		"一是以全案传播为重点，精准定位塑形象。全案传播强调多方面协同与资源整合，形成传播合力。\n\n二是以全媒体传播为支点，立体覆盖展风采。积极构建报网端微屏多元传播矩阵，扩大覆盖面。\n",
		// Short repeated lines are captions: repeated-caption reports them.
		"人民日报社副总编辑徐立京在论坛上发言，介绍媒体深度融合发展的经验。\n\n正文。\n\n人民日报社副总编辑徐立京在论坛上发言，介绍媒体深度融合发展的经验。\n",
		// A contained copy shorter than minLength is not evidence of a copy.
		`${A}\n\n${A.slice(0, 12)}\n`,
	],
	invalid: [
		{
			// An exact copy later in the text: the later copy goes, with its blank line.
			code: `${A}\n\n${B}\n\n${A}\n\n${C}\n`,
			output: `${A}\n\n${B}\n\n${C}\n`,
			errors: [{ line: 5, message: "Paragraph occurs 2 times, first at line 1." }],
		},
		{
			// Copies that differ only in spacing and punctuation width are exact copies.
			code: `${A}\n\n${B}\n\n${A.replace(/，/gu, ", ")}\n`,
			output: `${A}\n\n${B}\n`,
			errors: [{ messageId: "duplicate", line: 5 }],
		},
		{
			// A truncated copy before the full paragraph: the shorter copy goes, the complete text stays.
			code: `${A_TRUNCATED}\n\n${B}\n\n${A}\n\n${C}\n`,
			output: `${B}\n\n${A}\n\n${C}\n`,
			errors: [{ line: 1, message: "Paragraph is a truncated copy of the paragraph at line 5." }],
		},
		{
			// A truncated copy at the end of the document: deleted with the line break before it.
			code: `${A}\n\n${B}\n\n${A.slice(0, 45)}\n`,
			output: `${A}\n\n${B}\n`,
			errors: [{ messageId: "contained", line: 5 }],
		},
		{
			// Text from the middle of another paragraph may be a quotation: suggestion only.
			code: `${A}\n\n${B}\n\n${A.slice(8, 48)}\n`,
			output: null,
			errors: [
				{
					line: 5,
					message: "Paragraph is contained in the paragraph at line 1.",
					suggestions: [{ messageId: "deleteThis", output: `${A}\n\n${B}\n` }],
				},
			],
		},
		{
			// A damaged copy of a paragraph's start (cut short and misread): near, deleting the shorter copy suggested first.
			code: `${A}\n\n${B}\n\n${A_NEAR.slice(0, 50)}\n`,
			output: null,
			errors: [
				{
					messageId: "near",
					line: 5,
					suggestions: [
						{ messageId: "deleteThis", output: `${A}\n\n${B}\n` },
						{ messageId: "deleteOther", output: `${B}\n\n${A_NEAR.slice(0, 50)}\n` },
					],
				},
			],
		},
		{
			// The caption-length exemption can be switched off.
			code: "人民日报社副总编辑徐立京在论坛上发言，介绍媒体深度融合发展的经验。\n\n人民日报社副总编辑徐立京在论坛上发言，介绍媒体深度融合发展的经验。\n",
			output: "人民日报社副总编辑徐立京在论坛上发言，介绍媒体深度融合发展的经验。\n",
			options: [{ captionLength: 0 }],
			errors: [{ messageId: "duplicate", line: 3 }],
		},
		{
			// A near copy with real (OCR) differences: no fix, suggestions to keep either; the first is the better one here.
			code: `${A}\n\n${B}\n\n${A_NEAR}\n`,
			output: null,
			errors: [
				{
					line: 5,
					message: "Paragraph nearly repeats the paragraph at line 1 (2 characters differ).",
					suggestions: [
						{ messageId: "deleteThis", output: `${A}\n\n${B}\n` },
						{ messageId: "deleteOther", output: `${B}\n\n${A_NEAR}\n` },
					],
				},
			],
		},
	],
});

describe("duplicate-paragraph on the seeds", () => {
	const seed000 = readFileSync(join(packageRoot, "seeds/000_0666ca01b1132203.txt"), "utf8");

	it("finds seed 000's two shorter copies and keeps the complete paragraphs", () => {
		expect(lintText(seed000, only).map((m) => [m.line, m.message])).toEqual([
			[69, "Paragraph is a truncated copy of the paragraph at line 113."],
			[121, "Paragraph is a truncated copy of the paragraph at line 131."],
		]);
		const { output } = fixText(seed000, only);
		expect(output.split("芒果TV副总经理、首席技术官卢海波在论坛上表示")).toHaveLength(2);
		expect(output).toContain("技术就是内容升级的工具。“面对新技术");
		expect(output.split("湖北广播电视台（集团）党委书记、台长王彬")).toHaveLength(2);
		expect(output).toContain("目前，长江云已联动联通省市县三级122个云上系列客户端。");
		expect(output).not.toMatch(/\n\n\n/u);
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

	it("restores the clean original for every synthetic exact and truncated copy", () => {
		const cases = loadLabelledCases().filter((c) => c.rule === "duplicate-paragraph" && c.fixed !== undefined);
		expect(cases.length).toBeGreaterThan(40);
		for (const c of cases) expect(fixText(c.text, only).output, c.path).toBe(c.fixed);
	});

	it("stays fast on a long document (near-linear pass)", () => {
		const paragraphs = loadCleanTexts().flatMap((c) => c.text.split(/\n+/u)).filter((p) => p.length > 40);
		const big = Array.from({ length: 40 }, (_, k) => paragraphs.map((p) => `${k}${p}`).join("\n\n")).join("\n\n");
		const t0 = performance.now();
		lintText(big, only);
		expect(performance.now() - t0).toBeLessThan(5000);
	});
});
