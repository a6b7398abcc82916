/**
 * `npm run bench:regex`: feeds every rule single lines built from the
 * patterns most likely to make a regular expression backtrack (long runs of
 * one character, alternations that almost match, unclosed brackets, …) and
 * prints MB/s per rule, the slowest pattern of each rule, and whether time
 * grows faster than the input (a quadrupled line should take about four
 * times as long; a backtracking regex takes sixteen times or more).
 *
 *   npm run bench:regex -- [--mb 1] [--rule id]... [--pattern name]...
 *
 * The same patterns drive test/reliability/regex-safety.test.ts.
 */
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { builtinRules } from "../rules/index.js";
import { resolveRules } from "../src/api.js";
import { lintDocument } from "../src/engine/linter.js";

/** name → the unit repeated to fill the line (optionally with a head and a tail that almost match). */
export const ADVERSARIAL: ReadonlyArray<{ name: string; unit: string; head?: string; tail?: string }> = [
	{ name: "spaces", unit: " ", head: "a", tail: "x" },
	{ name: "spaces then CJK", unit: " ", tail: "中" },
	{ name: "ideographic spaces", unit: "\u3000", tail: "正文" },
	{ name: "tabs", unit: "\t", tail: "x" },
	{ name: "nbsp", unit: "\u00a0", tail: "中" },
	{ name: "one CJK char", unit: "中" },
	{ name: "CJK and space", unit: "中 " },
	{ name: "CJK and zero-width", unit: "中\u200b" },
	{ name: "full stops", unit: "。" },
	{ name: "CJK commas", unit: "，" },
	{ name: "ellipses", unit: "……" },
	{ name: "dashes", unit: "—" },
	{ name: "ASCII dots", unit: "." },
	{ name: "ASCII commas", unit: "," },
	{ name: "exclamations", unit: "!" },
	{ name: "digits and dots", unit: "1.", tail: "x" },
	{ name: "version numbers", unit: "1.2.3 " },
	{ name: "decimal runs", unit: "12.34", tail: "." },
	{ name: "a-comma", unit: "a,", tail: "!" },
	{ name: "CJK-comma", unit: "中,", tail: "." },
	{ name: "straight double quotes", unit: '"' },
	{ name: "straight single quotes", unit: "'" },
	{ name: "curly quotes open", unit: "“" },
	{ name: "curly quotes pairs", unit: "“”" },
	{ name: "open paren full", unit: "（" },
	{ name: "open paren with text", unit: "（a" },
	{ name: "close paren ascii", unit: ")" },
	{ name: "book title marks", unit: "《" },
	{ name: "backticks", unit: "`" },
	{ name: "long Latin word", unit: "a" },
	{ name: "Latin words", unit: "word " },
	{ name: "full-width Latin", unit: "Ａ" },
	{ name: "full-width digits and dot", unit: "１." },
	{ name: "URL-ish dotted", unit: "a.", head: "www." },
	{ name: "URL path", unit: "a/", head: "http://", tail: "。" },
	{ name: "e-mail-ish", unit: "a.", tail: "@" },
	{ name: "at signs", unit: "a@" },
	{ name: "emoji", unit: "😀" },
	{ name: "lone surrogates", unit: "\ud800" },
	{ name: "controls", unit: "\u0007" },
	{ name: "soft hyphens", unit: "\u00ad中" },
	{ name: "continuation markers", unit: "转第2版" },
	{ name: "upper-continued markers", unit: "（上接第一版）" },
	{ name: "editor credits", unit: "责任编辑：王明 " },
	{ name: "caption words", unit: "图为" },
	{ name: "mixed OCR soup", unit: "据新华社电  记者王明报道,今年１季度GDP增长5.3%……“经济 发展”（完）" },
];

/** A single line of about `bytes` UTF-8 bytes, ending in a newline. */
export function adversarialLine(p: (typeof ADVERSARIAL)[number], bytes: number): string {
	const unitBytes = Buffer.byteLength(p.unit, "utf8") || 3;
	return `${p.head ?? ""}${p.unit.repeat(Math.max(1, Math.floor(bytes / unitBytes)))}${p.tail ?? ""}\n`;
}

