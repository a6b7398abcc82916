/**
 * `--stats`: what each rule found and what it cost, like ESLint's TIMING
 * table. Printed on stderr so stdout stays a clean report.
 */
import type { LintResult, ResolvedRules } from "../engine/types.js";

export interface RuleStat {
	ruleId: string;
	/** Findings of this rule in the report (after suppressions and --quiet). */
	count: number;
	timeMs: number;
	/** Share of the time spent in all rules, 0–100. */
	percent: number;
}

/**
 * One row per enabled rule, slowest first. Times come from the in-process
 * record the linter fills, plus `result.stats` of results linted elsewhere
 * (worker threads), which must not also be in the record.
 */
export function collectRuleStats(
	results: readonly LintResult[],
	enabledRules: Iterable<string>,
	timing: Readonly<Record<string, number>> = {},
	/** Findings already written out document by document (-f jsonl), which results no longer hold. */
	streamedCounts: ReadonlyMap<string, number> = new Map(),
): RuleStat[] {
	const times = new Map<string, number>(Object.entries(timing));
	for (const r of results) for (const [id, ms] of Object.entries(r.stats ?? {})) times.set(id, (times.get(id) ?? 0) + ms);
	const counts = new Map<string, number>(streamedCounts);
	for (const r of results) for (const m of r.messages) if (m.ruleId) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
	const ids = new Set([...enabledRules, ...times.keys(), ...counts.keys()]);
	const total = [...times.values()].reduce((a, b) => a + b, 0);
	return [...ids]
		.map((ruleId) => {
			const timeMs = times.get(ruleId) ?? 0;
			return { ruleId, count: counts.get(ruleId) ?? 0, timeMs, percent: total > 0 ? (timeMs / total) * 100 : 0 };
		})
		.sort((a, b) => b.timeMs - a.timeMs || b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1));
}

export interface RunTotals {
	files: number;
	documents: number;
	/** Wall-clock time of the lint phase. */
	elapsedMs: number;
}

/** The table, Markdown-aligned like ESLint's TIMING output, with a totals line. */
export function formatStats(stats: readonly RuleStat[], totals?: RunTotals): string {
	const header = ["Rule", "Findings", "Time (ms)", "Relative"];
	const rows = stats.map((s) => [s.ruleId, String(s.count), s.timeMs.toFixed(3), `${s.percent.toFixed(1)}%`]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const cell = (text: string, i: number) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]));
	const lines = [
		header.map(cell).join(" | "),
		widths.map((w, i) => (i === 0 ? `:${"-".repeat(w)}` : i === widths.length - 1 ? `${"-".repeat(w)}:` : `${"-".repeat(w + 1)}:`)).join("|"),
		...rows.map((r) => r.map(cell).join(" | ")),
	];
	if (totals) {
		const ruleMs = stats.reduce((n, s) => n + s.timeMs, 0);
		const findings = stats.reduce((n, s) => n + s.count, 0);
		lines.push(
			"",
			`${totals.files} files, ${totals.documents} documents, ${findings} findings; ${totals.elapsedMs.toFixed(0)} ms in total, ${ruleMs.toFixed(0)} ms in rules`,
		);
		// Say so rather than let zeros read as "free".
		if (ruleMs === 0 && totals.files > 0) lines.push("No rule time was measured: results came from --cache.");
	}
	return `${lines.join("\n")}\n`;
}

/** Rules switched on for any of the files in the run. */
export function enabledRuleIds(results: readonly LintResult[], config: { rulesFor(path: string): ResolvedRules }): Set<string> {
	const ids = new Set<string>();
	const seen = new Set<ResolvedRules>();
	for (const r of results) {
		const rules = config.rulesFor(r.filePath);
		if (seen.has(rules)) continue;
		seen.add(rules);
		for (const [id, entry] of rules) if (entry.severity > 0) ids.add(id);
	}
	return ids;
}
