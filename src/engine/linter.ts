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

type Listener = (...args: unknown[]) => void;

const PLACEHOLDER = /\{\{([^{}]+)\}\}/gu;

function interpolate(template: string, data: Record<string, unknown> | undefined): string {
	// Most reports interpolate: skip the regular expression for the templates that have nothing to fill.
	if (!data || !template.includes("{{")) return template;
	return template.replace(PLACEHOLDER, (whole, name: string) => {
		const key = name.trim();
		return key in data ? String(data[key]) : whole;
	});
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
	const raw = Symbol.iterator in Object(result) ? [...(result as Iterable<RuleTextEdit>)] : [result as RuleTextEdit];
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
	const listeners = new Map<string, Array<{ ruleId: string; fn: Listener }>>();
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
		for (const [key, fn] of Object.entries(visitor)) {
			if (typeof fn !== "function") continue;
			const timed: Listener = stats
				? (...args) => {
						const t0 = performance.now();
						try {
							fn(...args);
						} finally {
							stats[ruleId] = (stats[ruleId] ?? 0) + performance.now() - t0;
						}
					}
				: fn;
			let list = listeners.get(key);
			if (!list) listeners.set(key, (list = []));
			list.push({ ruleId, fn: timed });
		}
	}

	// The same enter/exit order as sourceCode.traverse(), walked directly: no step object per node.
	const visit = (key: string, node: TextNode, parent: TextNode | undefined): void => {
		const list = listeners.get(key);
		if (!list) return;
		for (const { ruleId, fn } of list) {
			if (crashed.has(ruleId)) continue;
			try {
				fn(node, parent);
			} catch (error) {
				crashed.set(ruleId, crashMessage(new RuleCrashError(ruleId, node.loc.start.line, error)));
			}
		}
	};
	const doc = sourceCode.ast;
	const visitLines = listeners.has("Line") || listeners.has("Line:exit");
	visit("Document", doc, undefined);
	for (const p of doc.children) {
		visit("Paragraph", p, doc);
		if (visitLines) {
			for (const l of p.children) {
				visit("Line", l, p);
				visit("Line:exit", l, p);
			}
		}
		visit("Paragraph:exit", p, doc);
	}
	visit("Document:exit", doc, undefined);
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
