// The global `performance` is a lazy getter in Node 20, costly on every read; --stats reads it twice per listener call.
import { performance } from "node:perf_hooks";
import type { RuleTextEdit, RuleTextEditor, SourceLocation, SourceRange } from "@eslint/core";
import type { TextNode } from "../language/ast.js";
import { parseText } from "../language/parse.js";
import { TextSourceCode } from "../language/source-code.js";
import { applyFixes, attachEdits, compareLocations, mergeEdits } from "./source-fixer.js";
import { mergeDefaultOptions, validateRuleOptions } from "./rule-options.js";
import type { AnyRule, RuleRegistry } from "./rule-registry.js";
import type { FixType, LintMessage, LintSuggestion, ResolvedRules, TextEdit } from "./types.js";

export const MAX_FIX_PASSES = 10;

/** A rule threw: a bug in corpuslint, not in the input. */
export class RuleCrashError extends Error {
	override name = "RuleCrashError";
	constructor(
		readonly ruleId: string,
		readonly line: number,
		override readonly cause: unknown,
	) {
		super(`rule "${ruleId}" crashed at line ${line}: ${(cause as Error)?.message ?? String(cause)}`);
	}
}

export interface LintOptions {
	filename?: string;
	cwd?: string;
	/** Collect milliseconds spent per rule into this record. */
	stats?: Record<string, number>;
}

export interface FixOptions extends LintOptions {
	/** Only apply fixes of rules whose `meta.type` is listed (`--fix-type`). */
	fixTypes?: readonly FixType[];
}

export interface FixReport {
	output: string;
	fixed: boolean;
	messages: LintMessage[];
}

type Listener = (node: TextNode, parent: TextNode | undefined) => void;

/** The visitor keys the traversal calls, by index. */
const VISIT_KEYS = ["Document", "Paragraph", "Line", "Line:exit", "Paragraph:exit", "Document:exit"] as const;
const [DOCUMENT, PARAGRAPH, LINE, LINE_EXIT, PARAGRAPH_EXIT, DOCUMENT_EXIT] = [0, 1, 2, 3, 4, 5];

/** A template split at its `{{name}}` placeholders: literal, raw name, trimmed key, literal, … */
type ParsedTemplate = { literals: string[]; names: string[]; keys: string[] };
const parsedTemplates = new Map<string, ParsedTemplate>();

/** Finds placeholders as /\{\{([^{}]+)\}\}/g would, once per template. */
function parseTemplate(template: string): ParsedTemplate {
	const literals: string[] = [];
	const names: string[] = [];
	const keys: string[] = [];
	let literalStart = 0;
	for (let open = template.indexOf("{{"); open !== -1; ) {
		let end = open + 2;
		while (end < template.length && template[end] !== "{" && template[end] !== "}") end++;
		if (end > open + 2 && template.startsWith("}}", end)) {
			literals.push(template.slice(literalStart, open));
			const name = template.slice(open + 2, end);
			names.push(name);
			keys.push(name.trim());
			literalStart = end + 2;
			open = template.indexOf("{{", literalStart);
		} else open = template.indexOf("{{", open + 1);
	}
	literals.push(template.slice(literalStart));
	return { literals, names, keys };
}

function interpolate(template: string, data: Record<string, unknown> | undefined): string {
	// Most reports interpolate: skip the parse for the templates that have nothing to fill.
	if (!data || !template.includes("{{")) return template;
	let parsed = parsedTemplates.get(template);
	if (!parsed) {
		parsed = parseTemplate(template);
		// Templates come from rule metadata, a bounded set; a rule building them on the fly must not grow this forever.
		if (parsedTemplates.size < 1000) parsedTemplates.set(template, parsed);
	}
	const { literals, names, keys } = parsed;
	let out = literals[0];
	for (let k = 0; k < keys.length; k++) {
		const key = keys[k];
		out += (key in data ? String(data[key]) : `{{${names[k]}}}`) + literals[k + 1];
	}
	return out;
}

