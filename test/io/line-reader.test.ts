import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { removeStaleTemps, TEMP_MARK, writeFileAtomic } from "../../src/io/atomic-write.js";
import { readFileLines, readLines, type RawLine } from "../../src/io/line-reader.js";

async function collect(chunks: Buffer[], max = 1 << 20): Promise<RawLine[]> {
	const lines: RawLine[] = [];
	for await (const line of readLines(Readable.from(chunks), max)) lines.push(line);
	return lines;
}

function shape(lines: RawLine[]) {
	return lines.map((l) => [l.number, l.bytes.toString("utf8"), l.eol, l.tooLong?.length]);
}

describe("readLines", () => {
	it("keeps each line's terminator (LF, CRLF, none on the last line)", async () => {
		const lines = await collect([Buffer.from("a\r\nb\nc")]);
		expect(shape(lines)).toEqual([
			[1, "a", "\r\n", undefined],
			[2, "b", "\n", undefined],
			[3, "c", "", undefined],
		]);
	});

	it("reassembles lines and multibyte characters split across chunks, and a CRLF split between chunks", async () => {
		const bytes = Buffer.from("中文一\r\n第二行\n", "utf8");
		// Split inside 中 and between \r and \n.
		const cut1 = 1;
		const cut2 = bytes.indexOf(0x0d) + 1;
		const lines = await collect([bytes.subarray(0, cut1), bytes.subarray(cut1, cut2), bytes.subarray(cut2)]);
		expect(shape(lines)).toEqual([
			[1, "中文一", "\r\n", undefined],
			[2, "第二行", "\n", undefined],
		]);
	});

	it("yields no phantom line after a final newline, and keeps empty lines", async () => {
		expect(shape(await collect([Buffer.from("a\n\nb\n")]))).toEqual([
			[1, "a", "\n", undefined],
			[2, "", "\n", undefined],
			[3, "b", "\n", undefined],
		]);
		expect(await collect([])).toEqual([]);
	});

	it("skips an over-long line without buffering it, reports its length, and carries on", async () => {
		const long = "x".repeat(50);
		const lines = await collect([Buffer.from(`ok\n${long.slice(0, 20)}`), Buffer.from(`${long.slice(20)}\nafter\n`)], 30);
		expect(shape(lines)).toEqual([
			[1, "ok", "\n", undefined],
			[2, "", "\n", 50],
			[3, "after", "\n", undefined],
		]);
	});
});

describe("readFileLines", () => {
	const dir = mkdtempSync(join(tmpdir(), "corpuslint-lines-"));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it("reads a file through one small reused buffer: lines split anywhere, long lines skipped, same as a stream", async () => {
		const text = ["短行", "中文一\r", "x".repeat(40), "", "第二行很长一些的内容", "end"].join("\n");
		const file = join(dir, "a.jsonl");
		writeFileSync(file, text);
		const bytes = Buffer.from(text, "utf8");
		for (const chunk of [1, 2, 3, 5, 7, 16, 64]) {
			// Each line is used before the next is asked for, as the contract says: its bytes are a view of the reused buffer.
			const seen: unknown[] = [];
			for await (const l of readFileLines(file, 30, chunk)) seen.push([l.number, l.bytes.toString("utf8"), l.eol, l.tooLong?.length, l.offset]);
			const expected = (await collect([bytes], 30)).map((l) => [l.number, l.bytes.toString("utf8"), l.eol, l.tooLong?.length, l.offset]);
			expect(seen, `chunk ${chunk}`).toEqual(expected);
		}
	});
});

describe("readLines offsets", () => {
	it("gives each line's byte offset, so a skipped line can be copied from the file", async () => {
		const text = "短\r\n" + "x".repeat(40) + "\r\nend";
		const bytes = Buffer.from(text, "utf8");
		const lines = await collect([bytes.subarray(0, 7), bytes.subarray(7, 20), bytes.subarray(20)], 30);
		expect(lines.map((l) => [l.offset, l.tooLong?.length])).toEqual([
			[0, undefined],
			[5, 41],
			[47, undefined],
		]);
		// The skipped line's bytes (its \r included) plus its "\n" are exactly the original.
		const skipped = lines[1];
		expect(bytes.subarray(skipped.offset, skipped.offset + skipped.tooLong!.length).toString()).toBe(`${"x".repeat(40)}\r`);
		expect(skipped.eol).toBe("\n");
	});
});

describe("writeFileAtomic", () => {
	const dir = mkdtempSync(join(tmpdir(), "corpuslint-atomic-"));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it("replaces the content, keeps the mode and leaves no temp file behind", () => {
		const target = join(dir, "a.txt");
		writeFileSync(target, "old", { mode: 0o640 });
		writeFileAtomic(target, Buffer.from("新内容"));
		expect(readFileSync(target, "utf8")).toBe("新内容");
		expect(statSync(target).mode & 0o777).toBe(0o640);
		expect(readdirSync(dir).filter((n) => n.includes(TEMP_MARK))).toEqual([]);
	});

	it("writes through a symlink: the linked file changes, the link stays a link", () => {
		mkdirSync(join(dir, "real"));
		const real = join(dir, "real", "r.txt");
		const link = join(dir, "link.txt");
		writeFileSync(real, "old");
		symlinkSync(real, link);
		writeFileAtomic(link, Buffer.from("new"));
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
		expect(readFileSync(real, "utf8")).toBe("new");
		expect(readdirSync(join(dir, "real")).filter((n) => n.includes(TEMP_MARK))).toEqual([]);
	});

	it("removes temp files left by a dead process, but not those of a live one", () => {
		const dead = join(dir, `.b.txt${TEMP_MARK}999999999-abc`);
		const live = join(dir, `.c.txt${TEMP_MARK}${process.ppid}-abc`);
		writeFileSync(dead, "x");
		writeFileSync(live, "x");
		expect(removeStaleTemps([dir])).toBe(1);
		expect(readdirSync(dir).filter((n) => n.includes(TEMP_MARK))).toEqual([`.c.txt${TEMP_MARK}${process.ppid}-abc`]);
	});
});
