import { isAbsolute, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { LintMessage, TextEdit } from "../engine/types.js";
import { VERSION } from "../version.js";
import { LineIndex } from "./positions.js";
import type { Formatter, FormatterContext } from "./types.js";

const SRCROOT = "%SRCROOT%";
const INFORMATION_URI = "https://github.com/corpuslint/corpuslint";

type Level = "error" | "warning";
type Json = Record<string, unknown>;

function level(m: LintMessage): Level {
	return m.severity === 2 ? "error" : "warning";
}

/** A relative URI reference for a path under `cwd` (resolved against %SRCROOT%), else an absolute file URI. */
function artifactLocation(filePath: string, cwd: string): Json {
	const rel = relative(cwd, filePath);
	if (rel && !rel.startsWith("..") && !isAbsolute(rel)) {
		return { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
	}
	return { uri: pathToFileURL(filePath).href };
}

function region(line: number, column?: number, endLine?: number, endColumn?: number): Json {
	const r: Json = { startLine: line };
	if (column !== undefined) r.startColumn = column;
	if (endLine !== undefined) r.endLine = endLine;
	if (endColumn !== undefined) r.endColumn = endColumn;
	return r;
}

/**
 * A fix as a SARIF replacement. Character offsets always (the engine's ranges
 * are UTF-16 offsets into the decoded text, matching `columnKind`); line and
 * column too when the source is at hand, since some viewers only read those.
 */
function replacement(edit: TextEdit, lines: LineIndex | undefined): Json {
	const deletedRegion: Json = { charOffset: edit.range[0], charLength: edit.range[1] - edit.range[0] };
	if (lines) {
		const start = lines.positionOf(edit.range[0]);
		const end = lines.positionOf(edit.range[1]);
		Object.assign(deletedRegion, { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column });
	}
	return { deletedRegion, insertedContent: { text: edit.text } };
}

function fixes(m: LintMessage, location: Json, lines: LineIndex | undefined): Json[] {
	const out: Json[] = [];
	const change = (edit: TextEdit) => ({ artifactLocation: location, replacements: [replacement(edit, lines)] });
	if (m.fix) out.push({ description: { text: `Fix: ${m.message}` }, artifactChanges: [change(m.fix)] });
	for (const s of m.suggestions ?? []) out.push({ description: { text: s.desc }, artifactChanges: [change(s.fix)] });
	return out;
}

/**
 * Properties for a finding inside a JSONL document. SARIF can only point at
 * the JSONL line, so the document id and the position inside the document's
 * text go here. Fixes are described here too instead of as SARIF `fixes`:
 * their ranges are offsets into the decoded text field, not into the file, so
 * a SARIF consumer applying them to the file would corrupt it.
 */
function documentProperties(m: LintMessage): Json {
	const props: Json = {
		documentId: m.docId ?? null,
		documentRegion: region(m.docLine!, m.docColumn, m.docEndLine, m.docEndColumn),
	};
	if (m.fix) props.documentFix = { range: m.fix.range, text: m.fix.text };
	if (m.suggestions?.length) props.documentSuggestions = m.suggestions.map((s) => ({ desc: s.desc, range: s.fix.range, text: s.fix.text }));
	return props;
}

function ruleDescriptor(id: string, defaultLevel: Level, context: FormatterContext): Json {
	const meta = context.rulesMeta[id];
	const descriptor: Json = { id };
	if (meta?.docs?.description) descriptor.shortDescription = { text: meta.docs.description };
	if (meta?.docs?.url) descriptor.helpUri = meta.docs.url;
	descriptor.defaultConfiguration = { level: defaultLevel };
	const properties: Json = {};
	if (meta?.type) properties.type = meta.type;
	if (meta?.fixable) properties.fixable = meta.fixable;
	if (meta?.hasSuggestions) properties.hasSuggestions = true;
	if (Object.keys(properties).length > 0) descriptor.properties = properties;
	return descriptor;
}

/**
 * SARIF 2.1.0 (GitHub code scanning, Azure DevOps, VS Code's SARIF viewer).
 * `tool.driver.rules` lists the rules that reported, each at the most severe
 * level it was run with. Findings without a rule (unreadable input, a broken
 * JSONL line) are tool execution notifications, as the spec intends for
 * problems the tool had rather than problems it found.
 */
export const sarif: Formatter = (results, context) => {
	const ruleLevels = new Map<string, Level>();
	for (const result of results) {
		for (const m of result.messages) {
			if (m.ruleId === null || m.severity === 0) continue;
			if (ruleLevels.get(m.ruleId) !== "error") ruleLevels.set(m.ruleId, level(m));
		}
	}
	const ruleIds = [...ruleLevels.keys()].sort();
	const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));

	const sarifResults: Json[] = [];
	const notifications: Json[] = [];
	for (const result of results) {
		const location = artifactLocation(result.filePath, context.cwd);
		let lines: LineIndex | undefined;
		let linesLoaded = false;
		const lineIndex = () => {
			if (!linesLoaded) {
				const source = result.output ?? context.getSource?.(result.filePath);
				lines = source === undefined ? undefined : new LineIndex(source);
				linesLoaded = true;
			}
			return lines;
		};
		for (const m of result.messages) {
			if (m.severity === 0) continue;
			const inDocument = m.docLine !== undefined;
			const physicalLocation = {
				artifactLocation: location,
				region: inDocument ? region(m.line) : region(m.line, m.column, m.endLine, m.endColumn),
			};
			if (m.ruleId === null) {
				const notification: Json = { level: level(m), message: { text: m.message }, locations: [{ physicalLocation }] };
				if (m.docId !== undefined) notification.properties = { documentId: m.docId };
				notifications.push(notification);
				continue;
			}
			const entry: Json = {
				ruleId: m.ruleId,
				ruleIndex: ruleIndex.get(m.ruleId),
				level: level(m),
				message: { text: m.message },
				locations: [{ physicalLocation }],
			};
			if (inDocument) {
				entry.properties = documentProperties(m);
			} else if (m.fix || m.suggestions?.length) {
				entry.fixes = fixes(m, location, lineIndex());
			}
			sarifResults.push(entry);
		}
	}

	const log = {
		$schema: "https://json.schemastore.org/sarif-2.1.0.json",
		version: "2.1.0",
		runs: [
			{
				tool: {
					driver: {
						name: "corpuslint",
						version: VERSION,
						informationUri: INFORMATION_URI,
						rules: ruleIds.map((id) => ruleDescriptor(id, ruleLevels.get(id)!, context)),
					},
				},
				invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
				originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.cwd.endsWith(sep) ? context.cwd : context.cwd + sep).href } },
				columnKind: "utf16CodeUnits",
				results: sarifResults,
			},
		],
	};
	// Unindented: logs of large batches run to tens of megabytes, and upload limits count bytes.
	return JSON.stringify(log);
};
