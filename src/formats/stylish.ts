import { Chalk } from "chalk";
import { relative } from "node:path";
import type { LintMessage } from "../engine/types.js";
import type { Formatter } from "./types.js";

function pluralize(word: string, count: number): string {
	return count === 1 ? word : `${word}s`;
}

function position(m: LintMessage): string {
	if (m.docLine === undefined) return `${m.line}:${m.column}`;
	return `${m.line}:${m.docLine}:${m.docColumn}`;
}

/**
 * ESLint's stylish layout: findings grouped by file, one aligned row each.
 * For JSONL documents the position is `jsonlLine:lineInText:column` and the
 * document id is shown before the message.
 */
export const stylish: Formatter = (results, context) => {
	const c = new Chalk({ level: context.color ? 1 : 0 });
	let output = "";
	let errors = 0;
	let warnings = 0;
	let fixableErrors = 0;
	let fixableWarnings = 0;
	for (const result of results) {
		if (result.messages.length === 0) continue;
		errors += result.errorCount;
		warnings += result.warningCount;
		fixableErrors += result.fixableErrorCount;
		fixableWarnings += result.fixableWarningCount;
		const rows = result.messages.map((m) => [
			"",
			position(m),
			m.severity === 2 ? c.red("error") : c.yellow("warning"),
			(m.docId !== undefined && m.docId !== null ? c.cyan(`[${m.docId}] `) : "") + m.message.replace(/([^ ])\.$/u, "$1"),
			c.dim(m.ruleId ?? ""),
		]);
		const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => stripAnsi(r[i]).length)));
		output += `\n${c.underline(relative(context.cwd, result.filePath) || result.filePath)}\n`;
		for (const r of rows) {
			output += `${r.map((cell, i) => (i < 4 ? cell + " ".repeat(widths[i] - stripAnsi(cell).length) : cell)).join("  ")}\n`;
		}
	}
	const total = errors + warnings;
	if (total === 0) return "";
	const colour = errors > 0 ? c.red : c.yellow;
	output += `\n${colour.bold(`✖ ${total} ${pluralize("problem", total)} (${errors} ${pluralize("error", errors)}, ${warnings} ${pluralize("warning", warnings)})`)}\n`;
	if (fixableErrors + fixableWarnings > 0) {
		output += colour.bold(
			`  ${fixableErrors} ${pluralize("error", fixableErrors)} and ${fixableWarnings} ${pluralize("warning", fixableWarnings)} potentially fixable with the \`--fix\` option.\n`,
		);
	}
	return output;
};

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/gu;
function stripAnsi(s: string): string {
	return s.replace(ANSI, "");
}
