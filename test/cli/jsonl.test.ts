/**
 * JSONL corpora through the command: positions, malformed lines, and a --fix
 * round trip that must rewrite only the text field of changed documents.
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

// Each line exercises one way a corpus line is written; every dirty one has trailing
// whitespace on a line of its text, which the whitespace rule removes.
const LINES = {
	plain: '{"id":"a","text":"标题  \\n正文。","source":"x"}',
	oddKeys: '{"z":[1,{"n":1.0}],"text":"第一行\\n\\"引号\\"  \\n第三行","meta":{"text":"nested  ","score":1e5,"neg":-0.50},"id":"b"}',
	ensureAscii: '{"id": 3, "text": "\\u6807\\u9898 \\ud83d\\ude00  \\n\\u6b63\\u6587\\u3002", "lang": "zh"}',
	rawEmoji: '{"text":"表情😀  ","id":"d","tab":"\\t"}',
	clean: '{ "id" : "e" , "text" : "干净的文本。\\u3002" , "n" : 1.0 }',
	crlf: '{"id":"f","text":"回车行  "}',
	malformed: '{"id":"g","text":"没有结尾',
	missing: '{"id":"h","body":"正文  "}',
	notString: '{"id":"i","text":42}',
	last: '{"id":"j","text":"最后一行  "}',
};

function corpus(): string {
	return `${LINES.plain}\n${LINES.oddKeys}\n${LINES.ensureAscii}\n${LINES.rawEmoji}\n${LINES.clean}\n${LINES.crlf}\r\n${LINES.malformed}\n${LINES.missing}\n${LINES.notString}\n${LINES.last}`;
}

describe.concurrent("JSONL", { timeout: 120_000 }, () => {
	it("reports each finding at its JSONL line with the document id and the position inside the text", async () => {
		const p = project({ "c.jsonl": corpus() });
		const run = await p.run(["c.jsonl", "-f", "json"]);
		expect(run.code).toBe(1);
		const [result] = jsonResults(run);
		const found = result.messages.map((m) => [m.line, m.docId, m.ruleId, m.docLine, m.docColumn, m.docEndLine, m.docEndColumn]);
		expect(found).toEqual([
			[1, "a", "whitespace", 1, 3, 1, 5],
			[2, "b", "whitespace", 2, 5, 2, 7],
			// Columns count UTF-16 units, as in ESLint: the emoji before the spaces is two.
			[3, 3, "whitespace", 1, 6, 1, 8],
			[4, "d", "whitespace", 1, 5, 1, 7],
			[6, "f", "whitespace", 1, 4, 1, 6],
			[7, null, null, undefined, undefined, undefined, undefined],
			[8, "h", null, undefined, undefined, undefined, undefined],
			[9, "i", null, undefined, undefined, undefined, undefined],
			[10, "j", "whitespace", 1, 5, 1, 7],
		]);
		// fix.range is relative to the document's text: "标题  \n正文。" → the two spaces at 2..4.
		expect(result.messages[0].fix).toEqual({ range: [2, 4], text: "" });
		expect(result.messages[5]).toMatchObject({ severity: 2, fatal: true, message: expect.stringMatching(/^malformed JSON: /u) });
		expect(result.messages[6].message).toBe('text field "text" is missing');
		expect(result.messages[7].message).toBe('text field "text" is not a string (number)');
		expect(result.documentCount).toBe(7);
	});

	it("names the document in stylish output as jsonlLine:line:column and [id]", async () => {
		const p = project({ "c.jsonl": `${LINES.plain}\n` });
		const run = await p.run(["c.jsonl"]);
		expect(run.stdout).toContain("1:1:3  error  [a] Trailing whitespace  whitespace");
	});

	it("--fix rewrites only the text field of changed documents and leaves every other byte alone", async () => {
		const p = project({ "c.jsonl": corpus() });
		const run = await p.run(["c.jsonl", "--fix", "-f", "json"]);
		// Malformed, missing and non-string lines are still errors after fixing.
		expect(run.code).toBe(1);
		const after = p.text("c.jsonl");
		expect(after.split("\n")).toEqual([
			'{"id":"a","text":"标题\\n正文。","source":"x"}',
			'{"z":[1,{"n":1.0}],"text":"第一行\\n\\"引号\\"\\n第三行","meta":{"text":"nested  ","score":1e5,"neg":-0.50},"id":"b"}',
			'{"id": 3, "text": "\\u6807\\u9898 \\ud83d\\ude00\\n\\u6b63\\u6587\\u3002", "lang": "zh"}',
			'{"text":"表情😀","id":"d","tab":"\\t"}',
			LINES.clean,
			'{"id":"f","text":"回车行"}\r',
			LINES.malformed,
			LINES.missing,
			LINES.notString,
			'{"id":"j","text":"最后一行"}',
		]);
		expect(after.endsWith("\n")).toBe(false);
		const remaining = jsonResults(run)[0].messages;
		expect(remaining.map((m) => m.line)).toEqual([7, 8, 9]);
		// A second run changes nothing.
		const again = await p.run(["c.jsonl", "--fix"]);
		expect(again.code).toBe(1);
		expect(p.text("c.jsonl")).toBe(after);
	});

	it("leaves a corpus with nothing to fix byte-identical (not even re-serialised)", async () => {
		const content = `${LINES.clean}\r\n{"text":"\\u5e72\\u51c0","id":1.0}\n\n`;
		const p = project({ "c.jsonl": content });
		const run = await p.run(["c.jsonl", "--fix"]);
		expect(run.code).toBe(0);
		expect(p.read("c.jsonl").equals(Buffer.from(content))).toBe(true);
	});

	it("--fix-dry-run reports fixes without writing the corpus", async () => {
		const p = project({ "c.jsonl": `${LINES.plain}\n` });
		const run = await p.run(["c.jsonl", "--fix-dry-run", "-f", "json"]);
		expect(run.code).toBe(0);
		expect(p.text("c.jsonl")).toBe(`${LINES.plain}\n`);
	});

	it("--text-field and --id-field (and the config's jsonl block) choose the fields", async () => {
		const line = '{"key":"k1","content":"标题  ","text":"正文  "}\n';
		const p = project({ "c.jsonl": line });
		const run = await p.run(["c.jsonl", "-f", "json", "--text-field", "content", "--id-field", "key"]);
		const [m] = jsonResults(run)[0].messages;
		expect(m).toMatchObject({ docId: "k1", docColumn: 3, docEndColumn: 5 });
		await p.run(["c.jsonl", "--fix", "--text-field", "content"]);
		expect(p.text("c.jsonl")).toBe('{"key":"k1","content":"标题","text":"正文  "}\n');
		const q = project({ ".corpuslintrc.json": { rules: { whitespace: "error" }, jsonl: { textField: "body", idField: "uid" } }, "c.jsonl": '{"uid":7,"body":"甲  "}\n' });
		const fromConfig = jsonResults(await q.run(["c.jsonl", "-f", "json"]))[0].messages;
		expect(fromConfig.map((m) => [m.docId, m.docColumn])).toEqual([[7, 2]]);
	});

	it("accepts a UTF-8 BOM before the first line and keeps it when fixing", async () => {
		const bom = Buffer.from([0xef, 0xbb, 0xbf]);
		const p = project({ "c.jsonl": Buffer.concat([bom, Buffer.from(`${LINES.plain}\n`)]) });
		const run = await p.run(["c.jsonl", "-f", "json"]);
		expect(jsonResults(run)[0].messages.map((m) => [m.line, m.ruleId])).toEqual([[1, "whitespace"]]);
		await p.run(["c.jsonl", "--fix"]);
		expect(p.read("c.jsonl").equals(Buffer.concat([bom, Buffer.from('{"id":"a","text":"标题\\n正文。","source":"x"}\n')]))).toBe(true);
	});

	it("keeps a line with invalid UTF-8 byte for byte when fixing the others", async () => {
		const bad = Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]); // {"text":"\xff"}
		const content = Buffer.concat([Buffer.from(`${LINES.plain}\n`), bad, Buffer.from(`\n${LINES.last}\n`)]);
		const p = project({ "c.jsonl": content });
		const run = await p.run(["c.jsonl", "--fix", "-f", "json"]);
		expect(jsonResults(run)[0].messages.map((m) => [m.line, m.message])).toEqual([[2, "invalid UTF-8 in JSONL line"]]);
		const expected = Buffer.concat([Buffer.from('{"id":"a","text":"标题\\n正文。","source":"x"}\n'), bad, Buffer.from('\n{"id":"j","text":"最后一行"}\n')]);
		expect(p.read("c.jsonl").equals(expected)).toBe(true);
	});

	it("never drops a too-long line when fixing the other lines", async () => {
		const long = JSON.stringify({ id: 1, text: "长".repeat(600) });
		const p = project({ ".corpuslintrc.json": { rules: { whitespace: "error" }, maxDocumentSize: 1024 }, "c.jsonl": `${long}\n${LINES.last}\n` });
		const run = await p.run(["c.jsonl", "--fix", "-f", "json"]);
		expect(jsonResults(run)[0].messages.map((m) => m.message)).toEqual([expect.stringMatching(/^line too long/u)]);
		expect(p.text("c.jsonl")).toBe(`${long}\n{"id":"j","text":"最后一行"}\n`);
	});

	it("reads a corpus from stdin with --stdin-filename x.jsonl", async () => {
		const p = project({});
		const run = await p.run(["--stdin", "--stdin-filename", "x.jsonl", "-f", "json"], { stdin: `${LINES.plain}\nnot json\n` });
		expect(run.code).toBe(1);
		const [result] = jsonResults(run);
		expect(result.filePath).toBe(p.path("x.jsonl"));
		expect(result.messages.map((m) => [m.line, m.ruleId, m.docId])).toEqual([
			[1, "whitespace", "a"],
			[2, null, null],
		]);
	});
});
