import { relative, sep } from "node:path";
import type { LintMessage, LintResult, TextEdit } from "../engine/types.js";
import { VERSION } from "../version.js";
import { REPORT_CSS, REPORT_JS } from "./html-assets.js";
import { escapeHtml, renderText, type Span } from "./html-text.js";
import { LineIndex } from "./positions.js";
import type { Formatter, FormatterContext } from "./types.js";

/** Caps that keep the page quick to open for large batches; the page says when one applied. */
export const HTML_LIMITS = {
	/** Texts up to this size are shown whole; larger ones as windows around findings. */
	fullTextChars: 100_000,
	contextLines: 2,
	/** Characters of text shown inline per file and in the whole report. */
	inlineCharsPerFile: 200_000,
	inlineCharsTotal: 1_500_000,
	/** Findings listed (and highlighted) per file and in the whole report. */
	findingsPerFile: 2_000,
	findingsTotal: 20_000,
	/** JSONL documents shown with their text per file. */
	documentsPerFile: 300,
	/** Rows per chart. */
	chartRows: 20,
	/** Characters of context on each side of a fix preview. */
	previewContext: 16,
};

interface Preview {
	before: string;
	removed: string;
	inserted: string;
	after: string;
}

interface FindingData {
	file: number;
	rule: string;
	severity: 1 | 2;
	message: string;
	where: string;
	url?: string;
	fix?: Preview;
	/** Replacement text when the source is not available for a preview. */
	fixText?: string;
	suggestions?: Array<{ desc: string } & Partial<Preview>>;
}

function preview(text: string, edit: TextEdit): Preview {
	const [start, end] = edit.range;
	const n = HTML_LIMITS.previewContext;
	return {
		before: text.slice(Math.max(0, start - n), start),
		removed: text.slice(start, end),
		inserted: edit.text,
		after: text.slice(end, end + n),
	};
}

function displayPath(filePath: string, cwd: string): string {
	const rel = relative(cwd, filePath);
	return (rel && !rel.startsWith("..") ? rel : filePath).split(sep).join("/");
}

function where(m: LintMessage): string {
	if (m.docLine === undefined) return `${m.line}:${m.column}`;
	const id = m.docId === undefined || m.docId === null ? "" : ` [${m.docId}]`;
	return `line ${m.line}${id} ${m.docLine}:${m.docColumn ?? 1}`;
}

/**
 * The text of the JSONL document on one line: its `text` field, else its
 * longest top-level string (the formatter is not told which field was
 * linted; the longest string is the text field in every corpus layout we know).
 */
function documentText(jsonl: LineIndex, line: number): string | undefined {
	if (line < 1 || line > jsonl.lineCount) return undefined;
	let record: unknown;
	try {
		record = JSON.parse(jsonl.text.slice(jsonl.starts[line - 1], jsonl.ends[line - 1]));
	} catch {
		return undefined;
	}
	if (!record || typeof record !== "object" || Array.isArray(record)) return undefined;
	const values = record as Record<string, unknown>;
	if (typeof values.text === "string") return values.text;
	let best: string | undefined;
	for (const v of Object.values(values)) if (typeof v === "string" && (best === undefined || v.length > best.length)) best = v;
	return best;
}

function spanOf(m: LintMessage, id: number, lines: LineIndex): Span {
	const inDoc = m.docLine !== undefined;
	const line = inDoc ? m.docLine! : m.line;
	const column = inDoc ? (m.docColumn ?? 1) : m.column;
	const endLine = inDoc ? m.docEndLine : m.endLine;
	const endColumn = inDoc ? m.docEndColumn : m.endColumn;
	const start = lines.offsetOf(line, column);
	const end = endLine === undefined || endColumn === undefined ? start : Math.max(start, lines.offsetOf(endLine, endColumn));
	return { id, start, end, severity: m.severity === 2 ? 2 : 1, title: `${m.ruleId}: ${m.message}` };
}

