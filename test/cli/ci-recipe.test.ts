import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../src/cli/options.js";
import { FORMAT_NAMES } from "../../src/formats/index.js";
import { ROOT } from "../helpers/run-cli.js";

/** Splits a documented command line the way a shell would for these simple cases (double quotes only). */
function shellWords(line: string): string[] {
	return [...line.matchAll(/"([^"]*)"|(\S+)/gu)].map((m) => m[1] ?? m[2]);
}

describe("docs/ci.md", () => {
	const doc = readFileSync(join(ROOT, "docs", "ci.md"), "utf8");
	const commands = [...doc.matchAll(/npx corpuslint ([^\n#`]*)/gu)].map((m) => shellWords(m[1].trim()));

	it("documents only flags and formats the CLI accepts", () => {
		expect(commands.length).toBeGreaterThanOrEqual(6);
		for (const argv of commands) {
			if (argv.length === 0) continue;
			const options = parseCliArgs(argv);
			expect([...FORMAT_NAMES, "jsonl"], argv.join(" ")).toContain(options.format);
		}
	});

	it("uploads the file the lint step writes", () => {
		const output = /-f sarif -o (\S+)/u.exec(doc)?.[1];
		expect(output).toBeDefined();
		expect(doc).toContain(`sarif_file: ${output}`);
	});
});

describe(".pre-commit-hooks.yaml", () => {
	const text = readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8");
	const field = (name: string) => new RegExp(`^\\s+-?\\s*${name}: (.+)$`, "mu").exec(text)?.[1];

	it("defines the corpuslint hook for text and JSONL files", () => {
		expect(text).toMatch(/^- id: corpuslint$/mu);
		expect(field("entry")).toBe("corpuslint");
		expect(field("language")).toBe("node");
		const files = new RegExp(field("files")!, "u");
		for (const name of ["a.txt", "dir/corpus.jsonl"]) expect(files.test(name), name).toBe(true);
		for (const name of ["a.json", "a.txt.bak", "README.md"]) expect(files.test(name), name).toBe(false);
	});
});
