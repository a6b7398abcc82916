/**
 * Text files in every encoding the command reads, and the ones it must refuse,
 * through the spawned command: findings, exit codes, and the bytes on disk.
 */
import { afterAll, describe, expect, it } from "vitest";
import { jsonResults, TempProject } from "../helpers/cli.js";

const projects: TempProject[] = [];
function project(files: Record<string, string | Uint8Array | object>): TempProject {
	const p = new TempProject(files);
	projects.push(p);
	return p;
}
afterAll(() => {
	for (const p of projects) p.remove();
});

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
function utf16le(text: string): Buffer {
	return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}
function utf16be(text: string): Buffer {
	return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
}
/** "中文  \n" in GBK/GB18030, by hand: 中 D6D0, 文 CEC4, then two spaces (trailing whitespace). */
const GB18030_DIRTY = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x20, 0x20, 0x0a]);

describe.concurrent("encodings", { timeout: 120_000 }, () => {
	it("GB18030: linted, with a finding about the encoding", async () => {
		const p = project({ "gb.txt": GB18030_DIRTY });
		const run = await p.run(["gb.txt", "-f", "json"]);
		expect(run.code).toBe(1);
		const [result] = jsonResults(run);
		expect(result.encoding).toBe("gb18030");
		expect(result.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
			[null, 1, 1],
			["whitespace", 1, 3],
		]);
		expect(result.messages[0].message).toMatch(/GB18030/u);
	});

	it("GB18030: --fix refuses to rewrite and leaves the file byte-identical", async () => {
		const p = project({ "gb.txt": GB18030_DIRTY });
		const run = await p.run(["gb.txt", "--fix", "-f", "json"]);
		expect(p.read("gb.txt").equals(GB18030_DIRTY)).toBe(true);
		expect(jsonResults(run)[0].messages[0].message).toMatch(/--fix does not rewrite/u);
	});

	it("GB18030: --fix still reports the problems it did not fix (exit 1)", async () => {
		const p = project({ "gb.txt": GB18030_DIRTY });
		const run = await p.run(["gb.txt", "--fix", "-f", "json"]);
		expect(jsonResults(run)[0].messages.map((m) => m.ruleId)).toEqual([null, "whitespace"]);
		expect(run.code).toBe(1);
	});

	it("UTF-16LE and UTF-16BE with BOM: linted, and --fix writes UTF-16 with the BOM back", async () => {
		const dirty = "标题  \r\n\r\n正文。\r\n";
		const fixed = "标题\r\n\r\n正文。\r\n";
		const p = project({ "le.txt": utf16le(dirty), "be.txt": utf16be(dirty) });
		const lint = await p.run([".", "-f", "json"]);
		expect(lint.code).toBe(1);
		for (const r of jsonResults(lint)) {
			expect(r.messages.map((m) => [m.ruleId, m.line, m.column, m.endColumn])).toEqual([["whitespace", 1, 3, 5]]);
		}
		expect((await p.run([".", "--fix"])).code).toBe(0);
		expect(p.read("le.txt").equals(utf16le(fixed))).toBe(true);
		expect(p.read("be.txt").equals(utf16be(fixed))).toBe(true);
	});

	it("UTF-8 BOM and CRLF line endings survive --fix", async () => {
		const p = project({ "bom.txt": Buffer.concat([BOM8, Buffer.from("标题  \r\n\r\n正文。\t\r\n")]), "crlf.txt": "一  \r\n二\r\n\r\n三 \r\n" });
		expect((await p.run([".", "--fix"])).code).toBe(0);
		expect(p.read("bom.txt").equals(Buffer.concat([BOM8, Buffer.from("标题\r\n\r\n正文。\r\n")]))).toBe(true);
		expect(p.text("crlf.txt")).toBe("一\r\n二\r\n\r\n三\r\n");
	});

	it("invalid UTF-8: one error naming the file and line; other files are still linted (exit 1, not 2)", async () => {
		const bad = Buffer.concat([Buffer.from("第一行\n第二行\n", "utf8"), Buffer.from([0x41, 0xff, 0xfe, 0x0a])]);
		const p = project({ "bad.txt": bad, "good.txt": "标题  \n" });
		const run = await p.run(["."]);
		expect(run.code).toBe(1);
		expect(run.stderr).toBe("");
		expect(run.stdout).toMatch(/bad\.txt\n {2}3:1 +error +invalid UTF-8 \(byte 0xff at offset \d+\)/u);
		expect(run.stdout).toMatch(/good\.txt\n {2}1:3 +error +Trailing whitespace/u);
		// --fix must not touch the unreadable file.
		await p.run([".", "--fix"]);
		expect(p.read("bad.txt").equals(bad)).toBe(true);
		expect(p.text("good.txt")).toBe("标题\n");
	});

	it("a binary file named .txt is one fatal finding, not linted", async () => {
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
		const p = project({ "image.txt": png });
		const run = await p.run(["image.txt", "-f", "json"]);
		expect(run.code).toBe(1);
		const [result] = jsonResults(run);
		expect(result.messages).toEqual([expect.objectContaining({ ruleId: null, severity: 2, fatal: true, message: expect.stringMatching(/^binary file/u) })]);
		expect(result.fatalErrorCount).toBe(1);
		await p.run(["image.txt", "--fix"]);
		expect(p.read("image.txt").equals(png)).toBe(true);
	});

	it("an empty file is clean", async () => {
		const p = project({ "empty.txt": "", "empty.jsonl": "" });
		const run = await p.run([".", "-f", "json"]);
		expect(run.code).toBe(0);
		expect(jsonResults(run).map((r) => r.messages)).toEqual([[], []]);
	});

	it("files read one after another keep their own bytes: a long file, then shorter and empty ones, then one over 1 MB", async () => {
		// Small files are read into one reused buffer; a short file after a long one must not see the long one's tail.
		const long = `${"新闻正文。".repeat(2000)}\n结尾  \n`;
		const big = `${"新闻正文。".repeat(80_000)}\n大文件  \n`;
		const p = project({ "a.txt": long, "b.txt": "短\n", "c.txt": "", "d.txt": "短句  \n", "e.txt": big, "f.txt": "短\n" });
		const run = await p.run([".", "-f", "json"]);
		expect(Buffer.byteLength(big)).toBeGreaterThan(1 << 20);
		expect(jsonResults(run).map((r) => [r.filePath.slice(p.dir.length + 1), r.messages.map((m) => [m.line, m.column])])).toEqual([
			["a.txt", [[2, 3]]],
			["b.txt", []],
			["c.txt", []],
			["d.txt", [[1, 3]]],
			["e.txt", [[2, 4]]],
			["f.txt", []],
		]);
		const fixed = await p.run([".", "--fix"]);
		expect(fixed.code).toBe(0);
		expect(p.text("a.txt")).toBe(long.replace("结尾  ", "结尾"));
		expect(p.text("b.txt")).toBe("短\n");
		expect(p.text("e.txt")).toBe(big.replace("大文件  ", "大文件"));
	});

	it("--stdin with --stdin-filename x.txt lints text and never writes, even with --fix", async () => {
		const p = project({});
		const run = await p.run(["--stdin", "--stdin-filename", "x.txt", "-f", "json"], { stdin: "标题  \n" });
		expect(run.code).toBe(1);
		const [result] = jsonResults(run);
		expect(result.filePath).toBe(p.path("x.txt"));
		expect(result.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["whitespace", 1, 3]]);
		const fixed = await p.run(["--stdin", "--stdin-filename", "x.txt", "--fix", "-f", "json"], { stdin: "标题  \n" });
		expect(jsonResults(fixed)[0].output).toBe("标题\n");
		const bytes = await p.run(["--stdin", "-f", "json"], { stdin: utf16le("中  \n") });
		expect(jsonResults(bytes)[0]).toMatchObject({ encoding: "utf-16le", errorCount: 1 });
	});
});