function chart(title: string, rows: Array<{ label: string; href?: string; rule?: string; errors: number; warnings: number }>): string {
	const shownRows = rows.slice(0, HTML_LIMITS.chartRows);
	const rowHeight = 22;
	const labelWidth = 230;
	const barWidth = 300;
	const width = labelWidth + barWidth + 60;
	const height = Math.max(1, shownRows.length) * rowHeight + 4;
	const max = Math.max(1, ...shownRows.map((r) => r.errors + r.warnings));
	const bars = shownRows.map((r, i) => {
		const y = i * rowHeight + 2;
		const ew = (r.errors / max) * barWidth;
		const ww = (r.warnings / max) * barWidth;
		const label = r.label.length > 34 ? `…${r.label.slice(-33)}` : r.label;
		const text = `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(label)}</text>`;
		const linked = r.href ? `<a href="${escapeHtml(r.href)}">${text}</a>` : text;
		return (
			`<g${r.rule === undefined ? "" : ` class="pick" data-rule="${escapeHtml(r.rule)}"`}><title>${escapeHtml(`${r.label}: ${r.errors} errors, ${r.warnings} warnings`)}</title>${linked}` +
			`<rect class="bar-err" x="${labelWidth}" y="${y + 3}" width="${ew.toFixed(1)}" height="${rowHeight - 6}"/>` +
			`<rect class="bar-warn" x="${(labelWidth + ew).toFixed(1)}" y="${y + 3}" width="${ww.toFixed(1)}" height="${rowHeight - 6}"/>` +
			`<text x="${(labelWidth + ew + ww + 6).toFixed(1)}" y="${y + 14}" class="count">${r.errors + r.warnings}</text></g>`
		);
	});
	const more = rows.length > shownRows.length ? `<p class="muted">Top ${shownRows.length} of ${rows.length}.</p>` : "";
	const empty = rows.length === 0 ? `<text x="0" y="16">No findings.</text>` : "";
	return `<div class="chart"><h2>${escapeHtml(title)}</h2><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">${bars.join("")}${empty}</svg>${more}</div>`;
}

function scriptJson(value: unknown): string {
	// `<` would let `</script>` in a message end the script element; U+2028/9 are escaped for old parsers.
	return JSON.stringify(value).replace(/</gu, "\\u003c").replace(/\u2028/gu, "\\u2028").replace(/\u2029/gu, "\\u2029");
}

/** The list's rows are built by the page script from the data table when opened, keeping big reports light. */
function findingsList(first: number, count: number, total: number): string {
	const open = total <= 30 ? " open" : "";
	const more = total > count ? `<p class="muted doc">${total - count} more findings are not listed in this report.</p>` : "";
	return (
		`<details class="list" data-first="${first}" data-count="${count}"${open}><summary>${total} findings</summary>` +
		`<table class="findings"><thead><tr><th>Where</th><th>Severity</th><th>Message</th><th>Rule</th></tr></thead><tbody></tbody></table>${more}</details>`
	);
}

interface Budget {
	chars: number;
	findings: number;
	notes: Set<string>;
}

