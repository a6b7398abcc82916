/**
 * Bulk suppressions for gradual adoption, after ESLint 9.24: a committed
 * `corpuslint-suppressions.json` records how many errors each rule had in each
 * file; later runs move up to that many of them into `suppressedMessages` and
 * report only the rest. Unlike ESLint, which reports every finding of a rule
 * once the count is exceeded, only the excess is reported — the findings
 * furthest into the file, where new JSONL batches are appended — so one new
 * document does not resurface a whole archive's worth of old findings.
 * Only errors are suppressed; warnings never fail a run anyway.
 */
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { ConfigError } from "../engine/rule-options.js";
import type { LintMessage, LintResult } from "../engine/types.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { tallyResult } from "./result.js";

export const SUPPRESSIONS_FILENAME = "corpuslint-suppressions.json";

/** File (relative to cwd, forward slashes) → rule id → number of suppressed errors. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

export function suppressionKey(filePath: string, cwd: string): string {
	return relative(cwd, filePath).split(sep).join("/");
}

function isSuppressible(m: LintMessage): boolean {
	return m.severity === 2 && m.ruleId !== null && !m.fatal;
}

export function countErrorsByRule(messages: readonly LintMessage[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const m of messages) if (isSuppressible(m)) counts.set(m.ruleId!, (counts.get(m.ruleId!) ?? 0) + 1);
	return counts;
}

/** Reads a suppressions file; a missing file is an empty set. */
export function loadSuppressions(path: string): Suppressions {
	let text: string;
	try {
		text = readFileSync(path, "utf8");
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
		throw new ConfigError(`cannot read suppressions file ${path}: ${(error as Error).message}`);
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new ConfigError(`suppressions file ${path} is not valid JSON: ${(error as Error).message}`);
	}
	const valid =
		typeof data === "object" &&
		data !== null &&
		!Array.isArray(data) &&
		Object.values(data).every(
			(rules) =>
				typeof rules === "object" &&
				rules !== null &&
				Object.values(rules as object).every((r) => typeof r === "object" && r !== null && Number.isInteger((r as { count: unknown }).count) && (r as { count: number }).count >= 0),
		);
	if (!valid) throw new ConfigError(`suppressions file ${path} does not have the shape {"file": {"rule-id": {"count": N}}}`);
	return data as Suppressions;
}

/** Writes the file with sorted keys, so that it diffs well in review. */
export function saveSuppressions(path: string, suppressions: Suppressions): void {
	const sorted: Suppressions = {};
	for (const file of Object.keys(suppressions).sort()) {
		const rules = suppressions[file];
		const ids = Object.keys(rules)
			.filter((id) => rules[id].count > 0)
			.sort();
		if (ids.length) sorted[file] = Object.fromEntries(ids.map((id) => [id, { count: rules[id].count }]));
	}
	writeFileAtomic(path, Buffer.from(`${JSON.stringify(sorted, null, 2)}\n`, "utf8"));
}

/**
 * Records the current errors (of `rules` only, when given) over the existing
 * suppressions: counts of the linted files' rules are replaced, the rest kept.
 */
export function recordSuppressions(existing: Suppressions, results: readonly LintResult[], cwd: string, rules?: readonly string[]): Suppressions {
	const out = structuredClone(existing);
	for (const result of results) {
		const key = suppressionKey(result.filePath, cwd);
		for (const [ruleId, count] of countErrorsByRule(result.messages)) {
			if (rules && !rules.includes(ruleId)) continue;
			(out[key] ??= {})[ruleId] = { count };
		}
	}
	return out;
}

export interface AppliedSuppressions {
	results: LintResult[];
	/** Recorded counts that no current finding used, for linted files only. */
	unused: Suppressions;
}

