/**
 * Crash safety of --fix: a run killed with SIGKILL at a random moment leaves
 * every file exactly old or exactly new (never truncated, never half-fixed),
 * and the temp files it left are removed by the next run. The kill is
 * repeated many times within a fixed time budget, at moments spread over
 * the run, and the test checks that kills really landed mid-run.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TEMP_MARK } from "../../src/io/atomic-write.js";
import { repoRoot, TempProject } from "../helpers/cli.js";
import { mulberry32 } from "../../scripts/prng.js";

const BIN = join(repoRoot, "bin", "corpuslint.js");
const ARGS = [".", "--fix", "--no-config", "--rule", "whitespace:error", "-f", "json"];
const BUDGET_MS = 30_000;
const TEXT_FILES = 150;
const JSONL_DOCS = 2500;

// A deterministic PRNG: a failing kill schedule can be replayed.

const seedText = readFileSync(join(repoRoot, "seeds", "003_8228443f32db4f8b.txt"), "utf8")
	.split("\n")
	.filter((l) => l.trim() !== "");

/** Old contents: seed lines with trailing spaces that the whitespace rule removes. */
function oldContents(): Map<string, string> {
	const files = new Map<string, string>();
	for (let i = 0; i < TEXT_FILES; i++) {
		const lines = Array.from({ length: 25 }, (_, k) => seedText[(i + k) % seedText.length]).map((l, k) => (k % 3 === 0 ? `${l}  ` : l));
		files.set(`doc-${String(i).padStart(3, "0")}.txt`, `${lines.join("\n")}\n`);
	}
	const docs: string[] = [];
	for (let i = 0; i < JSONL_DOCS; i++) {
		const text = Array.from({ length: 4 }, (_, k) => seedText[(i + k) % seedText.length]).join(" \n");
		docs.push(JSON.stringify({ id: i, source: "seed-003", text }));
	}
	files.set("corpus.jsonl", `${docs.join("\n")}\n`);
	return files;
}

function spawnFix(cwd: string, extra: string[] = []): { done: Promise<number | null>; kill: () => void; started: number } {
	const child = spawn(process.execPath, [BIN, ...ARGS, ...extra], { cwd, stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
	const done = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
	return { done, kill: () => child.kill("SIGKILL"), started: Date.now() };
}

const tempsIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.includes(TEMP_MARK));

describe("SIGKILL during --fix", () => {
	const project = new TempProject({}, { withConfig: false });
	afterAll(() => project.remove());
	const before = oldContents();

	function reset(): void {
		for (const [name, content] of before) writeFileSync(project.path(name), content);
	}

	it(
		"every file is exactly its old or its new content after each kill; the next run removes the temp files",
		async () => {
			// The expected new contents, from one uninterrupted run.
			reset();
			const full = spawnFix(project.dir);
			// When the first temp file appears, writing has begun: kills before that prove little.
			let writeStartMs = -1;
			const poll = setInterval(() => {
				if (writeStartMs < 0 && tempsIn(project.dir).length) writeStartMs = Date.now() - full.started;
			}, 5);
			expect(await full.done).toBe(0);
			clearInterval(poll);
			const fullMs = Date.now() - full.started;
			if (writeStartMs < 0) writeStartMs = 0;
			const after = new Map([...before.keys()].map((name) => [name, readFileSync(project.path(name), "utf8")]));
			for (const [name, content] of before) expect(after.get(name), name).not.toBe(content);
			expect(tempsIn(project.dir)).toEqual([]);

			const random = mulberry32(9);
			const t0 = Date.now();
			let kills = 0;
			let midRun = 0;
			let leftTemps = 0;
			let jsonlMidWrite = 0;
			while (Date.now() - t0 < BUDGET_MS - fullMs * 2 || kills < 5) {
				reset();
				// Every third run with worker threads, which write files too.
				const run = spawnFix(project.dir, kills % 3 === 2 ? ["--concurrency", "2"] : []);
				// Mostly while files are being written, sometimes earlier (startup, linting the corpus).
				const from = random() < 0.2 ? 0 : writeStartMs * 0.9;
				const delay = Math.floor(from + random() * (fullMs - from));
				await new Promise((r) => setTimeout(r, delay));
				run.kill();
				await run.done;
				kills++;
				let fresh = 0;
				for (const [name, old] of before) {
					const now = readFileSync(project.path(name), "utf8");
					if (now === after.get(name)) fresh++;
					else expect(now, `${name} after a kill at ${delay} ms is neither old nor new`).toBe(old);
				}
				if (fresh > 0 && fresh < before.size) midRun++;
				const temps = tempsIn(project.dir);
				leftTemps += temps.length;
				// A temp file beside the corpus: the kill landed while the JSONL was being rewritten.
				if (temps.some((t) => t.startsWith(".corpus.jsonl"))) jsonlMidWrite++;
				if (kills >= 60) break;
			}
			// The kills must have landed while files were being written, or the test proved nothing.
			expect(midRun, `${kills} kills, ${midRun} with some text files fixed and others not`).toBeGreaterThanOrEqual(1);
			expect(jsonlMidWrite, `${kills} kills, none while the JSONL was being written`).toBeGreaterThanOrEqual(1);

			// Plant a temp file as a dead run would leave it (in case no kill caught one), then finish the job.
			writeFileSync(project.path(`.doc-000.txt${TEMP_MARK}999999999-zz`), "half a fi");
			const last = spawnFix(project.dir);
			await last.done;
			expect(tempsIn(project.dir)).toEqual([]);
			for (const [name, content] of after) expect(readFileSync(project.path(name), "utf8"), name).toBe(content);
			console.log(`crash-safety: ${kills} kills (${midRun} mid-run), ${leftTemps} temp files left by killed runs (${jsonlMidWrite} runs killed inside the JSONL), full run ${fullMs} ms, writing from ${writeStartMs} ms`);
		},
		BUDGET_MS + 60_000,
	);
});
