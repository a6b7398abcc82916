/**
 * The `corpuslint` command: parse flags, load configuration, lint, format,
 * exit. Everything it does is available from the API; this file only wires
 * it to a terminal.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { decodeText } from "../io/decode.js";
import { dirname, join, resolve } from "node:path";
import { builtinRules } from "../../rules/index.js";
import { CONFIG_FILENAME, loadConfig, type ResolvedConfig } from "../config/load-config.js";
import { ConfigError } from "../engine/rule-options.js";
import type { LintMessage, LintResult } from "../engine/types.js";
import type { DocumentInfo } from "../runner/lint-file.js";
import { FORMAT_NAMES, loadFormatter } from "../formats/index.js";
import type { FormatterContext } from "../formats/types.js";
import { LintCache, resolveCacheLocation } from "../runner/cache.js";
import { lintFiles, lintStream } from "../runner/lint-files.js";
import { readSuppressionsFor, runSuppressions, StreamedSuppressions } from "../runner/suppressions.js";
import { VERSION } from "../version.js";
import { openJsonlStream } from "../formats/jsonl-stream.js";
import { runMerge } from "./merge.js";
import { HELP, parseCliArgs, UsageError, type CliOptions } from "./options.js";
import { ProgressLine, shouldShowProgress } from "./progress.js";
import { collectRuleStats, enabledRuleIds, formatStats } from "./stats.js";

export interface CliIO {
	cwd: string;
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	stdin: NodeJS.ReadableStream;
	env: NodeJS.ProcessEnv;
	stdoutIsTTY: boolean;
	/** Progress is drawn only on a terminal. */
	stderrIsTTY?: boolean;
	stderrColumns?: number;
}

function useColor(options: CliOptions, io: CliIO): boolean {
	if (options.color !== undefined) return options.color;
	if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
	if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== "0" && io.env.FORCE_COLOR !== "false";
	return io.stdoutIsTTY && !options.outputFile;
}

function starterConfig(): string {
	return `${JSON.stringify(
		{
			$schema: "./node_modules/corpuslint/schemas/corpuslintrc.schema.json",
			extends: "corpuslint:recommended",
			ignores: ["node_modules/**"],
			rules: {},
			jsonl: { textField: "text", idField: "id" },
		},
		null,
		2,
	)}\n`;
}

function printConfig(config: ResolvedConfig, file: string, cwd: string): string {
	const abs = resolve(cwd, file);
	const rules = Object.fromEntries(
		[...config.rulesFor(abs)].sort(([a], [b]) => a.localeCompare(b)).map(([id, e]) => [id, [["off", "warn", "error"][e.severity], ...e.options]]),
	);
	return `${JSON.stringify({ configFile: config.filePath ?? null, ignored: config.isIgnored(abs), jsonl: config.jsonl, maxDocumentSize: config.maxDocumentSize, rules }, null, 2)}\n`;
}

/**
 * Source text for formats that show it (html, sarif regions): read on demand,
 * only for files with findings, decoded as the linter read them; skipped for
 * files too large to embed.
 */
export function readSourceForReport(filePath: string): string | undefined {
	try {
		if (statSync(filePath).size > MAX_REPORT_SOURCE_BYTES) return undefined;
		return decodeText(readFileSync(filePath)).text;
	} catch {
		return undefined;
	}
}
const MAX_REPORT_SOURCE_BYTES = 64 * 1024 * 1024;

function filterQuiet(results: LintResult[]): LintResult[] {
	return results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }));
}

