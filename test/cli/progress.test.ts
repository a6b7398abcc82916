import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { LintResult } from "../../src/engine/types.js";
import { MIN_REDRAW_MS, ProgressLine, renderProgressLine, shouldShowProgress } from "../../src/cli/progress.js";
import { BIN, makeProject, runCli } from "../helpers/run-cli.js";

const result = (filePath: string, documentCount = 1) => ({ filePath, documentCount }) as LintResult;

describe("shouldShowProgress", () => {
	it("shows progress only on a terminal outside CI", () => {
		expect(shouldShowProgress({}, true)).toBe(true);
		expect(shouldShowProgress({}, false)).toBe(false);
		expect(shouldShowProgress({ CI: "true" }, true)).toBe(false);
		expect(shouldShowProgress({ CI: "1" }, true)).toBe(false);
		expect(shouldShowProgress({ CI: "woodpecker" }, true)).toBe(false);
	});

	it("stays off while findings stream to the same terminal", () => {
		expect(shouldShowProgress({}, true, { streamingToTTY: true })).toBe(false);
		expect(shouldShowProgress({}, true, { streamingToTTY: false })).toBe(true);
	});

	it("treats CI=false, CI=0 and an empty CI as not CI", () => {
		expect(shouldShowProgress({ CI: "false" }, true)).toBe(true);
		expect(shouldShowProgress({ CI: "0" }, true)).toBe(true);
		expect(shouldShowProgress({ CI: "" }, true)).toBe(true);
	});
});

describe("renderProgressLine", () => {
	it("shows files, documents, throughput and the remaining time", () => {
		const line = renderProgressLine({ files: 3, totalFiles: 12, documents: 45210, bytes: 20e6, totalBytes: 100e6, elapsedMs: 2000 }, 120);
		expect(line).toBe("corpuslint: 3/12 files · 45,210 documents · 10.0 MB/s · ETA 0:08");
	});

	it("shows slow throughput in kB/s and a single document in the singular", () => {
		const line = renderProgressLine({ files: 1, totalFiles: 3, documents: 1, bytes: 350e3, totalBytes: 1050e3, elapsedMs: 1000 }, 120);
		expect(line).toBe("corpuslint: 1/3 files · 1 document · 350 kB/s · ETA 0:02");
	});

	it("formats long ETAs with hours", () => {
		const line = renderProgressLine({ files: 1, totalFiles: 2, documents: 1, bytes: 1e6, totalBytes: 7201e6, elapsedMs: 1000 }, 200);
		expect(line).toMatch(/ETA 2:00:00$/u);
	});

	it("gives no ETA before half a second of measurements", () => {
		const line = renderProgressLine({ files: 1, totalFiles: 9, documents: 1, bytes: 5e5, totalBytes: 9e6, elapsedMs: 100 }, 120);
		expect(line).toMatch(/ETA --:--$/u);
	});

	it("fits the terminal width so the line never wraps", () => {
		const state = { files: 1234, totalFiles: 99999, documents: 123456789, bytes: 1, totalBytes: 2, elapsedMs: 600 };
		const line = renderProgressLine(state, 40);
		expect(line.length).toBe(39);
		expect(line.endsWith("…")).toBe(true);
		expect(renderProgressLine(state, 200).length).toBeLessThan(199);
	});
});

describe("ProgressLine", () => {
	function harness() {
		let now = 0;
		const writes: string[] = [];
		const sizes: Record<string, number> = { a: 1000, b: 3000 };
		const progress = new ProgressLine({ write: (t) => writes.push(t), now: () => now, columns: () => 100, sizeOf: (p) => sizes[p] ?? 0 });
		return { progress, writes, advance: (ms: number) => (now += ms) };
	}

	it("draws at most ten times a second however many files finish", () => {
		const { progress, writes, advance } = harness();
		progress.start(Array.from({ length: 1000 }, (_, i) => `f${i}`));
		const before = writes.length;
		for (let i = 0; i < 1000; i++) {
			advance(1);
			progress.fileDone(result(`f${i}`));
		}
		// 1000 ms of work: at most one redraw per MIN_REDRAW_MS.
		expect(writes.length - before).toBeLessThanOrEqual(1000 / MIN_REDRAW_MS);
		expect(writes.length - before).toBeGreaterThanOrEqual(1000 / MIN_REDRAW_MS - 1);
	});

	it("counts bytes from the file sizes and documents from the results, then clears the line", () => {
		const { progress, writes, advance } = harness();
		progress.start(["a", "b"]);
		expect(writes.at(-1)).toContain("0/2 files");
		advance(1000);
		progress.fileDone(result("a", 7));
		expect(writes.at(-1)).toBe("\r\x1b[2Kcorpuslint: 1/2 files · 7 documents · 1 kB/s · ETA 0:03");
		progress.finish();
		expect(writes.at(-1)).toBe("\r\x1b[2K");
		const count = writes.length;
		progress.finish();
		expect(writes.length).toBe(count);
	});
});

describe("progress in the CLI", () => {
	const project = () =>
		makeProject({
			".corpuslintrc.json": JSON.stringify({ rules: { whitespace: "error" } }),
			"a.txt": "今天天气很好。\n",
			"b.txt": "我们去公园。\n",
		});

	it("prints nothing on stderr when stderr is not a terminal", () => {
		const dir = project();
		const r = runCli(dir, ["."]);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe("");
	});

	// `script` gives the command a pseudo-terminal, as a person at a shell would.
	const hasScript = spawnSync("script", ["--version"]).status === 0;
	it.runIf(hasScript)("draws and clears the line on a terminal, and stays silent there under CI", () => {
		const dir = project();
		const run = (env: NodeJS.ProcessEnv) => {
			const r = spawnSync("script", ["-qec", `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} .`, "/dev/null"], {
				cwd: dir,
				env: { ...process.env, CI: "", ...env },
				encoding: "utf8",
			});
			return r.stdout;
		};
		const shown = run({});
		expect(shown).toContain("corpuslint: 0/2 files");
		expect(shown).toContain("\r\x1b[2K");
		const ci = run({ CI: "true" });
		expect(ci).not.toContain("files ·");
	});
});
