/**
 * Reads the labelled fixtures (fixtures/<rule>/*.expected.json) and matches
 * findings against labels. Shared by the accuracy benchmark and the fixture
 * tests so both judge a finding the same way.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { packageRoot } from "../src/package-root.js";
import type { LintMessage } from "../src/engine/types.js";

export interface ExpectedFinding {
	line: number;
	messageId?: string;
	/** Optional: the finding must cover this column of the line. */
	column?: number;
	note?: string;
}

export interface LabelledCase {
	rule: string;
	path: string;
	text: string;
	findings: ExpectedFinding[];
	/** Kept out of tuning; report numbers on these separately. */
	holdout: boolean;
	/** Expected text after fixing with this rule alone, when the case states it. */
	fixed?: string;
	/** The test suite asserts exactly these findings (behaviour fixtures); others only feed the benchmark. */
	strict: boolean;
}

interface ExpectedFile {
	/** Path of the text relative to the repository root; default: the .txt beside the label file. */
	source?: string;
	rule?: string;
	holdout?: boolean;
	strict?: boolean;
	findings: ExpectedFinding[];
}

const fixturesDir = join(packageRoot, "fixtures");

export function loadLabelledCases(): LabelledCase[] {
	const cases: LabelledCase[] = [];
	if (!existsSync(fixturesDir)) return cases;
	for (const dir of readdirSync(fixturesDir, { withFileTypes: true })) {
		if (!dir.isDirectory() || dir.name === "clean") continue;
		walk(join(fixturesDir, dir.name), dir.name, cases);
	}
	return cases.sort((a, b) => a.path.localeCompare(b.path));
}

function walk(dir: string, rule: string, out: LabelledCase[]): void {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) {
			walk(full, rule, out);
			continue;
		}
		if (!entry.name.endsWith(".expected.json")) continue;
		const label = JSON.parse(readFileSync(full, "utf8")) as ExpectedFile;
		const base = full.slice(0, -".expected.json".length);
		const textPath = label.source ? join(packageRoot, label.source) : `${base}.txt`;
		const fixedPath = `${base}.fixed.txt`;
		out.push({
			rule: label.rule ?? rule,
			path: relative(packageRoot, textPath),
			text: readFileSync(textPath, "utf8"),
			findings: label.findings,
			holdout: label.holdout ?? full.includes("/holdout/"),
			fixed: existsSync(fixedPath) ? readFileSync(fixedPath, "utf8") : undefined,
			strict: label.strict ?? false,
		});
	}
}

export interface CleanText {
	path: string;
	text: string;
	/** Findings that are genuine on this "clean" text (labelled in fixtures/clean/allowed/<rule>.json). */
	allowed: Array<ExpectedFinding & { rule: string }>;
}

/** The clean corpus: seeds 002–004 and fixtures/clean/*.txt. */
export function loadCleanTexts(): CleanText[] {
	const paths = readdirSync(join(packageRoot, "seeds"))
		.filter((f) => /^00[234]_/u.test(f))
		.map((f) => join(packageRoot, "seeds", f));
	const cleanDir = join(fixturesDir, "clean");
	if (existsSync(cleanDir)) {
		for (const f of readdirSync(cleanDir).sort()) if (f.endsWith(".txt")) paths.push(join(cleanDir, f));
	}
	// fixtures/clean/allowed/<rule>.json: { "<path>": [{ "line": 3, ... }] } — genuine findings on clean text.
	const allowed: Record<string, Array<ExpectedFinding & { rule: string }>> = {};
	const allowedDir = join(cleanDir, "allowed");
	if (existsSync(allowedDir)) {
		for (const f of readdirSync(allowedDir).filter((n) => n.endsWith(".json"))) {
			const rule = f.slice(0, -".json".length);
			const byPath = JSON.parse(readFileSync(join(allowedDir, f), "utf8")) as Record<string, ExpectedFinding[]>;
			for (const [p, list] of Object.entries(byPath)) (allowed[p] ??= []).push(...list.map((e) => ({ ...e, rule })));
		}
	}
	return paths.map((p) => {
		const rel = relative(packageRoot, p);
		return { path: rel, text: readFileSync(p, "utf8"), allowed: allowed[rel] ?? [] };
	});
}

/**
 * One finding answers one label: same line (the label's line lies within the
 * finding's lines), same messageId when the label names one, and covering the
 * label's column when it names one.
 */
export function matchFindings(messages: readonly LintMessage[], expected: readonly ExpectedFinding[]) {
	const used = new Set<number>();
	const matched: LintMessage[] = [];
	const missed: ExpectedFinding[] = [];
	for (const e of expected) {
		const i = messages.findIndex((m, idx) => !used.has(idx) && answers(m, e));
		if (i === -1) missed.push(e);
		else {
			used.add(i);
			matched.push(messages[i]);
		}
	}
	const falsePositives = messages.filter((_, idx) => !used.has(idx));
	return { matched, falsePositives, missed };
}

function answers(m: LintMessage, e: ExpectedFinding): boolean {
	const endLine = m.endLine ?? m.line;
	if (e.line < m.line || e.line > endLine) return false;
	if (e.messageId && m.messageId !== e.messageId) return false;
	if (e.column !== undefined) {
		const startCol = e.line === m.line ? m.column : 1;
		const endCol = e.line === endLine ? (m.endColumn ?? m.column + 1) : Infinity;
		if (e.column < startCol || e.column > Math.max(endCol - 1, startCol)) return false;
	}
	return true;
}