/** Runs the CLI and returns the exit code. Never throws for user mistakes. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
	let options: CliOptions;
	try {
		if (argv[0] === "merge") return await runMerge(argv.slice(1), io);
		options = parseCliArgs(argv);
		if (options.help) {
			io.stdout(`${HELP}\n`);
			return 0;
		}
		if (options.version) {
			io.stdout(`v${VERSION}\n`);
			return 0;
		}
		if (options.init) {
			const target = join(io.cwd, CONFIG_FILENAME);
			if (existsSync(target)) throw new UsageError(`${CONFIG_FILENAME} already exists in ${io.cwd}; not overwriting it.`);
			writeFileSync(target, starterConfig(), { flag: "wx" });
			io.stdout(`Wrote ${target}\n`);
			return 0;
		}
		// --format jsonl streams one line per document as it goes instead of formatting kept results.
		const streaming = options.format === "jsonl";
		const formatter = streaming ? undefined : await loadFormatter(options.format);
		if (!formatter && !streaming) throw new UsageError(`unknown format "${options.format}" (available: ${[...FORMAT_NAMES, "jsonl"].join(", ")})`);
		const config = loadConfig({
			cwd: io.cwd,
			configPath: options.config,
			noConfig: options.noConfig,
			cliRules: options.rules,
			jsonl: { textField: options.textField, idField: options.idField },
			// --print-config shows the whole configuration, warnings included.
			errorsOnly: options.quiet && !options.printConfig,
			registry: builtinRules,
		});
		if (options.printConfig) {
			io.stdout(printConfig(config, options.printConfig, io.cwd));
			return 0;
		}
		if (!options.stdin && options.patterns.length === 0) throw new UsageError("no files given. Try: corpuslint \"data/**/*.jsonl\" (or --help)");

		const fix = options.fix || options.fixDryRun;
		const timing: Record<string, number> | undefined = options.stats ? {} : undefined;
		const started = performance.now();
		const common = { config, registry: builtinRules, fix, write: options.fix, fixTypes: options.fixTypes, stats: timing };
		let results: LintResult[];
		// Streamed findings are written before the run ends and are not kept: nothing to cache or to count for suppressions.
		if (streaming && (options.suppressAll || options.suppressRules?.length || options.pruneSuppressions)) throw new UsageError("--format jsonl cannot record or prune suppressions; use -f json");
		// Recorded suppressions are read before linting when streaming applies them on the way out,
		// document by document, or when sharding must keep their files whole.
		const recorded =
			streaming || options.shard
				? readSuppressionsFor({ cwd: io.cwd, location: options.suppressionsLocation, suppressAll: options.suppressAll, suppressRules: options.suppressRules, prune: options.pruneSuppressions }).suppressions
				: undefined;
		const streamedSuppressions = streaming ? new StreamedSuppressions(recorded!, io.cwd) : undefined;
		const suppressing = streamedSuppressions && !streamedSuppressions.empty ? streamedSuppressions : undefined;
		const stream = streaming ? openJsonlStream(options.outputFile, { cwd: io.cwd, quiet: options.quiet, flushEachDocument: options.stdin }, io.stdout) : undefined;
		// Streamed documents leave the results without their messages: --stats counts them on the way out.
		const streamedCounts = new Map<string, number>();
		const onDocumentOf =
			stream && (timing || suppressing)
				? (filePath: string) => {
						const write = stream.onDocumentOf(filePath);
						return (messages: LintMessage[], doc: DocumentInfo) => {
							const shown = suppressing ? suppressing.filter(filePath, messages) : messages;
							if (timing) for (const m of shown) if (m.ruleId && (!options.quiet || m.severity === 2)) streamedCounts.set(m.ruleId, (streamedCounts.get(m.ruleId) ?? 0) + 1);
							write(shown, doc);
						};
					}
				: stream?.onDocumentOf;
		if (options.stdin) {
			const name = resolve(io.cwd, options.stdinFilename ?? "<stdin>.txt");
			results = [await lintStream(io.stdin as never, name, { ...common, onDocument: onDocumentOf?.(name) })];
		} else {
			const progress = shouldShowProgress(io.env, Boolean(io.stderrIsTTY), { streamingToTTY: Boolean(stream && !options.outputFile && io.stdoutIsTTY) }) ? new ProgressLine({ write: io.stderr, columns: () => io.stderrColumns }) : undefined;
			const cache = options.cache && !stream ? new LintCache(resolveCacheLocation(io.cwd, options.cacheLocation), { config, fix, dryRun: options.fixDryRun }) : undefined;
			try {
				results = await lintFiles(options.patterns, {
					...common,
					cwd: io.cwd,
					cache,
					onStart: progress?.start,
					onFile: progress?.fileDone,
					onDocumentOf,
					// --stats and suppressions look at the messages on their way out, so they need them, not rendered text.
					renderedOutput: stream && !timing && !suppressing ? { settings: stream.renderSettings, onRenderedOf: stream.onRenderedOf } : undefined,
					concurrency: options.concurrency,
					autoConcurrency: options.autoConcurrency,
					shard: options.shard,
					keepWhole: options.shard ? new Set(Object.keys(recorded!)) : undefined,
					configData: { cwd: io.cwd, configPath: options.config, noConfig: options.noConfig, cliRules: options.rules, jsonl: { textField: options.textField, idField: options.idField }, errorsOnly: options.quiet },
				});
			} finally {
				progress?.finish();
			}
			cache?.save();
		}
		const elapsedMs = performance.now() - started;
		const suppressed = streamedSuppressions
			? streamedSuppressions.finish(results)
			: runSuppressions(results, {
					cwd: io.cwd,
					location: options.suppressionsLocation,
					suppressAll: options.suppressAll,
					suppressRules: options.suppressRules,
					prune: options.pruneSuppressions,
					isKnownRule: (id) => builtinRules.has(id),
				});
		results = suppressed.results;
		const shown = options.quiet ? filterQuiet(results) : results;
		const rulesMeta = Object.fromEntries([...builtinRules].map(([id, r]) => [id, (r.meta ?? {}) as FormatterContext["rulesMeta"][string]]));
		stream?.finish(shown);
		const report = stream || !formatter ? "" : formatter(shown, { cwd: io.cwd, rulesMeta, color: useColor(options, io), getSource: readSourceForReport });
		if (stream) {
			// Already written document by document.
		} else if (options.outputFile) {
			const out = resolve(io.cwd, options.outputFile);
			mkdirSync(dirname(out), { recursive: true });
			writeFileSync(out, report);
		} else if (report) io.stdout(report.endsWith("\n") ? report : `${report}\n`);
		for (const note of suppressed.notes) io.stderr(`${note}\n`);
		if (timing) {
			const documents = results.reduce((n, r) => n + (r.documentCount ?? 0), 0);
			io.stderr(formatStats(collectRuleStats(shown, enabledRuleIds(results, config), timing, streamedCounts), { files: results.length, documents, elapsedMs }));
		}

		const errors = results.reduce((n, r) => n + r.errorCount, 0);
		const warnings = results.reduce((n, r) => n + r.warningCount, 0);
		const crashes = results.reduce((n, r) => n + (r.internalErrorCount ?? 0), 0);
		if (crashes > 0) {
			io.stderr(`corpuslint: internal error: ${crashes} document(s) could not be linted because a rule crashed (see the report); please report this bug.\n`);
			return 2;
		}
		if (errors > 0) return 1;
		if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
			io.stderr(`corpuslint found too many warnings (maximum: ${options.maxWarnings}).\n`);
			return 1;
		}
		return 0;
	} catch (error) {
		if (error instanceof UsageError || error instanceof ConfigError) {
			io.stderr(`corpuslint: ${error.message}\n`);
			return 2;
		}
		const err = error as Error;
		io.stderr(`corpuslint: internal error: ${err.message}\n${io.env.DEBUG ? `${err.stack}\n` : "(set DEBUG=1 for the stack trace)\n"}`);
		return 2;
	}
}