/** Milliseconds one rule takes on one text. */
export function timeRule(ruleId: string, text: string): number {
	const rules = resolveRules({ rules: { [ruleId]: "error" }, preset: null });
	const t0 = performance.now();
	lintDocument(text, rules, builtinRules);
	return performance.now() - t0;
}

function main(): void {
	const { values } = parseArgs({
		options: { mb: { type: "string", default: "1" }, rule: { type: "string", multiple: true }, pattern: { type: "string", multiple: true } },
	});
	const bytes = Math.round(Number(values.mb) * (1 << 20));
	const ruleIds = values.rule?.length ? values.rule : [...builtinRules.keys()];
	const patterns = values.pattern?.length ? ADVERSARIAL.filter((p) => values.pattern!.includes(p.name)) : ADVERSARIAL;
	const mb = bytes / (1 << 20);
	// Warm up each rule (lazy tables, dictionaries) so the first pattern is not charged for it.
	for (const id of ruleIds) timeRule(id, "正文。\n");

	const rows: Array<{ rule: string; totalMs: number; worst: { name: string; ms: number }; growth: { name: string; ratio: number } }> = [];
	for (const id of ruleIds) {
		let totalMs = 0;
		let worst = { name: "", ms: -1 };
		let growth = { name: "", ratio: 0 };
		for (const p of patterns) {
			// The quarter-size line twice: the first run pays for JIT warm-up on this shape of input.
			timeRule(id, adversarialLine(p, bytes / 4));
			const small = timeRule(id, adversarialLine(p, bytes / 4));
			const big = timeRule(id, adversarialLine(p, bytes));
			totalMs += big;
			if (big > worst.ms) worst = { name: p.name, ms: big };
			// Below 250 ms the ratio is noise (GC, JIT); a high one is re-measured (best of three) before it is believed,
			// since one GC pause in the big run can fake it.
			let ratio = big >= 250 ? big / Math.max(small, 1) : 0;
			if (ratio > 8) {
				const best = (b: number) => Math.min(...[0, 1, 2].map(() => timeRule(id, adversarialLine(p, b))));
				ratio = best(bytes) / Math.max(best(bytes / 4), 1);
			}
			if (ratio > growth.ratio) growth = { name: p.name, ratio };
			process.stderr.write(`${id.padEnd(22)} ${p.name.padEnd(26)} ${(mb / (big / 1000)).toFixed(1).padStart(8)} MB/s  ×4 size → ×${ratio ? ratio.toFixed(1) : "-"} time\n`);
		}
		rows.push({ rule: id, totalMs, worst, growth });
	}

	const lines = [
		`Adversarial single lines of ${mb} MB (${patterns.length} patterns), each rule alone:`,
		"",
		"| rule | MB/s over all patterns | slowest pattern | its MB/s | worst growth (×4 input) |",
		"|---|---:|---|---:|---|",
	];
	for (const r of rows) {
		const overall = (mb * patterns.length) / (r.totalMs / 1000);
		lines.push(
			`| ${r.rule} | ${overall.toFixed(1)} | ${r.worst.name} | ${(mb / (r.worst.ms / 1000)).toFixed(2)} | ${r.growth.ratio ? `×${r.growth.ratio.toFixed(1)} (${r.growth.name})` : "-"} |`,
		);
	}
	const slowest = rows.reduce((a, b) => (b.worst.ms > a.worst.ms ? b : a));
	lines.push("", `Slowest: ${slowest.rule} on "${slowest.worst.name}" at ${(mb / (slowest.worst.ms / 1000)).toFixed(2)} MB/s (${slowest.worst.ms.toFixed(0)} ms).`);
	const superlinear = rows.filter((r) => r.growth.ratio > 8);
	lines.push(
		superlinear.length
			? `Superlinear (×4 input took more than ×8 time): ${superlinear.map((r) => `${r.rule} on "${r.growth.name}" ×${r.growth.ratio.toFixed(1)}`).join("; ")}`
			: "No rule grew faster than linearly (×4 input never took more than ×8 time).",
	);
	console.log(lines.join("\n"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