/** Moves suppressed errors into `suppressedMessages` and recounts; the input is not modified. */
export function applySuppressions(results: readonly LintResult[], suppressions: Suppressions, cwd: string): AppliedSuppressions {
	const counter = new SuppressionCounter(suppressions, cwd);
	const unused: Suppressions = {};
	const out = results.map((result) => {
		if (!counter.records(result.filePath)) return result;
		const suppressed: LintMessage[] = [...result.suppressedMessages];
		const messages = counter.filter(result.filePath, result.messages, suppressed);
		const left = counter.unused(result.filePath);
		if (left) unused[suppressionKey(result.filePath, cwd)] = left;
		return tallyResult({ ...result, messages, suppressedMessages: suppressed });
	});
	return { results: out, unused };
}

interface FileCount {
	budget: Map<string, number>;
	used: Map<string, number>;
	/** Suppressible errors seen, suppressed or not (for the unused counts). */
	total: Map<string, number>;
	removedErrors: number;
	removedFixable: number;
}

/**
 * The recorded findings of a rule are its first `count` errors in the file: a
 * running count per file decides each error in file order, whether the
 * messages come all at once (applySuppressions) or document by document as
 * they stream (StreamedSuppressions).
 */
class SuppressionCounter {
	readonly #files = new Map<string, FileCount | null>();
	/** No file recorded (most runs): no per-file key to compute. */
	readonly #none: boolean;

	constructor(
		private readonly suppressions: Suppressions,
		private readonly cwd: string,
	) {
		this.#none = Object.keys(suppressions).length === 0;
	}