function renderFile(result: LintResult, fileIndex: number, path: string, context: FormatterContext, findings: FindingData[], budget: Budget): string {
	const messages = result.messages.filter((m) => m.severity > 0);
	const errors = messages.filter((m) => m.severity === 2).length;
	const warnings = messages.length - errors;
	const listed = messages.slice(0, Math.min(HTML_LIMITS.findingsPerFile, Math.max(0, budget.findings)));
	budget.findings -= listed.length;
	if (listed.length < messages.length) budget.notes.add(`Only the first ${HTML_LIMITS.findingsPerFile} findings of a file (and ${HTML_LIMITS.findingsTotal} in all) are listed.`);

	// After --fix-dry-run the remaining messages point into the fixed text, which is `output`.
	const source = result.output ?? context.getSource?.(result.filePath);
	const isJsonl = messages.some((m) => m.docLine !== undefined) || /\.jsonl$/iu.test(result.filePath);
	const sourceLines = source === undefined ? undefined : new LineIndex(source);

	// Text each finding's positions and fix ranges refer to: the file, or its JSONL document.
	const textCache = new Map<number, { text: string; lines: LineIndex } | undefined>();
	const textFor = (m: LintMessage): { text: string; lines: LineIndex } | undefined => {
		if (!sourceLines) return undefined;
		if (!isJsonl) return { text: source!, lines: sourceLines };
		if (m.docLine === undefined) return undefined;
		if (!textCache.has(m.line)) {
			const text = documentText(sourceLines, m.line);
			textCache.set(m.line, text === undefined ? undefined : { text, lines: new LineIndex(text) });
		}
		return textCache.get(m.line);
	};

	const rows: Array<{ id: number; m: LintMessage }> = [];
	const spansByText = new Map<number, Span[]>();
	for (const m of listed) {
		const id = findings.length;
		const url = m.ruleId ? context.rulesMeta[m.ruleId]?.docs?.url : undefined;
		const doc = textFor(m);
		const data: FindingData = { file: fileIndex, rule: m.ruleId ?? "(input)", severity: m.severity === 2 ? 2 : 1, message: m.message, where: where(m) };
		if (url) data.url = url;
		if (m.fix) {
			if (doc) data.fix = preview(doc.text, m.fix);
			else data.fixText = m.fix.text;
		}
		if (m.suggestions?.length) data.suggestions = m.suggestions.map((s) => (doc ? { desc: s.desc, ...preview(doc.text, s.fix) } : { desc: s.desc }));
		findings.push(data);
		rows.push({ id, m });
		if (doc && m.ruleId !== null) {
			const key = isJsonl ? m.line : 0;
			let spans = spansByText.get(key);
			if (!spans) spansByText.set(key, (spans = []));
			spans.push(spanOf(m, id, doc.lines));
		}
	}

	let texts = "";
	let fileChars = Math.min(HTML_LIMITS.inlineCharsPerFile, budget.chars);
	const hidden = new Set<number>();
	if (source === undefined) {
		if (messages.length > 0) texts = `<p class="muted doc">Source text not available; findings are listed above.</p>`;
	} else if (!isJsonl) {
		const full = source.length <= HTML_LIMITS.fullTextChars;
		if (!full) budget.notes.add(`Files over ${HTML_LIMITS.fullTextChars.toLocaleString("en")} characters show ${HTML_LIMITS.contextLines} lines around each finding, not the whole text.`);
		const spans = spansByText.get(0) ?? [];
		// A whole text is worth showing only with its findings highlighted in it.
		if (spans.length > 0) {
			const rendered = renderText(source, spans, { full, contextLines: HTML_LIMITS.contextLines, budget: fileChars }, sourceLines);
			fileChars -= rendered.renderedChars;
			budget.chars -= rendered.renderedChars;
			for (const id of rendered.hidden) hidden.add(id);
			texts = `<div class="doc">${rendered.html}</div>`;
		}
	} else {
		let shownDocs = 0;
		for (const [line, spans] of spansByText) {
			if (shownDocs >= HTML_LIMITS.documentsPerFile || fileChars <= 0) {
				for (const s of spans) hidden.add(s.id);
				budget.notes.add(`At most ${HTML_LIMITS.documentsPerFile} JSONL documents per file are shown with their text.`);
				continue;
			}
			const doc = textCache.get(line)!;
			const full = doc.text.length <= HTML_LIMITS.fullTextChars;
			const rendered = renderText(doc.text, spans, { full, contextLines: HTML_LIMITS.contextLines, budget: fileChars }, doc.lines);
			fileChars -= rendered.renderedChars;
			budget.chars -= rendered.renderedChars;
			for (const id of rendered.hidden) hidden.add(id);
			const m = rows.find((r) => r.id === spans[0].id)!.m;
			const id = m.docId === undefined || m.docId === null ? "" : ` ${escapeHtml(String(m.docId))}`;
			texts += `<div class="doc"><h4>Document${id} <span class="muted">(JSONL line ${line})</span></h4>${rendered.html}</div>`;
			shownDocs++;
		}
	}
	if (hidden.size > 0) budget.notes.add(`Inline text is capped at ${HTML_LIMITS.inlineCharsPerFile.toLocaleString("en")} characters per file; findings beyond it are in the lists only.`);

	const list = messages.length ? findingsList(rows.length ? rows[0].id : findings.length, rows.length, messages.length) : "";
	const docs = result.documentCount !== undefined && isJsonl ? `<span class="muted">${result.documentCount} documents</span>` : "";
	return (
		`<section class="file" id="file-${fileIndex}" data-errors="${errors}" data-warnings="${warnings}">` +
		`<header><h3>${escapeHtml(path)}</h3><span class="sev s2">${errors} errors</span><span class="sev s1">${warnings} warnings</span>${docs}</header>` +
		`${list}${texts}</section>`
	);
}

