import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/package-root.js";
import { detectInjectedSpaces, detectLatinDigit, detectMojibake, detectTraditional } from "../../src/linguistics/ocr/index.js";

describe("glyph neighbour table", () => {
	const table = JSON.parse(readFileSync(join(packageRoot, "data", "glyph-neighbours.json"), "utf8")) as {
		neighbours: Record<string, string>;
	};
	const rank = (a: string, b: string) => table.neighbours[a].split(" ").findIndex((e) => e.startsWith(b)) + 1;
	it("ranks the issue's sanity pairs among the nearest neighbours", () => {
		expect(rank("台", "合")).toBeGreaterThan(0);
		expect(rank("台", "合")).toBeLessThanOrEqual(7);
		expect(rank("间", "闻")).toBeLessThanOrEqual(10);
		expect(rank("休", "体")).toBe(1);
		expect(rank("己", "已")).toBe(1);
		expect(rank("直", "真")).toBeLessThanOrEqual(3);
		expect(rank("名", "多")).toBeGreaterThan(0);
	});
});

describe("detectors", () => {
	it("latin/digit: only tokens that become known terms or plain numbers", () => {
		expect(detectLatinDigit("领略A1数字主播").map((f) => f.proposed)).toEqual(["AI"]);
		expect(detectLatinDigit("于2O23年举行").map((f) => f.proposed)).toEqual(["2023"]);
		expect(detectLatinDigit("5G网络、4K电视、G20峰会、A1版、3D打印")).toEqual([]);
	});

	it("injected spaces: never in headlines, name padding or next to Latin text", () => {
		expect(detectInjectedSpaces("融合十年 笃行致远", { minWordCount: 20 })).toEqual([]);
		expect(detectInjectedSpaces("主任  陈  光，副主任  周  明。", { minWordCount: 20 })).toEqual([]);
		expect(detectInjectedSpaces("我们针对媒体需求研发了 AI 数字人训练大模型，效果很好。", { minWordCount: 20 })).toEqual([]);
	});

	it("traditional: maps characters but skips those also correct in simplified text", () => {
		expect(detectTraditional("中國").map((f) => f.proposed)).toEqual(["国"]);
		expect(detectTraditional("著名的乾隆")).toEqual([]);
	});

	it("mojibake: repairs only when the round trip gives common Chinese text", () => {
		expect(detectMojibake("鏂伴椈", { mojibake: true, damaged: true }).map((f) => f.proposed)).toEqual(["新闻"]);
		expect(detectMojibake("葡萄酒庄园的琥珀色", { mojibake: true, damaged: true })).toEqual([]);
		expect(detectMojibake("坏\ue001字", { mojibake: true, damaged: true }).map((f) => f.subtype)).toEqual(["damagedChar"]);
	});
});