function makeFixer(sourceCode: TextSourceCode): RuleTextEditor<TextNode> {
	const edit = (range: SourceRange, text: string): RuleTextEdit => ({ range: [range[0], range[1]], text });
	return {
		insertTextAfter: (node, text) => edit([node.range[1], node.range[1]], text),
		insertTextAfterRange: (range, text) => edit([range[1], range[1]], text),
		insertTextBefore: (node, text) => edit([node.range[0], node.range[0]], text),
		insertTextBeforeRange: (range, text) => edit([range[0], range[0]], text),
		remove: (node) => edit(sourceCode.getRange(node), ""),
		removeRange: (range) => edit(range, ""),
		replaceText: (node, text) => edit(sourceCode.getRange(node), text),
		replaceTextRange: (range, text) => edit(range, text),
	};
}

type FixFunction = (fixer: RuleTextEditor<TextNode>) => RuleTextEdit | Iterable<RuleTextEdit> | null | undefined;

function runFix(
	fn: FixFunction | null | undefined,
	fixer: RuleTextEditor<TextNode>,
	text: string,
): { fix: TextEdit; edits: TextEdit[] } | undefined {
	if (typeof fn !== "function") return undefined;
	const result = fn(fixer);
	if (!result) return undefined;
	// One edit, alone or in a one-element array (the common cases): nothing to merge or sort.
	const single = Array.isArray(result) ? (result.length === 1 ? (result[0] as RuleTextEdit) : undefined) : !(Symbol.iterator in Object(result)) ? (result as RuleTextEdit) : undefined;
	if (single) {
		const e = single;
		const edit: TextEdit = { range: [e.range[0], e.range[1]], text: e.text };
		return { fix: edit, edits: [edit] };
	}
	const raw = [...(result as Iterable<RuleTextEdit>)];
	const edits: TextEdit[] = raw.map((e) => ({ range: [e.range[0], e.range[1]], text: e.text }));
	const fix = mergeEdits(text, edits);
	return fix && { fix, edits: edits.sort((a, b) => a.range[0] - b.range[0]) };
}

interface ReportDescriptor {
	node?: TextNode;
	loc?: SourceLocation | { line: number; column: number };
	messageId?: string;
	message?: string;
	data?: Record<string, unknown>;
	fix?: FixFunction | null;
	suggest?: Array<{ messageId?: string; desc?: string; data?: Record<string, unknown>; fix: FixFunction }> | null;
}

/** A report's location; `end` is null for a single position, which (as in ESLint) has no endLine/endColumn. */
function toLocation(descriptor: ReportDescriptor): { start: SourceLocation["start"]; end: SourceLocation["end"] | null } {
	if (descriptor.loc) {
		const loc = descriptor.loc;
		return "start" in loc ? loc : { start: loc, end: null };
	}
	if (descriptor.node) return descriptor.node.loc;
	throw new TypeError("context.report() needs a node or a loc.");
}

function crashMessage(crash: RuleCrashError): LintMessage {
	return { ruleId: crash.ruleId, severity: 2, fatal: true, message: `Internal error: ${crash.message}`, line: crash.line, column: 1 };
}

// Options are validated and merged once per configuration object, not per document.
// Keyed by rule as well: one options array (e.g. a shared `[]`) may serve several rules.
const preparedCache = new WeakMap<unknown[], WeakMap<AnyRule, unknown[]>>();
function preparedOptions(ruleId: string, rule: AnyRule, options: unknown[]): unknown[] {
	let byRule = preparedCache.get(options);
	if (!byRule) preparedCache.set(options, (byRule = new WeakMap()));
	let merged = byRule.get(rule);
	if (!merged) {
		validateRuleOptions(ruleId, rule, options);
		merged = mergeDefaultOptions(rule.meta?.defaultOptions as unknown[] | undefined, options);
		byRule.set(rule, merged);
	}
	return merged;
}