/**
 * One self-contained HTML page (inline CSS, JS and SVG; no network): counts
 * and charts per rule and per file, then each file's text with the findings
 * highlighted. Hovering a highlight shows its message; clicking it (or a row
 * of the findings list) opens the details panel with fix previews.
 */
export const html: Formatter = (results, context) => {
	const paths = results.map((r) => displayPath(r.filePath, context.cwd));
	const all = results.flatMap((r) => r.messages.filter((m) => m.severity > 0));
	const errors = all.filter((m) => m.severity === 2).length;
	const warnings = all.length - errors;
	const fixable = all.filter((m) => m.fix).length;

	const byRule = new Map<string, { errors: number; warnings: number }>();
	for (const m of all) {
		const key = m.ruleId ?? "(input)";
		const c = byRule.get(key) ?? { errors: 0, warnings: 0 };
		if (m.severity === 2) c.errors++;
		else c.warnings++;
		byRule.set(key, c);
	}
	const ruleRows = [...byRule]
		.map(([label, c]) => ({ label, rule: label, ...c }))
		.sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || (a.label < b.label ? -1 : 1));
	const fileRows = results
		.map((r, i) => {
			const ms = r.messages.filter((m) => m.severity > 0);
			const e = ms.filter((m) => m.severity === 2).length;
			return { label: paths[i], href: `#file-${i}`, errors: e, warnings: ms.length - e };
		})
		.filter((r) => r.errors + r.warnings > 0)
		.sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || (a.label < b.label ? -1 : 1));

	const findings: FindingData[] = [];
	const budget: Budget = { chars: HTML_LIMITS.inlineCharsTotal, findings: HTML_LIMITS.findingsTotal, notes: new Set() };
	const sections: string[] = [];
	const clean: string[] = [];
	results.forEach((r, i) => {
		if (r.messages.some((m) => m.severity > 0)) sections.push(renderFile(r, i, paths[i], context, findings, budget));
		else clean.push(`<li>${escapeHtml(paths[i])}</li>`);
	});
	const notes = [...budget.notes].map((n) => `<p class="note">${escapeHtml(n)}</p>`).join("");
	const card = (id: string, label: string, value: number, cls = "") => `<div class="card ${cls}"><b id="${id}">${value}</b>${label}</div>`;
	const documents = results.reduce((n, r) => n + (r.documentCount ?? 0), 0);
	const filesWithFindings = fileRows.length;

	return `<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>corpuslint report: ${all.length} findings in ${filesWithFindings} of ${results.length} files</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>corpuslint report</h1>
<p class="muted">corpuslint ${escapeHtml(VERSION)} · ${results.length} files${documents ? ` · ${documents} JSONL documents` : ""}</p>
<div class="cards">
${card("sum-files", "files linted", results.length)}
${card("sum-files-with-findings", "files with findings", filesWithFindings)}
${card("sum-findings", "findings", all.length)}
${card("sum-errors", "errors", errors, "err")}
${card("sum-warnings", "warnings", warnings, "warn")}
${card("sum-fixable", "fixable", fixable)}
</div>
<div class="charts">
${chart("Findings per rule", ruleRows)}
${chart("Findings per file", fileRows)}
</div>
<div class="filters" role="group" aria-label="Filter findings">
<label>Rule <select id="filter-rule"><option value="">all rules</option>${ruleRows.map((r) => `<option value="${escapeHtml(r.label)}">${escapeHtml(r.label)} (${r.errors + r.warnings})</option>`).join("")}</select></label>
<label><input type="checkbox" id="filter-s2" checked> errors</label>
<label><input type="checkbox" id="filter-s1" checked> warnings</label>
<span id="filter-count" class="muted"></span>
</div>
${notes}
${sections.join("\n")}
${clean.length ? `<details class="clean"><summary>${clean.length} files without findings</summary><ul>${clean.join("")}</ul></details>` : ""}
</main>
<aside id="details" aria-live="polite"><div id="nav"><button id="prev" type="button" title="Previous finding (k)">◀ previous</button> <button id="next" type="button" title="Next finding (j)">next ▶</button></div><h2>Details</h2><p class="muted">Click a highlighted passage or a row of a findings list to see the finding, its rule and the fix.</p></aside>
<script type="application/json" id="report-data">${scriptJson({ files: paths, findings })}</script>
<script>${REPORT_JS}</script>
</body>
</html>
`;
};
