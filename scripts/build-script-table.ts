/**
 * Precomputes data/ocr-script-table.json: for every BMP ideograph
 * (U+4E00–U+9FFF), its simplified form when opencc-js (t → cn) changes it,
 * and the characters opencc-js (cn → t) changes (simplified-only forms).
 * Converting 21 k characters twice at run time cost ~100 ms of start-up;
 * the table loads in a few milliseconds. Re-run after upgrading opencc-js:
 *
 *   npx tsx scripts/build-script-table.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as OpenCC from "opencc-js";
import { packageRoot } from "../src/package-root.js";

function perCharacter(convert: (s: string) => string): Map<number, string> {
	// One call over every ideograph, newline separated so opencc's phrase rules never join neighbours.
	let all = "";
	for (let c = 0x4e00; c <= 0x9fff; c++) all += `${String.fromCharCode(c)}\n`;
	const out = convert(all).split("\n");
	const map = new Map<number, string>();
	for (let c = 0x4e00, k = 0; c <= 0x9fff; c++, k++) {
		const converted = out[k];
		if (converted && converted !== String.fromCharCode(c)) map.set(c, converted);
	}
	return map;
}

const version = (JSON.parse(readFileSync(join(packageRoot, "node_modules/opencc-js/package.json"), "utf8")) as { version: string }).version;
const toSimplified = perCharacter(OpenCC.Converter({ from: "t", to: "cn" }));
const simplifiedOnly = perCharacter(OpenCC.Converter({ from: "cn", to: "t" }));
const table = {
	source: `opencc-js ${version}, per character over U+4E00–U+9FFF (scripts/build-script-table.ts)`,
	toSimplified: Object.fromEntries([...toSimplified].map(([c, s]) => [String.fromCharCode(c), s])),
	simplifiedOnly: [...simplifiedOnly.keys()].map((c) => String.fromCharCode(c)).join(""),
};
writeFileSync(join(packageRoot, "data", "ocr-script-table.json"), `${JSON.stringify(table, null, "\t")}\n`);
console.log(`${toSimplified.size} traditional → simplified, ${simplifiedOnly.size} simplified-only`);
