/**
 * The context checks of ocr-garbling: the committed data they read and the
 * detector on its own (the rule-level behaviour is in test/rules/ocr-garbling.test.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildContextConfusions } from "../../scripts/build-context-confusions.js";
import { packageRoot } from "../../src/package-root.js";
import { detectContextConfusions } from "../../src/linguistics/ocr/index.js";

describe("data/ocr-context-confusions.json", () => {
	it("equals what scripts/build-context-confusions.ts builds (re-run it when this fails)", () => {
		expect(readFileSync(join(packageRoot, "data", "ocr-context-confusions.json"), "utf8")).toBe(buildContextConfusions());
	});

	it("holds 名家 → 多家 and 休 → 体 but never the reverse of a directional pair", () => {
		const data = JSON.parse(readFileSync(join(packageRoot, "data", "ocr-context-confusions.json"), "utf8")) as { quantity: Array<[string, string, number]>; wordEnd: Record<string, string> };
		expect(data.quantity.some(([printed, intended]) => printed === "名家" && intended === "多家")).toBe(true);
		expect(data.quantity.some(([printed]) => printed === "多家")).toBe(false);
		expect(data.wordEnd["休"]?.[0]).toBe("体");
	});
});

describe("detectContextConfusions", () => {
	const both = { quantity: true, damagedPair: true };

	it("reports offsets into the paragraph, looking through wrap breaks", () => {
		const text = "封面新闻等名\n家政务机构和健休单 位开展合作。";
		expect(detectContextConfusions(text, both).map((f) => [f.start, f.found, f.proposed, f.suggestOnly])).toEqual([
			[text.indexOf("名"), "名\n家", "多家", true],
			[text.indexOf("休"), "休", "体", true],
		]);
	});

	it("needs both the introducer and a noun the classifier counts", () => {
		expect(detectContextConfusions("书法名家政务机构", both)).toEqual([]);
		expect(detectContextConfusions("封面新闻等名家作品展", both)).toEqual([]);
		expect(detectContextConfusions("封面新闻等名家专家", both)).toEqual([]);
	});

	it("treats a pair that recurs in the document as a term", () => {
		const text = "多家政务机构和健休单位开展合作。";
		expect(detectContextConfusions(text, { ...both, occurrences: () => 2 })).toEqual([]);
	});

	it("costs nothing on text without candidates", () => {
		expect(detectContextConfusions("", both)).toEqual([]);
		expect(detectContextConfusions("Plain ASCII text, no Chinese at all.", both)).toEqual([]);
	});
});
