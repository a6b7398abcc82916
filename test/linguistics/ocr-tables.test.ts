/**
 * data/ocr-tables.bin is the OCR detectors' tables precomputed
 * (scripts/build-ocr-tables.ts); this keeps the committed file honest after a
 * change to the data files it is derived from, and checks that it reads back
 * as the relation and the indexes it was made of.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildOcrTables } from "../../src/linguistics/ocr/build-tables.js";
import { contextTables, contextTablesFromData } from "../../src/linguistics/ocr/context-confusion.js";
import { lookalikeRelation } from "../../src/linguistics/ocr/lookalike.js";
import { lookalikeTable } from "../../src/linguistics/ocr/lookalike-table.js";
import { decodeTables, encodeTables } from "../../src/linguistics/ocr/precomputed.js";
import { scriptTables, scriptTablesFromData } from "../../src/linguistics/ocr/traditional.js";
import { isCoveredPair } from "../../src/linguistics/ocr/word-pairs.js";
import { packageRoot } from "../../src/package-root.js";

const committed = readFileSync(join(packageRoot, "data", "ocr-tables.bin"));

describe("data/ocr-tables.bin", () => {
	it("equals what scripts/build-ocr-tables.ts makes from the current data files", () => {
		expect(Buffer.from(buildOcrTables()).equals(committed)).toBe(true);
	});

	it("reads back the arrays it was written from, of every kind", () => {
		const arrays = {
			a: Uint8Array.of(1, 2, 3),
			b: Uint16Array.of(0xffff, 7),
			c: Uint32Array.of(0xffffffff),
			d: Int32Array.of(-5, 5),
			e: Float32Array.of(0.92, -1),
			empty: new Uint16Array(0),
		};
		const decoded = decodeTables(encodeTables(arrays));
		expect([...decoded.keys()]).toEqual(Object.keys(arrays));
		for (const [name, array] of Object.entries(arrays)) expect(decoded.get(name)).toEqual(array);
		// A Buffer need not be 8-byte aligned.
		const shifted = Buffer.from(new ArrayBuffer(committed.length + 1), 1);
		committed.copy(shifted);
		expect(decodeTables(shifted).get("readingFilter")).toEqual(decodeTables(committed).get("readingFilter"));
	});

	it("holds the look-alike relation, list by list, and the glyph table's order", () => {
		const table = lookalikeTable();
		const relation = lookalikeRelation();
		let listed = 0;
		for (let c = 0; c < 0x10000; c++) {
			const list = relation.get(c) ?? [];
			if (list.length > 0) listed++;
			const stored = [];
			for (let k = table.start[c]; k < table.start[c + 1]; k++) stored.push({ code: table.codes[k], similarity: table.similarities[k] });
			expect(stored).toEqual(list.map((n) => ({ code: n.code, similarity: Math.fround(n.similarity) })));
		}
		expect(listed).toBe(relation.size);
		expect(table.start[0x10000]).toBe(table.codes.length);
		const glyphs = JSON.parse(readFileSync(join(packageRoot, "data", "glyph-neighbours.json"), "utf8")) as { neighbours: Record<string, string> };
		expect(String.fromCharCode(...table.ranked)).toBe(Object.keys(glyphs.neighbours).join(""));
	});

	it("holds the traditional forms with their simplified text, and the script kinds", () => {
		const stored = scriptTables();
		const fromData = scriptTablesFromData();
		expect([...stored.toSimplified]).toEqual([...fromData.toSimplified]);
		expect(stored.kind).toEqual(fromData.kind);
		expect(stored.toSimplified.get("國".charCodeAt(0))).toBe("国");
	});

	it("holds the context-confusion tables", () => {
		const { flags, ...stored } = contextTables();
		const { flags: flagsFromData, ...fromData } = contextTablesFromData();
		expect(flags).toEqual(flagsFromData);
		expect(stored).toEqual(fromData);
		expect(stored.quantity.size).toBeGreaterThan(0);
	});

	it("answers pair coverage for frequent and rare characters", () => {
		const covered = (s: string) => isCoveredPair(s.charCodeAt(0), s.charCodeAt(1));
		expect(covered("新闻")).toBe(true);
		expect(covered("合作")).toBe(true);
		expect(covered("新间")).toBe(false);
		expect(covered("台作")).toBe(false);
	});
});