	/** The file's count, or null when nothing is recorded for it. */
	records(filePath: string): FileCount | null {
		if (this.#none) return null;
		let state = this.#files.get(filePath);
		if (state === undefined) {
			const recorded = this.suppressions[suppressionKey(filePath, this.cwd)];
			state = recorded ? { budget: new Map(Object.entries(recorded).map(([id, r]) => [id, r.count])), used: new Map(), total: new Map(), removedErrors: 0, removedFixable: 0 } : null;
			this.#files.set(filePath, state);
		}
		return state;
	}

	/** The messages without the suppressed errors, which go to `suppressed` when given. */
	filter(filePath: string, messages: LintMessage[], suppressed?: LintMessage[]): LintMessage[] {
		const state = this.records(filePath);
		if (!state || messages.length === 0) return messages;
		const kept: LintMessage[] = [];
		for (const m of messages) {
			if (!isSuppressible(m)) {
				kept.push(m);
				continue;
			}
			const id = m.ruleId!;
			state.total.set(id, (state.total.get(id) ?? 0) + 1);
			const n = state.used.get(id) ?? 0;
			if (n < (state.budget.get(id) ?? 0)) {
				state.used.set(id, n + 1);
				state.removedErrors++;
				if (m.fix) state.removedFixable++;
				suppressed?.push(m);
			} else kept.push(m);
		}
		return kept;
	}

	/** Recorded counts no error used, per rule, or undefined. */
	unused(filePath: string): Record<string, { count: number }> | undefined {
		const state = this.records(filePath);
		if (!state) return undefined;
		let left: Record<string, { count: number }> | undefined;
		for (const [id, count] of state.budget) {
			const n = count - (state.total.get(id) ?? 0);
			if (n > 0) (left ??= {})[id] = { count: n };
		}
		return left;
	}
}

/** Lowers recorded counts to what still occurs and drops entries that reach zero. */
export function pruneSuppressions(existing: Suppressions, unused: Suppressions): Suppressions {
	const out = structuredClone(existing);
	for (const [file, rules] of Object.entries(unused)) {
		for (const [ruleId, { count }] of Object.entries(rules)) {
			const entry = out[file]?.[ruleId];
			if (!entry) continue;
			entry.count -= count;
			if (entry.count <= 0) delete out[file][ruleId];
		}
		if (out[file] && Object.keys(out[file]).length === 0) delete out[file];
	}
	return out;
}

export interface SuppressionOptions {
	cwd: string;
	/** `--suppressions-location`; when given, the file must exist unless this run creates it. */
	location?: string;
	suppressAll?: boolean;
	suppressRules?: readonly string[];
	prune?: boolean;
	isKnownRule?: (id: string) => boolean;
}

export interface SuppressionOutcome {
	results: LintResult[];
	/** Lines for stderr: what was written, and whether pruning would help. */
	notes: string[];
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The suppressions file this run reads: `--suppressions-location` must exist unless this run writes it. */
export function readSuppressionsFor(options: SuppressionOptions): { path: string; suppressions: Suppressions } {
	const path = resolve(options.cwd, options.location ?? SUPPRESSIONS_FILENAME);
	const writing = Boolean(options.suppressAll || options.suppressRules?.length || options.prune);
	if (options.location && !writing && !existsSync(path)) {
		throw new ConfigError(`suppressions file ${path} does not exist. Create it with --suppress-all or --suppress-rule.`);
	}
	return { path, suppressions: loadSuppressions(path) };
}

const UNUSED_NOTE = "corpuslint: some suppressed errors do not occur anymore. Run again with --prune-suppressions to lower the recorded counts.";

/** The whole `--suppress-*` / `--prune-suppressions` flow after linting, as the CLI runs it. */
export function runSuppressions(results: LintResult[], options: SuppressionOptions): SuppressionOutcome {
	const notes: string[] = [];
	const unknown = options.suppressRules?.find((id) => options.isKnownRule && !options.isKnownRule(id));
	if (unknown) throw new ConfigError(`--suppress-rule: unknown rule "${unknown}"`);
	let { path, suppressions } = readSuppressionsFor(options);
	if (options.suppressAll || options.suppressRules?.length) {
		suppressions = recordSuppressions(suppressions, results, options.cwd, options.suppressAll ? undefined : options.suppressRules);
		saveSuppressions(path, suppressions);
		const count = Object.values(suppressions).reduce((n, rules) => n + Object.values(rules).reduce((k, r) => k + r.count, 0), 0);
		notes.push(`corpuslint: ${path} now suppresses ${plural(count, "error")} in ${plural(Object.keys(suppressions).length, "file")}.`);
	}
	let applied = applySuppressions(results, suppressions, options.cwd);
	if (options.prune) {
		suppressions = pruneSuppressions(suppressions, applied.unused);
		saveSuppressions(path, suppressions);
		const pruned = Object.values(applied.unused).reduce((n, rules) => n + Object.values(rules).reduce((k, r) => k + r.count, 0), 0);
		notes.push(`corpuslint: pruned ${plural(pruned, "suppression")} that no longer occur from ${path}.`);
		applied = applySuppressions(results, suppressions, options.cwd);
	} else if (Object.keys(applied.unused).length > 0) {
		notes.push(UNUSED_NOTE);
	}
	return { results: applied.results, notes };
}

/**
 * Suppressions applied while documents stream (`--format jsonl`), where findings
 * are written as they come and never kept: each document's errors go through the
 * same running count as applySuppressions (documents in file order, messages in
 * document order), so the output equals the kept-results path.
 */
export class StreamedSuppressions {
	readonly #counter: SuppressionCounter;

	constructor(
		private readonly suppressions: Suppressions,
		cwd: string,
	) {
		this.#counter = new SuppressionCounter(suppressions, cwd);
	}

	/** True when no file has recorded errors: nothing to filter. */
	get empty(): boolean {
		return Object.keys(this.suppressions).length === 0;
	}

	/** One document's messages without its suppressed errors. */
	filter(filePath: string, messages: LintMessage[]): LintMessage[] {
		return this.#counter.filter(filePath, messages);
	}

	/** After the run: the results' counts without the suppressed errors, and the note on unused counts. */
	finish(results: LintResult[]): SuppressionOutcome {
		let unused = false;
		const out = results.map((result) => {
			const state = this.#counter.records(result.filePath);
			if (!state) return result;
			if (this.#counter.unused(result.filePath)) unused = true;
			return { ...result, errorCount: result.errorCount - state.removedErrors, fixableErrorCount: result.fixableErrorCount - state.removedFixable };
		});
		return { results: out, notes: unused ? [UNUSED_NOTE] : [] };
	}
}
