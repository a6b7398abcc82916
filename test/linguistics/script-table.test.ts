/**
 * data/ocr-script-table.json is opencc-js's per-character conversion,
 * precomputed; this keeps the committed table honest after an opencc-js upgrade
 * (re-run `npx tsx scripts/build-script-table.ts` when it fails).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/package-root.js";

const table = JSON.parse(readFileSync(join(packageRoot, "data", "ocr-script-table.json"), "utf8")) as {
	toSimplified: Record<string, string>;
	simplifiedOnly: string;
};

describe("data/ocr-script-table.json", () => {
	it("equals opencc-js (t → cn, cn → t) character by character over U+4E00–U+9FFF", () => {
		const toCn = OpenCC.Converter({ from: "t", to: "cn" });
		const toT = OpenCC.Converter({ from: "cn", to: "t" });
		let all = "";
		for (let c = 0x4e00; c <= 0x9fff; c++) all += `${String.fromCharCode(c)}\n`;
		const simplified = toCn(all).split("\n");
		const traditional = toT(all).split("\n");
		const expectedToSimplified: Record<string, string> = {};
		let expectedSimplifiedOnly = "";
		for (let c = 0x4e00, k = 0; c <= 0x9fff; c++, k++) {
			const ch = String.fromCharCode(c);
			if (simplified[k] && simplified[k] !== ch) expectedToSimplified[ch] = simplified[k];
			if (traditional[k] && traditional[k] !== ch) expectedSimplifiedOnly += ch;
		}
		expect(table.toSimplified).toEqual(expectedToSimplified);
		expect(table.simplifiedOnly).toBe(expectedSimplifiedOnly);
		expect(table.toSimplified["國"]).toBe("国");
	});
});
