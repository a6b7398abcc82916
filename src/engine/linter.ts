// The global `performance` is a lazy getter in Node 20, costly on every read; --stats reads it twice per listener call.
import { performance } from "node:perf_hooks";
import type { RuleTextEdit, RuleTextEditor, SourceLocation, SourceRange } from "@eslint/core";
import type { DocumentNode, TextNode } from "../language/ast.js";
import { parseText } from "../language/parse.js";
import { TextSourceCode } from "../language/source-code.js";
import { applyFixes, attachEdits, compareLocations, mergeEdits } from "./source-fixer.js";
import { mergeDefaultOptions, validateRuleOptions } from "./rule-options.js";
import type { AnyRule, RuleRegistry } from "./rule-registry.js";
import type { FixType, LintMessage, LintSuggestion, ResolvedRules, Severity, TextEdit } from "./types.js";

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
	/** lintDocuments / fixDocuments: each document's file name (a batch of text files), else `filename` for all. */
	filenames?: readonly string[];
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
 * Lints one document: parses it, runs every enabled rule's visitors (rule
 * by rule, see lintDocuments) and returns the messages sorted by position.
 */
export function lintDocument(text: string, rules: ResolvedRules, registry: RuleRegistry, options: LintOptions = {}): LintMessage[] {
	return lintDocuments([text], rules, registry, options)[0];
}

/** As in ESLint, a leading BOM is not part of the text rules see or positions count. */
function withoutBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Lints several documents (each without its leading BOM, as lintDocument) rule by rule: each rule's
 * visitors walk every document before the next rule starts, so a rule's
 * tables and scratch buffers stay in cache instead of being evicted by the
 * other rules at every paragraph. The messages come out in exactly the order
 * a single node-by-node traversal gives (all rules at each node, in rule
 * order): each is tagged with its traversal step, rule and report order, and
 * ties of position are broken by those.
 */
export function lintDocuments(texts: readonly string[], rules: ResolvedRules, registry: RuleRegistry, options: LintOptions = {}): LintMessage[][] {
	return lintBodies(texts.map(withoutBom), rules, registry, options);
}

/** What one document needs while the rules take turns on it. */
interface DocumentRun {
	text: string;
	filename: string;
	sourceCode: TextSourceCode;
	fixer: RuleTextEditor<TextNode>;
	messages: LintMessage[];
	/** Per message: the traversal step and the rule index it was reported at (see finishRun). */
	steps: number[];
	ruleIndexes: number[];
	crashed: Map<string, LintMessage>;
	/** Steps of the crash messages, in the crashed map's order. */
	crashSteps: number[];
	crashRules: number[];
}

function lintBodies(texts: readonly string[], rules: ResolvedRules, registry: RuleRegistry, options: LintOptions): LintMessage[][] {
	const runs: DocumentRun[] = [];
	for (const [i, text] of texts.entries()) {
		const ast = parseText(text);
		const sourceCode = new TextSourceCode({ text, ast });
		const filename = options.filenames?.[i] ?? options.filename ?? "<text>";
		runs.push({ text, filename, sourceCode, fixer: makeFixer(sourceCode), messages: [], steps: [], ruleIndexes: [], crashed: new Map(), crashSteps: [], crashRules: [] });
	}
	const stats = options.stats;
	let ruleIndex = -1;
	for (const [ruleId, entry] of rules) {
		if (entry.severity === 0) continue;
		const rule = registry.get(ruleId);
		if (!rule) continue;
		ruleIndex++;
		const ruleOptions = preparedOptions(ruleId, rule, entry.options);
		const messagesById = rule.meta?.messages ?? {};
		for (const run of runs) runRule(run, ruleId, ruleIndex, rule, entry.severity, ruleOptions, messagesById, options, stats);
	}
	return runs.map(finishRun);
}

function runRule(
	run: DocumentRun,
	ruleId: string,
	ruleIndex: number,
	rule: AnyRule,
	severity: Severity,
	ruleOptions: unknown[],
	messagesById: Record<string, string>,
	options: LintOptions,
	stats: Record<string, number> | undefined,
): void {
	const { text, filename, sourceCode, fixer, messages, steps, ruleIndexes, crashed } = run;
	// The traversal step the rule is visiting: reports made there sort after earlier steps' at the same position.
	// create() runs before any traversal step (-1), as all rules are created before the traversal starts.
	let step = -1;
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
			severity,
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
		steps.push(step);
		ruleIndexes.push(ruleIndex);
	};

	const cwd = options.cwd ?? process.cwd();
	const context = {
		id: ruleId,
		options: ruleOptions,
		sourceCode,
		filename,
		physicalFilename: filename,
		cwd,
		settings: {},
		languageOptions: {},
		report,
		getCwd: () => cwd,
		getFilename: () => filename,
		getSourceCode: () => sourceCode,
	};
	const crash = (line: number, error: unknown) => {
		crashed.set(ruleId, crashMessage(new RuleCrashError(ruleId, line, error)));
		run.crashSteps.push(step);
		run.crashRules.push(ruleIndex);
	};
	let visitor: Record<string, Listener | undefined>;
	try {
		visitor = (rule as AnyRule).create(context as never) as Record<string, Listener | undefined>;
	} catch (error) {
		crash(1, error);
		return;
	}
	// A rule's listener per node kind the traversal visits (undefined when it has none).
	const listeners: Array<Listener | undefined> = [undefined, undefined, undefined, undefined, undefined, undefined];
	for (const key in visitor) {
		const k = VISIT_KEYS.indexOf(key as (typeof VISIT_KEYS)[number]);
		if (k < 0 || !Object.hasOwn(visitor, key)) continue;
		const fn = visitor[key];
		if (typeof fn !== "function") continue;
		listeners[k] = stats
			? (node, parent) => {
					const t0 = performance.now();
					try {
						fn(node, parent);
					} finally {
						stats[ruleId] = (stats[ruleId] ?? 0) + performance.now() - t0;
					}
				}
			: fn;
	}
	const [onDocument, onParagraph, onLine, onLineExit, onParagraphExit, onDocumentExit] = listeners;
	// The same enter/exit order as sourceCode.traverse(), one step number per possible visit, whether or not this rule listens there.
	const doc = sourceCode.ast;
	let node: TextNode = doc;
	step = 0;
	try {
		if (onDocument) onDocument(doc, undefined);
		step++;
		if (onParagraph || onLine || onLineExit || onParagraphExit) {
			for (const p of doc.children) {
				node = p;
				if (onParagraph) onParagraph(p, doc);
				step++;
				for (const l of p.children) {
					node = l;
					if (onLine) onLine(l, p);
					step++;
					if (onLineExit) onLineExit(l, p);
					step++;
				}
				node = p;
				if (onParagraphExit) onParagraphExit(p, doc);
				step++;
			}
		} else step += stepsOfBody(doc);
		node = doc;
		if (onDocumentExit) onDocumentExit(doc, undefined);
	} catch (error) {
		crash(node.loc.start.line, error);
	}
}

