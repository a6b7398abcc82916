import { relative, sep } from "node:path";
import type { LintMessage } from "../engine/types.js";
import type { Formatter } from "./types.js";

// The escaping of @actions/core's `issueCommand` (toolkit/packages/core/src/command.ts):
// the runner splits a command on `::` and its properties on `,` and `=`, so those
// characters (and newlines, which end a command) must be percent-encoded.
export function escapeData(s: string): string {
	return s.replace(/%/gu, "%25").replace(/\r/gu, "%0D").replace(/\n/gu, "%0A");
}

export function escapeProperty(s: string): string {
	return escapeData(s).replace(/:/gu, "%3A").replace(/,/gu, "%2C");
}

function annotationText(m: LintMessage): string {
	if (m.docLine === undefined) return m.message;
	const id = m.docId === undefined || m.docId === null ? "" : `[${m.docId}] `;
	return `${id}${m.message} (document text ${m.docLine}:${m.docColumn ?? 1})`;
}

/**
 * GitHub Actions workflow commands (`::error file=…::message`), which the
 * runner turns into annotations on the changed files. For JSONL corpora the
 * annotation points at the JSONL line; the document id and the position inside
 * its text are part of the message, since an annotation has no other place for them.
 */
export const github: Formatter = (results, context) => {
	let output = "";
	for (const result of results) {
		const file = (relative(context.cwd, result.filePath) || result.filePath).split(sep).join("/");
		for (const m of result.messages) {
			if (m.severity === 0) continue;
			const props: Array<[string, string | number | undefined]> = [
				["file", file],
				["line", m.line],
				["col", m.column],
				// Positions inside a JSONL document's text are not columns of the JSONL line.
				["endLine", m.docLine === undefined ? m.endLine : undefined],
				["endColumn", m.docLine === undefined ? m.endColumn : undefined],
				["title", m.ruleId ?? "corpuslint"],
			];
			const list = props
				.filter(([, v]) => v !== undefined)
				.map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
				.join(",");
			output += `::${m.severity === 2 ? "error" : "warning"} ${list}::${escapeData(annotationText(m))}\n`;
		}
	}
	return output;
};
