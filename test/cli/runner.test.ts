/**
 * The file runner in-process with synthetic rules, for what the real rules
 * cannot show yet: suggestions on disk, multipass fixes inside a JSONL field.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ResolvedConfig, type ConfigFile } from "../../src/config/load-config.js";
import { json } from "../../src/formats/json.js";
import { lintFiles } from "../../src/runner/lint-files.js";
import { testRegistry } from "../helpers/test-rules.js";

const dir = mkdtempSync(join(tmpdir(), "corpuslint-runner-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function setup(file: ConfigFile, files: Record<string, string>) {
	const base = join(dir, `r${counter++}`);
	mkdirSync(base, { recursive: true });
	for (const [name, content] of Object.entries(files)) writeFileSync(join(base, name), content);
	const config = new ResolvedConfig(file, base, undefined, testRegistry);
	return {
		base,
		read: (name: string) => readFileSync(join(base, name), "utf8"),
		lint: (options: { fix?: boolean; write?: boolean; fixTypes?: ("problem" | "suggestion" | "layout")[] } = {}) =>
			lintFiles([base], { config, cwd: base, registry: testRegistry, ...options }),
	};
}

describe("runner with synthetic rules", () => {
	it("--fix applies fixes but never suggestions; suggestions stay in the json output", async () => {
		const p = setup({ rules: { "suggest-todo": "warn", "zero-o": "error" } }, { "a.txt": "记得 TODO 了 foo\n" });
		const [result] = await p.lint({ fix: true, write: true });
		expect(p.read("a.txt")).toBe("记得 TODO 了 f00\n");
		expect(result.messages).toHaveLength(1);
		const parsed = JSON.parse(json([result], { cwd: p.base, rulesMeta: {} }));
		expect(parsed[0].messages[0]).toMatchObject({
			ruleId: "suggest-todo",
			severity: 1,
			suggestions: [
				{ desc: "Remove the marker.", fix: { range: [3, 7], text: "" } },
				{ desc: "Replace it with 待办.", fix: { range: [3, 7], text: "待办" } },
			],
		});
		expect(parsed[0]).toMatchObject({ warningCount: 1, errorCount: 0, fixableWarningCount: 0 });
	});

	it("fixes a JSONL text field over several passes and keeps the line's style", async () => {
		const line1 = '{"id":1,"text":"\\u4e2d foo","x":1.0}';
		const line2 = '{"text":"⟨123⟩","id":2}';
		const p = setup({ rules: { "wrap-line": "error", "zero-o": "error" } }, { "c.jsonl": `${line1}\n${line2}\n` });
		const [result] = await p.lint({ fix: true, write: true });
		expect(p.read("c.jsonl")).toBe(`{"id":1,"text":"\\u27e8\\u4e2d f00\\u27e9","x":1.0}\n${line2}\n`);
		expect(result.messages).toEqual([]);
		expect(result.documentCount).toBe(2);
	});

	it("--fix-type applies only the named rule types", async () => {
		const p = setup({ rules: { "zero-o": "error", "squeeze-spaces": "warn" } }, { "a.txt": "foo  bar\n" });
		const [result] = await p.lint({ fix: true, write: true, fixTypes: ["layout"] });
		expect(p.read("a.txt")).toBe("foo bar\n");
		expect(result.messages.map((m) => m.ruleId)).toEqual(["zero-o", "zero-o"]);
		expect(result.fixableErrorCount).toBe(2);
	});

	it("--fix-dry-run returns output and leaves the file alone", async () => {
		const p = setup({ rules: { "zero-o": "error" } }, { "a.txt": "foo\n" });
		const [result] = await p.lint({ fix: true, write: false });
		expect(result.output).toBe("f00\n");
		expect(p.read("a.txt")).toBe("foo\n");
	});
});
