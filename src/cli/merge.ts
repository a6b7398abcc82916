/**
 * `corpuslint merge a.json b.json … [-f json|sarif|…] [-o out]`: combines the
 * reports of `--shard` runs into the report one full run would have printed.
 * JSON reports (`-f json`) merge exactly and can be printed in any format;
 * SARIF reports can also be merged among themselves (rules re-indexed,
 * results and notifications concatenated).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { builtinRules } from "../../rules/index.js";
import type { LintMessage, LintResult } from "../engine/types.js";
import { FORMAT_NAMES, loadFormatter } from "../formats/index.js";
import type { FormatterContext } from "../formats/types.js";
import { readSourceForReport, type CliIO } from "./main.js";
import { UsageError } from "./options.js";

export const MERGE_HELP = `corpuslint merge REPORT.json ... [-f json|sarif|stylish|...] [-o FILE]

Combines the json reports of "corpuslint --shard i/n -f json" runs into one
report, equal to a single run over all the input. SARIF reports from shards
can be merged into one SARIF log with -f sarif.`;

function byPosition(a: LintMessage, b: LintMessage): number {
	return a.line - b.line || (a.docLine ?? 0) - (b.docLine ?? 0) || (a.docColumn ?? 0) - (b.docColumn ?? 0);
}

/**
 * Puts the shards' file lists back in the full run's order. Each shard lists
 * its files in that order, and a JSONL file split by byte range appears in
 * every shard, which anchors the lists to each other; between anchors files
 * come in path order, as a directory expands.
 */
function fileOrder(lists: string[][]): string[] {
	const pos = lists.map(() => 0);
	const remaining = new Map<string, number>();
	for (const list of lists) for (const p of new Set(list)) remaining.set(p, (remaining.get(p) ?? 0) + 1);
	const order: string[] = [];
	for (;;) {
		const heads = lists.map((l, i) => l[pos[i]]).filter((h): h is string => h !== undefined);
		if (heads.length === 0) return order;
		const atHead = (p: string) => heads.filter((h) => h === p).length;
		const ready = heads.filter((h) => atHead(h) === remaining.get(h));
		const next = (ready.length ? ready : heads).sort()[0];
		order.push(next);
		remaining.delete(next);
		lists.forEach((l, i) => {
			while (l[pos[i]] === next) pos[i]++;
		});
	}
}

/** Results for the same file (a JSONL split by byte range) become one; files come out in the full run's order. */
export function mergeResults(reports: LintResult[][]): LintResult[] {
	const byFile = new Map<string, LintResult[]>();
	for (const report of reports) {
		for (const r of report) {
			const list = byFile.get(r.filePath);
			if (list) list.push(r);
			else byFile.set(r.filePath, [r]);
		}
	}
	const out: LintResult[] = [];
	for (const path of fileOrder(reports.map((r) => r.map((x) => x.filePath)))) {
		const parts = byFile.get(path)!;
		if (parts.length === 1) {
			out.push(parts[0]);
			continue;
		}
		// Shards hold consecutive line ranges; order the parts by their first line, then merge.
		parts.sort((a, b) => (a.messages[0]?.line ?? Infinity) - (b.messages[0]?.line ?? Infinity));
		const merged: LintResult = { ...parts[0], messages: [], suppressedMessages: [] };
		merged.errorCount = merged.fatalErrorCount = merged.warningCount = merged.fixableErrorCount = merged.fixableWarningCount = 0;
		let documents: number | undefined;
		for (const p of parts) {
			merged.messages.push(...p.messages);
			merged.suppressedMessages.push(...(p.suppressedMessages ?? []));
			merged.errorCount += p.errorCount;
			merged.fatalErrorCount += p.fatalErrorCount;
			merged.warningCount += p.warningCount;
			merged.fixableErrorCount += p.fixableErrorCount;
			merged.fixableWarningCount += p.fixableWarningCount;
			if (p.documentCount !== undefined) documents = (documents ?? 0) + p.documentCount;
		}
		merged.messages.sort(byPosition);
		if (documents !== undefined) merged.documentCount = documents;
		out.push(merged);
	}
	return out;
}

type Json = Record<string, unknown>;
interface SarifRun extends Json {
	tool: { driver: { rules?: Array<Json & { id: string }> } & Json };
	results?: Array<Json & { ruleIndex?: number; ruleId?: string }>;
	invocations?: Array<Json & { executionSuccessful?: boolean; toolExecutionNotifications?: Json[] }>;
}

function sarifKey(r: Json): [string, number, number] {
	const loc = (r.locations as Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }> | undefined)?.[0]?.physicalLocation;
	return [loc?.artifactLocation?.uri ?? "", loc?.region?.startLine ?? 0, loc?.region?.startColumn ?? 0];
}