/** Steps the paragraphs and lines of a document take in the traversal (see runRule). */
function stepsOfBody(doc: DocumentNode): number {
	let n = 0;
	for (const p of doc.children) n += 2 + 2 * p.children.length;
	return n;
}

function finishRun(run: DocumentRun): LintMessage[] {
	const { messages, steps, ruleIndexes, crashed } = run;
	const n = messages.length;
	// Position first, as compareLocations; then the order a node-by-node traversal reports in.
	const order: number[] = [];
	for (let i = 0; i < n; i++) order.push(i);
	order.sort((a, b) => compareLocations(messages[a], messages[b]) || steps[a] - steps[b] || ruleIndexes[a] - ruleIndexes[b] || a - b);
	const sorted: LintMessage[] = [];
	for (let i = 0; i < n; i++) sorted.push(messages[order[i]]);
	if (crashed.size === 0) return sorted;
	const kept = sorted.filter((m) => !crashed.has(m.ruleId!));
	// Crash messages after the kept ones at a position, in the order a node-by-node traversal would have met the crashes.
	const crashes = [...crashed.values()].map((m, k) => ({ m, step: run.crashSteps[k], rule: run.crashRules[k] }));
	crashes.sort((a, b) => a.step - b.step || a.rule - b.rule);
	return [...kept, ...crashes.map((c) => c.m)].sort(compareLocations);
}

/**
 * Lints and fixes a document until it is stable (at most 10 passes), like
 * ESLint's `verifyAndFix`. Returns the final text and the messages that remain.
 */
export function fixDocument(text: string, rules: ResolvedRules, registry: RuleRegistry, options: FixOptions = {}): FixReport {
	return fixDocuments([text], rules, registry, options)[0];
}

/**
 * `fixDocument` of several documents, with each pass linting the documents
 * still changing together (see lintDocuments): every document goes through
 * the same passes, and gets the same report, as alone.
 */
export function fixDocuments(texts: readonly string[], rules: ResolvedRules, registry: RuleRegistry, options: FixOptions = {}): FixReport[] {
	const fixTypes = options.fixTypes ? new Set(options.fixTypes) : undefined;
	const shouldFix = (m: LintMessage): boolean => {
		if (!m.ruleId) return false;
		if (!rules.get(m.ruleId)?.severity) return false;
		if (!fixTypes) return true;
		const type = registry.get(m.ruleId)?.meta?.type;
		return type !== undefined && fixTypes.has(type);
	};
	// The BOM is set aside once, as ESLint does; every pass lints and fixes the same body, so
	// fix ranges always refer to the text they are applied to.
	const docs = texts.map((text, i) => {
		const current = withoutBom(text);
		const filename = options.filenames?.[i] ?? options.filename;
		return { bom: current === text ? "" : "\ufeff", filename, current, fixedAny: false, messages: [] as LintMessage[], passFixed: false };
	});
	// The documents of a pass, each with its own file name when a batch has several.
	const lintPass = (of: typeof docs): LintMessage[][] =>
		lintBodies(
			of.map((d) => d.current),
			rules,
			registry,
			options.filenames ? { ...options, filenames: of.map((d) => d.filename ?? "<text>") } : options,
		);
	let active = docs;
	for (let pass = 1; active.length > 0; pass++) {
		const found = lintPass(active);
		const next: typeof docs = [];
		active.forEach((d, k) => {
			d.messages = found[k];
			const outcome = applyFixes(d.current, d.messages, shouldFix);
			d.passFixed = outcome.fixed && outcome.output !== d.current;
			if (d.passFixed) {
				d.fixedAny = true;
				d.current = outcome.output;
				if (pass < MAX_FIX_PASSES) next.push(d);
			}
		});
		active = next;
	}
	// Still changing after the last pass: the messages are those of the text as it stands.
	const unsettled = docs.filter((d) => d.passFixed);
	if (unsettled.length) {
		const found = lintPass(unsettled);
		unsettled.forEach((d, k) => (d.messages = found[k]));
	}
	return docs.map((d) => ({ output: d.bom + d.current, fixed: d.fixedAny, messages: d.messages }));
}