/**
 * Lints one document: parses it, runs every enabled rule's visitors in a
 * single traversal and returns the messages sorted by position.
 */
export function lintDocument(text: string, rules: ResolvedRules, registry: RuleRegistry, options: LintOptions = {}): LintMessage[] {
	// As in ESLint, a leading BOM is not part of the text rules see or positions count.
	return lintBody(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, rules, registry, options);
}

function lintBody(text: string, rules: ResolvedRules, registry: RuleRegistry, options: LintOptions): LintMessage[] {
	const ast = parseText(text);
	const sourceCode = new TextSourceCode({ text, ast });
	const fixer = makeFixer(sourceCode);
	const messages: LintMessage[] = [];
	// One list per node kind the traversal visits; keys no traversal step uses are never called.
	const listenerFns: Listener[][] = VISIT_KEYS.map(() => []);
	const listenerIds: string[][] = VISIT_KEYS.map(() => []);
	const stats = options.stats;

	// A rule that throws is a bug in that rule: it is reported on the document and
	// switched off for the rest of it, and the other rules still run.
	const crashed = new Map<string, LintMessage>();
	for (const [ruleId, entry] of rules) {
		if (entry.severity === 0) continue;
		const rule = registry.get(ruleId);
		if (!rule) continue;
		const ruleOptions = preparedOptions(ruleId, rule, entry.options);
		const messagesById = rule.meta?.messages ?? {};

		const report = (descriptor: ReportDescriptor): void => {
			let template = descriptor.message;
			if (descriptor.messageId !== undefined) {
				template = messagesById[descriptor.messageId];
				if (template === undefined) throw new TypeError(`Rule "${ruleId}" reported unknown messageId "${descriptor.messageId}".`);
			}
			if (template === undefined) throw new TypeError(`Rule "${ruleId}" reported without a message or messageId.`);
			const loc = toLocation(descriptor);
			const message: LintMessage = {
				ruleId,
				severity: entry.severity,
				message: interpolate(template, descriptor.data),
				line: loc.start.line,
				column: loc.start.column,
			};
			if (loc.end) {
				message.endLine = loc.end.line;
				message.endColumn = loc.end.column;
			}
			if (descriptor.messageId !== undefined) message.messageId = descriptor.messageId;
			if (descriptor.fix) {
				if (!rule.meta?.fixable) throw new TypeError(`Fixable rules must set the \`meta.fixable\` property ("${ruleId}").`);
				const made = runFix(descriptor.fix, fixer, text);
				if (made) {
					message.fix = made.fix;
					attachEdits(message, made.edits);
				}
			}
			if (descriptor.suggest?.length) {
				if (!rule.meta?.hasSuggestions) throw new TypeError(`Rules with suggestions must set \`meta.hasSuggestions\` ("${ruleId}").`);
				const suggestions: LintSuggestion[] = [];
				for (const s of descriptor.suggest) {
					const fix = runFix(s.fix, fixer, text)?.fix;
					if (!fix) continue;
					const desc = s.messageId !== undefined ? interpolate(messagesById[s.messageId] ?? s.messageId, s.data ?? descriptor.data) : (s.desc ?? "");
					suggestions.push(s.messageId !== undefined ? { desc, messageId: s.messageId, fix } : { desc, fix });
				}
				if (suggestions.length) message.suggestions = suggestions;
			}
			messages.push(message);
		};

		const context = {
			id: ruleId,
			options: ruleOptions,
			sourceCode,
			filename: options.filename ?? "<text>",
			physicalFilename: options.filename ?? "<text>",
			cwd: options.cwd ?? process.cwd(),
			settings: {},
			languageOptions: {},
			report,
			getCwd: () => options.cwd ?? process.cwd(),
			getFilename: () => options.filename ?? "<text>",
			getSourceCode: () => sourceCode,
		};
		let visitor: Record<string, Listener | undefined>;
		try {
			visitor = (rule as AnyRule).create(context as never) as Record<string, Listener | undefined>;
		} catch (error) {
			crashed.set(ruleId, crashMessage(new RuleCrashError(ruleId, 1, error)));
			continue;
		}
		for (const key in visitor) {
			const k = VISIT_KEYS.indexOf(key as (typeof VISIT_KEYS)[number]);
			if (k < 0 || !Object.hasOwn(visitor, key)) continue;
			const fn = visitor[key];
			if (typeof fn !== "function") continue;
			const timed: Listener = stats
				? (node, parent) => {
						const t0 = performance.now();
						try {
							fn(node, parent);
						} finally {
							stats[ruleId] = (stats[ruleId] ?? 0) + performance.now() - t0;
						}
					}
				: fn;
			listenerFns[k].push(timed);
			listenerIds[k].push(ruleId);
		}
	}

	// The same enter/exit order as sourceCode.traverse(), walked directly: no step object per node.
	const visit = (k: number, node: TextNode, parent: TextNode | undefined): void => {
		const fns = listenerFns[k];
		for (let i = 0; i < fns.length; i++) {
			const ruleId = listenerIds[k][i];
			if (crashed.size !== 0 && crashed.has(ruleId)) continue;
			try {
				fns[i](node, parent);
			} catch (error) {
				crashed.set(ruleId, crashMessage(new RuleCrashError(ruleId, node.loc.start.line, error)));
			}
		}
	};
	const doc = sourceCode.ast;
	const [, onParagraph, onLine, onLineExit, onParagraphExit, onDocumentExit] = listenerFns;
	visit(DOCUMENT, doc, undefined);
	if (onParagraph.length || onLine.length || onLineExit.length || onParagraphExit.length) {
		const visitLines = onLine.length !== 0 || onLineExit.length !== 0;
		for (const p of doc.children) {
			if (onParagraph.length) visit(PARAGRAPH, p, doc);
			if (visitLines) {
				for (const l of p.children) {
					if (onLine.length) visit(LINE, l, p);
					if (onLineExit.length) visit(LINE_EXIT, l, p);
				}
			}
			if (onParagraphExit.length) visit(PARAGRAPH_EXIT, p, doc);
		}
	}
	if (onDocumentExit.length) visit(DOCUMENT_EXIT, doc, undefined);
	if (crashed.size) {
		const kept = messages.filter((m) => !crashed.has(m.ruleId!));
		return [...kept, ...crashed.values()].sort(compareLocations);
	}
	return messages.sort(compareLocations);
}