/** Merges SARIF logs that each hold one corpuslint run. */
export function mergeSarif(logs: Json[]): Json {
	const runs = logs.map((l) => (l.runs as SarifRun[])[0]);
	const rules = new Map<string, Json & { id: string }>();
	for (const run of runs) for (const rule of run.tool.driver.rules ?? []) if (!rules.has(rule.id)) rules.set(rule.id, rule);
	const ids = [...rules.keys()].sort();
	const index = new Map(ids.map((id, i) => [id, i]));
	const perRun = runs.map((run) => (run.results ?? []).map((r) => (r.ruleId !== undefined ? { ...r, ruleIndex: index.get(r.ruleId) } : r)));
	// Files in the full run's order; within a file, by line (shards of a JSONL hold consecutive lines).
	const order = fileOrder(perRun.map((rs) => [...new Set(rs.map((r) => sarifKey(r)[0]))]));
	const rank = new Map(order.map((uri, i) => [uri, i]));
	const keyed = perRun.flat().map((r, i) => ({ r, i, k: sarifKey(r) }));
	keyed.sort((a, b) => rank.get(a.k[0])! - rank.get(b.k[0])! || a.k[1] - b.k[1] || a.i - b.i);
	const first = runs[0];
	const run: SarifRun = {
		...first,
		tool: { ...first.tool, driver: { ...first.tool.driver, rules: ids.map((id) => rules.get(id)!) } },
		invocations: [
			{
				executionSuccessful: runs.every((r) => r.invocations?.every((inv) => inv.executionSuccessful !== false) ?? true),
				toolExecutionNotifications: runs.flatMap((r) => r.invocations?.flatMap((inv) => inv.toolExecutionNotifications ?? []) ?? []),
			},
		],
		results: keyed.map((x) => x.r),
	};
	return { ...logs[0], runs: [run] };
}

function readReport(path: string): unknown {
	let text: string;
	try {
		text = readFileSync(path, "utf8");
	} catch (error) {
		throw new UsageError(`merge: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new UsageError(`merge: ${path} is not a JSON or SARIF report (run the shards with -f json)`);
	}
}

/** `corpuslint merge …`; returns the exit code like the lint command (1 when the merged report has errors). */
export async function runMerge(argv: string[], io: CliIO): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: {
				format: { type: "string", short: "f", default: "json" },
				"output-file": { type: "string", short: "o" },
				help: { type: "boolean", short: "h", default: false },
			},
		});
	} catch (error) {
		throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/su, "."));
	}
	if (parsed.values.help) {
		io.stdout(`${MERGE_HELP}\n`);
		return 0;
	}
	const format = parsed.values.format ?? "json";
	if (parsed.positionals.length === 0) throw new UsageError("merge: name the shard reports to combine, e.g. corpuslint merge shard-*.json");
	const reports = parsed.positionals.map((p) => readReport(resolve(io.cwd, p)));
	let text: string;
	let errors = 0;
	if (reports.every(Array.isArray)) {
		const formatter = await loadFormatter(format);
		if (!formatter) throw new UsageError(`merge: unknown format "${format}" (available: ${FORMAT_NAMES.join(", ")})`);
		const merged = mergeResults(reports as LintResult[][]);
		errors = merged.reduce((n, r) => n + r.errorCount, 0);
		const rulesMeta = Object.fromEntries([...builtinRules].map(([id, r]) => [id, (r.meta ?? {}) as FormatterContext["rulesMeta"][string]]));
		text = formatter(merged, { cwd: io.cwd, rulesMeta, color: false, getSource: readSourceForReport });
	} else if (reports.every((r) => typeof r === "object" && r !== null && Array.isArray((r as Json).runs))) {
		if (format !== "sarif") throw new UsageError(`merge: SARIF reports merge into SARIF only (-f sarif); to print ${format}, run the shards with -f json`);
		const merged = mergeSarif(reports as Json[]);
		errors = ((merged.runs as SarifRun[])[0].results ?? []).filter((r) => r.level === "error").length;
		text = JSON.stringify(merged, null, 2);
	} else throw new UsageError("merge: the reports must all be json (-f json) or all SARIF (-f sarif)");
	if (parsed.values["output-file"]) {
		const out = resolve(io.cwd, parsed.values["output-file"]);
		mkdirSync(dirname(out), { recursive: true });
		writeFileSync(out, text);
	} else io.stdout(text.endsWith("\n") ? text : `${text}\n`);
	return errors > 0 ? 1 : 0;
}
