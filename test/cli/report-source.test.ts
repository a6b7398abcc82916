/**
 * Formats that show the text (html, sarif regions) get it from the command:
 * the decoded source of each file with findings, as the linter read it.
 */
import { afterAll, describe, expect, it } from "vitest";
import { TempProject } from "../helpers/cli.js";

const p = new TempProject({
	"a.txt": "独特标题甲乙  \n\n正文。\n",
	// UTF-16: the report must show decoded text, not bytes.
	"b.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("十六位编码丙丁  \n", "utf16le")]),
});
afterAll(() => p.remove());

describe("report formats receive the source text", () => {
	it("html shows each file's text with its finding highlighted", async () => {
		const run = await p.run([".", "-f", "html"]);
		expect(run.code).toBe(1);
		expect(run.stdout).toContain("独特标题甲乙");
		expect(run.stdout).toContain("十六位编码丙丁");
	});

	it("sarif fix replacements carry line and column regions computed from the text", async () => {
		const run = await p.run(["a.txt", "-f", "sarif"]);
		const log = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ fixes?: Array<{ artifactChanges: Array<{ replacements: Array<{ deletedRegion: Record<string, number> }> }> }> }> }> };
		const region = log.runs[0].results[0].fixes![0].artifactChanges[0].replacements[0].deletedRegion;
		expect(region).toMatchObject({ startLine: 1, startColumn: 7, endLine: 1, endColumn: 9 });
	});
});