/**
 * Lints and fixes a document until it is stable (at most 10 passes), like
 * ESLint's `verifyAndFix`. Returns the final text and the messages that remain.
 */
export function fixDocument(text: string, rules: ResolvedRules, registry: RuleRegistry, options: FixOptions = {}): FixReport {
	// The BOM is set aside once, as ESLint does; every pass lints and fixes the same body, so
	// fix ranges always refer to the text they are applied to.
	const bom = text.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
	if (bom) text = text.slice(1);
	const fixTypes = options.fixTypes ? new Set(options.fixTypes) : undefined;
	const shouldFix = (m: LintMessage): boolean => {
		if (!m.ruleId) return false;
		if (!rules.get(m.ruleId)?.severity) return false;
		if (!fixTypes) return true;
		const type = registry.get(m.ruleId)?.meta?.type;
		return type !== undefined && fixTypes.has(type);
	};
	let current = text;
	let fixedAny = false;
	let messages: LintMessage[] = [];
	let passFixed = false;
	let pass = 0;
	do {
		pass++;
		messages = lintBody(current, rules, registry, options);
		const outcome = applyFixes(current, messages, shouldFix);
		passFixed = outcome.fixed && outcome.output !== current;
		if (passFixed) {
			fixedAny = true;
			current = outcome.output;
		}
	} while (passFixed && pass < MAX_FIX_PASSES);
	if (passFixed) messages = lintBody(current, rules, registry, options);
	return { output: bom + current, fixed: fixedAny, messages };
}
