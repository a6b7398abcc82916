import type { Formatter } from "./types.js";

/** One line per finding: `path: line N, col M, Error - message (rule)`, as ESLint's compact. */
export const compact: Formatter = (results) => {
	let out = "";
	let total = 0;
	for (const r of results) {
		for (const m of r.messages) {
			total++;
			const doc = m.docLine !== undefined ? ` (doc ${m.docId ?? "?"} ${m.docLine}:${m.docColumn})` : "";
			out += `${r.filePath}: line ${m.line}, col ${m.column}, ${m.severity === 2 ? "Error" : "Warning"} - ${m.message}${m.ruleId ? ` (${m.ruleId})` : ""}${doc}\n`;
		}
	}
	return total > 0 ? `${out}\n${total} problem${total === 1 ? "" : "s"}\n` : "";
};
