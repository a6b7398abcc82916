/**
 * `npm run bench`: corpuslint against the floor and its peers, measured as
 * whole processes on the same generated corpus in the same run (these
 * machines are noisy; only same-run ratios mean anything). Prints one
 * markdown table; see bench/README.md for what each column means.
 *
 *   npm run bench -- [--files 2000] [--jsonl-mb 500] [--runs 3] [--jsonl-runs 2]
 *       [--peer-files 200] [--no-rules] [--no-peers] [--no-jsonl] [--no-build]
 *       [--rss-mb 1000 [--rss-with-ocr]]   (only: peak RSS on a JSONL of that size, with and without --fix)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCorpus, parseCorpusArgs, writeJsonl, writeTree } from "./generate-corpus.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const peersBin = join(here, "peers", "node_modules", ".bin");

const { values: flags } = parseArgs({
	args: process.argv.slice(2),
	strict: false,
	options: {
		runs: { type: "string", default: "3" },
		"jsonl-runs": { type: "string", default: "2" },
		// autocorrect and zhlint run on the whole tree by default; textlint (minutes per 1,000 files) on fewer.
		"peer-files": { type: "string" },
		"textlint-files": { type: "string", default: "200" },
		"no-rules": { type: "boolean", default: false },
		"no-peers": { type: "boolean", default: false },
		"no-jsonl": { type: "boolean", default: false },
		"no-build": { type: "boolean", default: false },
		"only-peers": { type: "boolean", default: false },
		"rss-mb": { type: "string" },
		"rss-with-ocr": { type: "boolean", default: false },
	},
});
const runs = Number(flags.runs);
const jsonlRuns = Number(flags["jsonl-runs"]);

interface Measure {
	wall: number;
	cpu: number;
	rssMb: number;
	code: number | null;
}

/** One process under /usr/bin/time: wall seconds, user+sys CPU seconds, peak RSS. */
function measure(cmd: string, args: string[], cwd = root): Measure {
	const timeFile = join(tmpdir(), `corpuslint-bench-time-${process.pid}`);
	const r = spawnSync("/usr/bin/time", ["-o", timeFile, "-f", "%e %U %S %M", cmd, ...args], { cwd, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
	const [e, u, s, m] = readFileSync(timeFile, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
	rmSync(timeFile, { force: true });
	if (r.status !== 0 && r.status !== 1) {
		process.stderr.write(`  ! ${cmd} ${args.slice(0, 6).join(" ")} … exited ${r.status}: ${r.stderr.toString().slice(0, 300)}\n`);
	}
	return { wall: e, cpu: u + s, rssMb: m / 1024, code: r.status };
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

interface Row {
	tool: string;
	input: string;
	mb: number;
	files: number;
	wall: number;
	cpu: number;
	rssMb: number;
}

function repeat(tool: string, input: { name: string; mb: number; files: number }, n: number, cmd: string, args: string[], cwd?: string): Row {
	const ms: Measure[] = [];
	for (let i = 0; i < n; i++) ms.push(measure(cmd, args, cwd));
	const row = { tool, input: input.name, mb: input.mb, files: input.files, wall: median(ms.map((m) => m.wall)), cpu: median(ms.map((m) => m.cpu)), rssMb: Math.max(...ms.map((m) => m.rssMb)) };
	process.stderr.write(`  ${tool.padEnd(40)} ${input.name.padEnd(14)} wall ${row.wall.toFixed(2)} s  cpu ${row.cpu.toFixed(2)} s  rss ${row.rssMb.toFixed(0)} MB\n`);
	return row;
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith(".txt"))
		.map((d) => join(d.parentPath, d.name))
		.sort();
}

function sizeMb(paths: string[]): number {
	return paths.reduce((n, p) => n + statSync(p).size, 0) / 1e6;
}

const cli = join(root, "bin", "corpuslint.js");
const node = process.execPath;
const lint = (args: string[]) => [cli, "--no-config", "-f", "jsonl", "-o", "/dev/null", ...args];

/**
 * `--rule` flags for every recommended rule but `without`. With --no-config,
 * `--rule ocr-garbling:off` alone would run no rule at all (only --rule
 * rules run), which is how the "−ocr-garbling" rows once measured nothing.
 */
async function recommendedWithout(without: string): Promise<string[]> {
	const { builtinRules } = (await import(join(root, "dist", "rules", "index.js"))) as {
		builtinRules: Map<string, { meta?: { docs?: { recommended?: boolean } } }>;
	};
	const ids = [...builtinRules].filter(([id, rule]) => id !== without && rule.meta?.docs?.recommended).map(([id]) => id);
	if (ids.length === 0) throw new Error("bench: no recommended rules found in dist/rules/index.js");
	return ids.flatMap((id) => ["--rule", `${id}:error`]);
}

function machine(): string {
	const model = cpus()[0]?.model ?? "unknown CPU";
	return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · ${availableParallelism()} cores (nproc) · ${model} · Node ${process.version}`;
}

async function rssCheck(mb: number, withOcr: boolean): Promise<void> {
	const corpus = parseCorpusArgs([]);
	const path = await writeJsonl({ ...corpus, jsonlMb: mb });
	const copyDir = mkdtempSync(join(dirname(path), "fix-"));
	const copy = join(copyDir, "corpus.jsonl");
	const rows: Row[] = [];
	try {
		const input = { name: `${mb} MB JSONL`, mb: statSync(path).size / 1e6, files: 1 };
		const noOcr = await recommendedWithout("ocr-garbling");
		const variants: Array<[string, string[]]> = [["recommended −ocr-garbling", noOcr]];
		if (withOcr) variants.push(["recommended", []]);
		for (const [name, extra] of variants) {
			rows.push(repeat(`${name}, -f jsonl (streamed)`, input, 1, node, lint([...extra, path])));
			copyFileSync(path, copy);
			rows.push(repeat(`${name} --fix, -f jsonl (streamed)`, input, 1, node, lint([...extra, "--fix", copy])));
		}
		rows.push(repeat("recommended −ocr-garbling, -f json (all messages kept)", input, 1, node, [cli, "--no-config", ...noOcr, "-f", "json", "-o", "/dev/null", path]));
		console.log(`\n### Peak RSS on a ${input.mb.toFixed(0)} MB JSONL (${machine()})\n`);
		console.log("| run | wall s | CPU s | MB/s per core | peak RSS MB |\n|---|---:|---:|---:|---:|");
		for (const r of rows) console.log(`| ${r.tool} | ${r.wall.toFixed(1)} | ${r.cpu.toFixed(1)} | ${(r.mb / r.cpu).toFixed(1)} | ${r.rssMb.toFixed(0)} |`);
	} finally {
		rmSync(copyDir, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	if (!flags["no-build"]) execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { cwd: root, stdio: "ignore" });
	if (flags["rss-mb"]) {
		await rssCheck(Number(flags["rss-mb"]), Boolean(flags["rss-with-ocr"]));
		return;
	}
	const corpusOptions = parseCorpusArgs(process.argv.slice(2));
	const { tree } = await generateCorpus({ ...corpusOptions, jsonlMb: 0 });
	const jsonl = flags["no-jsonl"] || flags["only-peers"] ? undefined : (await generateCorpus({ ...corpusOptions, only: "jsonl" })).jsonl;
	const treeFiles = filesUnder(tree!);
	const treeIn = { name: `tree ${treeFiles.length}`, mb: sizeMb(treeFiles), files: treeFiles.length };
	const jsonlIn = jsonl ? { name: `JSONL ${(statSync(jsonl).size / 1e6).toFixed(0)} MB`, mb: statSync(jsonl).size / 1e6, files: 1 } : undefined;
	const { builtinRules } = (await import(join(root, "dist", "rules", "index.js"))) as { builtinRules: Map<string, unknown> };
	const ruleIds = [...builtinRules.keys()];
	const floorJs = join(root, "dist", "bench", "floor.js");
	const noOcr = await recommendedWithout("ocr-garbling");

	const rows: Row[] = [];
	process.stderr.write(`bench: ${machine()}\n`);
	const onlyPeers = Boolean(flags["only-peers"]);
	// Start-up: one tiny file, to separate fixed cost from per-file cost.
	const tiny = treeFiles[0];
	const tinyIn = { name: "1 file", mb: statSync(tiny).size / 1e6, files: 1 };
	let startup: Row | undefined;
	let startupWs: Row | undefined;
	// The fixed cost of linting a directory: the tree run expands a directory and walks it once,
	// which a named file does not. The per-file formula subtracts this one.
	let startupDir: Row | undefined;
	let startupDirWs: Row | undefined;
	let recTree: Row | undefined;
	let recAsOne: Row | undefined;
	let wsTree: Row | undefined;
	let wsAsOne: Row | undefined;
	if (!onlyPeers) {
		startup = repeat("corpuslint start-up (1 file)", tinyIn, runs, node, lint([tiny]));
		startupWs = repeat("corpuslint start-up, whitespace alone (1 file)", tinyIn, runs, node, lint(["--rule", "whitespace:error", tiny]));
		const oneFileDir = mkdtempSync(join(tmpdir(), "corpuslint-bench-dir-"));
		copyFileSync(tiny, join(oneFileDir, "one.txt"));
		startupDir = repeat("corpuslint start-up (directory of 1 file)", tinyIn, runs, node, lint([oneFileDir]));
		startupDirWs = repeat("corpuslint start-up, whitespace alone (directory of 1 file)", tinyIn, runs, node, lint(["--rule", "whitespace:error", oneFileDir]));
		rmSync(oneFileDir, { recursive: true, force: true });

		const floorTree = repeat("floor (read + 1 regex)", treeIn, runs, node, [floorJs, tree!]);
		rows.push(floorTree);
		recTree = repeat("corpuslint recommended", treeIn, runs, node, lint([tree!]));
		rows.push(recTree);
		rows.push(repeat("corpuslint recommended −ocr-garbling", treeIn, runs, node, lint([...noOcr, tree!])));
		rows.push(repeat("corpuslint recommended, --concurrency auto", treeIn, runs, node, lint(["--concurrency", "auto", tree!])));
		if (!flags["no-rules"]) {
			for (const id of ruleIds) rows.push(repeat(`corpuslint ${id} alone`, treeIn, runs, node, lint(["--rule", `${id}:error`, tree!])));
		}
		// The tree's texts as the documents of one JSONL file: the same bytes and the same JIT warm-up
		// without the files, so tree minus this is what the files themselves cost.
		const asOne = `${tree!.replace(/\/+$/u, "")}-as-one.jsonl`;
		writeFileSync(asOne, treeFiles.map((f) => JSON.stringify({ id: relative(tree!, f), text: readFileSync(f, "utf8") })).join("\n") + "\n");
		const asOneIn = { name: `tree ${treeFiles.length} as one JSONL`, mb: statSync(asOne).size / 1e6, files: 1 };
		recAsOne = repeat("corpuslint recommended", asOneIn, runs, node, lint([asOne]));
		rows.push(recAsOne);
		wsTree = rows.find((r) => r.tool === "corpuslint whitespace alone" && r.input === treeIn.name) ?? repeat("corpuslint whitespace alone", treeIn, runs, node, lint(["--rule", "whitespace:error", tree!]));
		if (!rows.includes(wsTree)) rows.push(wsTree);
		wsAsOne = repeat("corpuslint whitespace alone", asOneIn, runs, node, lint(["--rule", "whitespace:error", asOne]));
		rows.push(wsAsOne);
		rmSync(asOne, { force: true });
	}
	let recJsonl: Row | undefined;
	let wsJsonl: Row | undefined;
	if (jsonl && jsonlIn && !onlyPeers) {
		wsJsonl = repeat("corpuslint whitespace alone", jsonlIn, jsonlRuns, node, lint(["--rule", "whitespace:error", jsonl]));
		rows.push(wsJsonl);
		rows.push(repeat("floor (read + 1 regex)", jsonlIn, jsonlRuns, node, [floorJs, jsonl]));
		recJsonl = repeat("corpuslint recommended", jsonlIn, jsonlRuns, node, lint([jsonl]));
		rows.push(recJsonl);
		rows.push(repeat("corpuslint recommended −ocr-garbling", jsonlIn, jsonlRuns, node, lint([...noOcr, jsonl])));
		rows.push(repeat("corpuslint recommended, --concurrency auto", jsonlIn, jsonlRuns, node, lint(["--concurrency", "auto", jsonl])));
	}
	if (!flags["no-peers"]) {
		const peerFiles = Number(flags["peer-files"] ?? corpusOptions.files);
		const textlintFiles = Number(flags["textlint-files"]);
		const peers: Array<{ name: string; files: number; bin: string; args: (tree: string, files: string[]) => string[]; inTree: boolean }> = [
			// cwd inside the tree: autocorrect skips git-ignored paths (bench/.corpus is), zhlint takes one glob only.
			{ name: "autocorrect-node (autocorrect --lint)", files: peerFiles, bin: join(peersBin, "autocorrect"), args: (tree, pf) => ["--lint", ...pf.map((p) => relative(tree, p))], inTree: true },
			{ name: "zhlint", files: peerFiles, bin: join(peersBin, "zhlint"), args: () => ["**/*.txt"], inTree: true },
			{ name: "textlint (ja-technical-writing + zh bracket)", files: textlintFiles, bin: join(peersBin, "textlint"), args: (_tree, pf) => ["-c", join(here, "peers", ".textlintrc.json"), "-f", "json", ...pf], inTree: false },
		];
		const measured = new Set(rows.map((r) => `${r.tool}|${r.input}`));
		for (const peer of peers) {
			if (!existsSync(peer.bin)) {
				process.stderr.write(`  (${peer.name} not installed: npm install --prefix bench/peers)\n`);
				continue;
			}
			const peerTree = writeTree({ ...corpusOptions, files: peer.files });
			const pf = filesUnder(peerTree);
			const peerIn = { name: `tree ${pf.length}`, mb: sizeMb(pf), files: pf.length };
			// The same-run reference rows for this tree, once per tree size.
			for (const [tool, cmd, args] of [
				["floor (read + 1 regex)", node, [floorJs, peerTree]],
				["corpuslint recommended", node, lint([peerTree])],
			] as Array<[string, string, string[]]>) {
				if (measured.has(`${tool}|${peerIn.name}`)) continue;
				measured.add(`${tool}|${peerIn.name}`);
				rows.push(repeat(tool, peerIn, runs, cmd, args));
			}
			rows.push(repeat(peer.name, peerIn, runs, peer.bin, peer.args(peerTree, pf), peer.inTree ? peerTree : join(here, "peers")));
		}
	}

	// The table: MB/s per core is input MB over CPU seconds (user+sys, all threads), so a parallel run is not flattered.
	const floorFor = (input: string) => rows.find((r) => r.tool.startsWith("floor") && r.input === input);
	const recFor = (input: string) => rows.find((r) => r.tool === "corpuslint recommended" && r.input === input);
	console.log(`\n### Benchmark (${machine()})\n`);
	console.log(`Corpus: seed ${corpusOptions.seed}, tree of ${treeIn.files} files of ${corpusOptions.minKb}–${corpusOptions.maxKb} KB (${treeIn.mb.toFixed(1)} MB)${jsonlIn ? `, ${jsonlIn.name}` : ""}. Median of ${runs} runs (${jsonlRuns} on the JSONL); peak RSS is the maximum.\n`);
	console.log("| tool | input | wall s | CPU s | MB/s (wall) | MB/s per core (CPU) | ms/file | peak RSS MB | corpuslint rec. ÷ this (speed) | this ÷ floor (speed) |");
	console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
	for (const r of rows) {
		const floor = floorFor(r.input);
		const rec = recFor(r.input);
		const speed = (x: Row) => x.mb / x.cpu;
		const vsRec = rec && r !== rec && !r.tool.startsWith("corpuslint") ? `${(speed(rec) / speed(r)).toFixed(2)}×` : "";
		const vsFloor = floor && r !== floor ? `${(speed(r) / speed(floor)).toFixed(2)}×` : "";
		console.log(
			`| ${r.tool} | ${r.input} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} | ${(r.mb / r.wall).toFixed(1)} | ${speed(r).toFixed(1)} | ${r.files > 1 ? ((r.wall * 1000) / r.files).toFixed(2) : ""} | ${r.rssMb.toFixed(0)} | ${vsRec} | ${vsFloor} |`,
		);
	}
	// Per-file overhead: tree CPU minus the start-up of a directory run minus the same bytes at the JSONL rate (no per-file work there).
	const overhead = (t: Row, j: Row, start: Row) => (((t.cpu - start.cpu - t.mb / (j.mb / j.cpu)) * 1000) / t.files).toFixed(3);
	if (startup && startupWs && startupDir && startupDirWs) {
		console.log(`\nStart-up (1 small file): recommended ${startup.wall.toFixed(2)} s wall, ${startup.cpu.toFixed(2)} s CPU; whitespace alone ${startupWs.wall.toFixed(2)} s wall, ${startupWs.cpu.toFixed(2)} s CPU.`);
		console.log(`Start-up (a directory of 1 file): recommended ${startupDir.cpu.toFixed(2)} s CPU; whitespace alone ${startupDirWs.cpu.toFixed(2)} s CPU.`);
		if (recJsonl && recTree) console.log(`Per-file overhead on the tree (CPU beyond a directory run's start-up and the same bytes at the JSONL rate): recommended ${overhead(recTree, recJsonl, startupDir)} ms/file.`);
		if (wsTree && wsJsonl) console.log(`Per-file overhead of the engine alone (whitespace rule): ${overhead(wsTree, wsJsonl, startupDirWs)} ms/file.`);
		// Against the same texts in one JSONL: no start-up or warm-up difference to subtract, only the files.
		const perFile = (t: Row, one: Row) => (((t.cpu - one.cpu) * 1000) / t.files).toFixed(3);
		if (recTree && recAsOne && wsTree && wsAsOne) {
			console.log(`Per file against the same texts as one JSONL (same bytes, same warm-up): recommended ${perFile(recTree, recAsOne)} ms/file, whitespace alone ${perFile(wsTree, wsAsOne)} ms/file.`);
		}
	}
	const auto = rows.filter((r) => r.tool.endsWith("--concurrency auto"));
	for (const a of auto) {
		const single = recFor(a.input)!;
		console.log(`Concurrency auto (${availableParallelism()} cores) on ${a.input}: ${(single.wall / a.wall).toFixed(2)}× the single-threaded wall time.`);
	}
}

await main();
