import { relative, sep } from "node:path";
import type { LintMessage } from "../engine/types.js";
import type { Formatter } from "./types.js";

// XML 1.0 allows only tab, LF, CR and U+0020 and above, minus lone surrogates and
// U+FFFE/U+FFFF; OCR-damaged text carries control characters, so they are dropped.
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function xmlEscape(value: string): string {
	return value.replace(ILLEGAL_XML, "").replace(/[&<>"']/gu, (c) => ENTITIES[c]);
}

/** Attribute values: newlines and tabs would be normalised to spaces by parsers, so keep them as references. */
function attr(value: string | number): string {
	return xmlEscape(String(value)).replace(/\n/gu, "&#10;").replace(/\r/gu, "&#13;").replace(/\t/gu, "&#9;");
}

function position(m: LintMessage): string {
	if (m.docLine === undefined) return `${m.line}:${m.column}`;
	const id = m.docId === undefined || m.docId === null ? "" : ` [${m.docId}]`;
	return `${m.line}${id} ${m.docLine}:${m.docColumn ?? 1}`;
}

/** Testcase name for findings that belong to no rule (unreadable input, bad JSONL line). */
const INPUT_CASE = "input";
/** Testcase a clean file passes, so dashboards list it. */
const CLEAN_CASE = "corpuslint";

/**
 * JUnit XML as CI dashboards read it (Jenkins, GitLab, Azure): a testsuite per
 * file, a testcase per rule that reported in it, and one `<failure>` per
 * finding (Jenkins' schema allows several per testcase). Findings without a
 * rule become `<error>`s of an `input` testcase. `failures`/`errors` count
 * testcases, as the schema means them, so they never exceed `tests`.
 */
export const junit: Formatter = (results, context) => {
	const suites: string[] = [];
	let totalTests = 0;
	let totalFailures = 0;
	let totalErrors = 0;
	for (const result of results) {
		const file = (relative(context.cwd, result.filePath) || result.filePath).split(sep).join("/");
		const byRule = new Map<string, LintMessage[]>();
		for (const m of result.messages) {
			if (m.severity === 0) continue;
			const key = m.ruleId ?? INPUT_CASE;
			let list = byRule.get(key);
			if (!list) byRule.set(key, (list = []));
			list.push(m);
		}
		const cases: string[] = [];
		let failures = 0;
		let errors = 0;
		for (const [rule, messages] of [...byRule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
			const isInput = messages[0].ruleId === null;
			if (isInput) errors++;
			else failures++;
			const body = messages
				.map((m) => {
					const element = m.ruleId === null ? "error" : "failure";
					const type = m.severity === 2 ? "error" : "warning";
					const text = `${file}:${position(m)} ${m.message}${m.ruleId ? ` (${m.ruleId})` : ""}`;
					return `      <${element} message="${attr(m.message)}" type="${type}">${xmlEscape(text)}</${element}>`;
				})
				.join("\n");
			cases.push(`    <testcase name="${attr(rule)}" classname="${attr(file)}" time="0">\n${body}\n    </testcase>`);
		}
		if (cases.length === 0) cases.push(`    <testcase name="${CLEAN_CASE}" classname="${attr(file)}" time="0" />`);
		totalTests += cases.length;
		totalFailures += failures;
		totalErrors += errors;
		suites.push(
			`  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="0">\n${cases.join("\n")}\n  </testsuite>`,
		);
	}
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<testsuites name="corpuslint" tests="${totalTests}" failures="${totalFailures}" errors="${totalErrors}">`,
		...suites,
		"</testsuites>",
		"",
	].join("\n");
};
