/**
 * Text files are linted in batches of documents (lintTextFiles → lintDocuments):
 * every file must get exactly the result, the fixes and the document callback
 * it gets alone, in input order — whatever sits next to it in the batch (an
 * unreadable or binary file, a GB18030 file that is never fixed, a file whose
 * rules an override changes, more files than one batch holds).
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { loadConfig } from "../../src/config/load-config.js";
import type { LintMessage } from "../../src/engine/types.js";
import { BATCH_LINES, lintTextFile, lintTextFiles, type DocumentInfo } from "../../src/runner/lint-file.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string | Buffer>): string {
	const dir = mkdtempSync(join(tmpdir(), "corpuslint-batches-"));
	dirs.push(dir);
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), content);
	}
	return dir;
}

/** "中文  \n" in GB18030 (trailing whitespace), which --fix must leave alone. */
const GB18030_DIRTY = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x20, 0x20, 0x0a]);

function corpus(): { dir: string; names: string[] } {
	const files: Record<string, string | Buffer> = {
		".corpuslintrc.json": JSON.stringify({
			rules: { whitespace: "error", "punctuation-width": "error", "repeated-caption": "error" },
			overrides: [{ files: ["quiet/**"], rules: { "punctuation-width": "off" } }],
		}),
	};
	const names: string[] = [];
	const add = (name: string, content: string | Buffer) => {
		files[name] = content;
		names.push(name);
	};
	for (let i = 0; i < BATCH_LINES + 5; i++) {
		add(`a/${String(i).padStart(2, "0")}.txt`, i % 3 === 0 ? `第${i}段正文,没有问题。  \n图为会议现场\n正文。\n图为会议现场\n` : `第${i}段正文，没有问题。\n`);
		if (i === 4) add("a/04-gb.txt", GB18030_DIRTY);
		if (i === 6) add("a/06-binary.txt", Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x9f]));
		if (i === 8) add("quiet/08.txt", "这里,标点不查。  \n");
	}
	return { dir: project(files), names };
}

describe("text files linted in batches", () => {
	it("give every file the result it gets alone, in input order", () => {
		const { dir, names } = corpus();
		const config = loadConfig({ cwd: dir, registry: builtinRules });
		const paths = names.map((n) => join(dir, n));
		const alone = paths.map((p) => lintTextFile(p, { config, registry: builtinRules }));
		const batched = lintTextFiles(paths, { config, registry: builtinRules });
		expect(batched.map((r) => r.filePath)).toEqual(paths);
		expect(batched).toEqual(alone);
		// The mix is what it claims to be: findings, an override, an undecodable file, a GB18030 file.
		expect(alone.some((r) => r.messages.some((m) => m.ruleId === "repeated-caption"))).toBe(true);
		expect(alone.find((r) => r.filePath.endsWith("quiet/08.txt"))!.messages.map((m) => m.ruleId)).toEqual(["whitespace"]);
		expect(alone.find((r) => r.filePath.endsWith("06-binary.txt"))!.messages[0].fatal).toBe(true);
		expect(alone.find((r) => r.filePath.endsWith("04-gb.txt"))!.encoding).toBe("gb18030");
	});

	it("streams each file's document and writes each file's fixes as alone, GB18030 left unfixed", () => {
		const one = corpus();
		const two = corpus();
		const run = (dir: string, names: string[], batched: boolean) => {
			const config = loadConfig({ cwd: dir, registry: builtinRules });
			const seen: Array<[string, LintMessage[], DocumentInfo]> = [];
			const onDocumentOf = (path: string) => (messages: LintMessage[], doc: DocumentInfo) => void seen.push([path.slice(dir.length), messages, doc]);
			const options = { config, registry: builtinRules, fix: true, write: true };
			const paths = names.map((n) => join(dir, n));
			const results = batched ? lintTextFiles(paths, options, onDocumentOf) : paths.map((p) => lintTextFile(p, { ...options, onDocument: onDocumentOf(p) }));
			return { results: results.map((r) => ({ ...r, filePath: r.filePath.slice(dir.length) })), seen, contents: names.map((n) => readFileSync(join(dir, n))) };
		};
		const alone = run(one.dir, one.names, false);
		const batched = run(two.dir, two.names, true);
		expect(batched.seen).toEqual(alone.seen);
		expect(batched.results).toEqual(alone.results);
		expect(batched.contents).toEqual(alone.contents);
		const at = one.names.indexOf("a/00.txt");
		expect(alone.contents[at].toString()).toBe("第0段正文，没有问题。\n图为会议现场\n正文。\n");
		expect(alone.contents[one.names.indexOf("a/04-gb.txt")]).toEqual(GB18030_DIRTY);
	});
});
