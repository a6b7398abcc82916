/** The programmatic API from the package entry: lintText, fixText, lintFiles. */
import { afterAll, describe, expect, it } from "vitest";
import { fixText, lintFiles, lintText } from "../../src/index.js";
import { TempProject } from "../helpers/cli.js";

const projects: TempProject[] = [];
afterAll(() => {
	for (const p of projects) p.remove();
});

describe("package API", () => {
	it("lintText and fixText run the named rules only when preset is null", () => {
		const messages = lintText("标题  \n", { rules: { whitespace: "warn" }, preset: null });
		expect(messages.map((m) => [m.ruleId, m.severity, m.line, m.column])).toEqual([["whitespace", 1, 1, 3]]);
		expect(fixText("标题  \n", { rules: { whitespace: "error" }, preset: null })).toMatchObject({ output: "标题\n", fixed: true, messages: [] });
		expect(lintText("标题  \n", { rules: { whitespace: "off" }, preset: null })).toEqual([]);
	});

	it("lintText rejects bad options with the rule's name", () => {
		expect(() => lintText("x", { rules: { whitespace: ["error", { nope: 1 }] }, preset: null })).toThrow(/"whitespace".*"nope"/u);
	});

	it("lintFiles reads the nearest config, lints directories, and fixes when asked", async () => {
		const p = new TempProject({ "news/a.txt": "标题  \n", "news/b.jsonl": '{"id":1,"text":"正文  "}\n' });
		projects.push(p);
		const results = await lintFiles(["news"], { cwd: p.dir });
		expect(results.map((r) => [r.filePath.slice(p.dir.length + 1), r.errorCount])).toEqual([
			["news/a.txt", 1],
			["news/b.jsonl", 1],
		]);
		await lintFiles(["news"], { cwd: p.dir, fix: true });
		expect(p.text("news/a.txt")).toBe("标题\n");
		expect(p.text("news/b.jsonl")).toBe('{"id":1,"text":"正文"}\n');
	});
});
