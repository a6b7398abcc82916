/**
 * Precision and recall of every rule on the labelled fixtures, and false
 * findings per 100 KB on clean text. Prints; asserts nothing.
 *
 *   npm run bench:accuracy [-- --rule NAME] [-- --holdout-only] [-- --verbose]
 *
 * Label format: see fixtures/README.md.
 */
import { parseArgs } from "node:util";
import { builtinRules } from "../rules/index.js";
import { loadCleanTexts, loadLabelledCases, matchFindings, type LabelledCase } from "./labels.js";
import { lintText } from "../src/api.js";

const { values } = parseArgs({
	options: {
		rule: { type: "string", multiple: true },
		"holdout-only": { type: "boolean", default: false },
		"tuning-only": { type: "boolean", default: false },
		verbose: { type: "boolean", short: "v", default: false },
	},
});

interface Tally {
	tp: number;
	fp: number;
	fn: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
const fmt = (x: number) => (Number.isNaN(x) ? "  -  " : x.toFixed(3));

const ruleIds = values.rule ?? [...builtinRules.keys()];
const cases = loadLabelledCases().filter(
	(c) => ruleIds.includes(c.rule) && (!values["holdout-only"] || c.holdout) && (!values["tuning-only"] || !c.holdout),
);
const clean = loadCleanTexts();

const perRule = new Map<string, Tally>();
const perSubtype = new Map<string, Tally>();
const add = (map: Map<string, Tally>, key: string, field: keyof Tally) => {
	if (!map.has(key)) map.set(key, tally());
	map.get(key)![field]++;
};

function evaluate(c: LabelledCase): void {
	const messages = lintText(c.text, { rules: { [c.rule]: "error" }, preset: null, filePath: c.path });
	const { matched, falsePositives, missed } = matchFindings(messages, c.findings);
	for (const m of matched) {
		add(perRule, c.rule, "tp");
		add(perSubtype, `${c.rule}/${m.messageId ?? "*"}`, "tp");
	}
	for (const m of falsePositives) {
		add(perRule, c.rule, "fp");
		add(perSubtype, `${c.rule}/${m.messageId ?? "*"}`, "fp");
		if (values.verbose) console.log(`  FP ${c.path}:${m.line}:${m.column} ${m.ruleId}/${m.messageId} ${m.message}`);
	}
	for (const e of missed) {
		add(perRule, c.rule, "fn");
		add(perSubtype, `${c.rule}/${e.messageId ?? "*"}`, "fn");
		if (values.verbose) console.log(`  FN ${c.path}:${e.line} ${c.rule}/${e.messageId ?? "*"} ${e.note ?? ""}`);
	}
}

for (const c of cases) {
	if (!perRule.has(c.rule)) perRule.set(c.rule, tally());
	evaluate(c);
}

const cleanBytes = clean.reduce((n, c) => n + Buffer.byteLength(c.text), 0);
const cleanFindings = new Map<string, number>();
for (const c of clean) {
	for (const rule of ruleIds) {
		const messages = lintText(c.text, { rules: { [rule]: "error" }, preset: null, filePath: c.path });
		const unlabelled = matchFindings(messages, c.allowed.filter((f) => f.rule === rule)).falsePositives;
		cleanFindings.set(rule, (cleanFindings.get(rule) ?? 0) + unlabelled.length);
		if (values.verbose) for (const m of unlabelled) console.log(`  CLEAN ${c.path}:${m.line}:${m.column} ${m.ruleId}/${m.messageId} ${m.message}`);
	}
}

const rows: string[][] = [["rule", "precision", "recall", "TP", "FP", "FN", "clean FP/100KB"]];
for (const rule of ruleIds) {
	const t = perRule.get(rule) ?? tally();
	const p = t.tp / (t.tp + t.fp);
	const r = t.tp / (t.tp + t.fn);
	const per100 = ((cleanFindings.get(rule) ?? 0) / cleanBytes) * 100 * 1024;
	rows.push([rule, fmt(p), fmt(r), String(t.tp), String(t.fp), String(t.fn), per100.toFixed(2)]);
	for (const [key, st] of [...perSubtype].filter(([k]) => k.startsWith(`${rule}/`)).sort()) {
		rows.push([`  ${key.slice(rule.length + 1)}`, fmt(st.tp / (st.tp + st.fp)), fmt(st.tp / (st.tp + st.fn)), String(st.tp), String(st.fp), String(st.fn), ""]);
	}
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "));
console.log(
	`\n${cases.length} labelled cases${values["holdout-only"] ? " (held-out only)" : ""}; clean text: ${clean.length} documents, ${(cleanBytes / 1024).toFixed(1)} KB`,
);
