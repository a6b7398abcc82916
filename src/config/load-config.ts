import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { ErrorObject } from "ajv";
import { validate as schemaValidator } from "./generated/config-validator.js";
import picomatch from "picomatch";
import { ConfigError } from "../engine/rule-options.js";
import type { RuleRegistry } from "../engine/rule-registry.js";
import type { ResolvedRules } from "../engine/types.js";
import { PRESET_NAMES, presetRules, type PresetName } from "./presets.js";
import { applyRuleEntries, type RulesConfig } from "./rule-entries.js";

export const CONFIG_FILENAME = ".corpuslintrc.json";
export const DEFAULT_MAX_DOCUMENT_SIZE = 64 * 1024 * 1024;
/** Ignored before the config's own patterns, as ESLint does; "!node_modules/x/" un-ignores. */
export const DEFAULT_IGNORES: readonly string[] = ["**/node_modules/", ".git/"];

export interface ConfigFile {
	$schema?: string;
	root?: boolean;
	extends?: PresetName | PresetName[];
	rules?: RulesConfig;
	ignores?: string[];
	overrides?: Array<{ files: string[]; excludedFiles?: string[]; rules?: RulesConfig }>;
	jsonl?: { textField?: string; idField?: string };
	maxDocumentSize?: number;
}

export interface JsonlSettings {
	textField: string;
	idField: string;
}

/** A loaded configuration, ready to answer "which rules for this file?". */
export class ResolvedConfig {
	readonly jsonl: JsonlSettings;
	readonly maxDocumentSize: number;
	readonly #base: ResolvedRules;
	readonly #overrides: Array<{ match: (p: string) => boolean; rules: RulesConfig; where: string }>;
	readonly #ignore: (p: string) => boolean;
	readonly #cliRules: RulesConfig;
	readonly #cache = new Map<string, ResolvedRules>();

	constructor(
		readonly file: ConfigFile,
		/** Directory globs are relative to (the config file's directory, or cwd). */
		readonly baseDir: string,
		readonly filePath: string | undefined,
		private readonly registry: RuleRegistry,
		cliRules: RulesConfig = {},
		private readonly errorsOnly = false,
	) {
		const where = filePath ?? "configuration";
		let rules: ResolvedRules = new Map();
		const presets = file.extends === undefined ? [] : Array.isArray(file.extends) ? file.extends : [file.extends];
		for (const preset of presets) {
			if (!PRESET_NAMES.includes(preset)) throw new ConfigError(`${where}: unknown preset "${preset}" in "extends" (use ${PRESET_NAMES.join(" or ")}).`);
			rules = applyRuleEntries(rules, presetRules(preset, registry), registry, preset);
		}
		if (file.rules) rules = applyRuleEntries(rules, file.rules, registry, where);
		this.#overrides = (file.overrides ?? []).map((o, i) => {
			const include = picomatch(o.files, { dot: true });
			const exclude = o.excludedFiles?.length ? picomatch(o.excludedFiles, { dot: true }) : () => false;
			const w = `${where}: overrides[${i}]`;
			// Validate now so a bad override fails at start-up, not on the first matching file.
			applyRuleEntries(rules, o.rules ?? {}, registry, w);
			return { match: (p: string) => include(p) && !exclude(p), rules: o.rules ?? {}, where: w };
		});
		// Command-line --rule entries win over everything, as in ESLint.
		this.#cliRules = cliRules;
		this.#base = this.#keep(applyRuleEntries(rules, cliRules, registry, "--rule"));
		this.#ignore = ignoreMatcher([...DEFAULT_IGNORES, ...(file.ignores ?? [])]);
		this.jsonl = { textField: file.jsonl?.textField ?? "text", idField: file.jsonl?.idField ?? "id" };
		this.maxDocumentSize = file.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
	}

	/** The rules that run: with errorsOnly (--quiet), those set to "error". */
	#keep(rules: ResolvedRules): ResolvedRules {
		if (!this.errorsOnly) return rules;
		return new Map([...rules].filter(([, entry]) => entry.severity === 2));
	}

	/** Path relative to the config's directory, with forward slashes, as globs expect. */
	relativePath(absPath: string): string {
		return relative(this.baseDir, absPath).split(sep).join("/");
	}

	isIgnored(absPath: string): boolean {
		const rel = this.relativePath(absPath);
		return !rel.startsWith("../") && this.#ignore(rel);
	}

	rulesFor(absPath: string): ResolvedRules {
		// Called for every file: without overrides there is no path to match.
		if (this.#overrides.length === 0) return this.#base;
		const rel = this.relativePath(absPath);
		const matching = this.#overrides.filter((o) => o.match(rel));
		if (matching.length === 0) return this.#base;
		const key = matching.map((o) => o.where).join("|");
		let rules = this.#cache.get(key);
		if (!rules) {
			rules = this.#base;
			for (const o of matching) rules = applyRuleEntries(rules, o.rules, this.registry, o.where);
			rules = this.#keep(applyRuleEntries(rules, this.#cliRules, this.registry, "--rule"));
			this.#cache.set(key, rules);
		}
		return rules;
	}
}

/**
 * `ignores` as ESLint reads them: a pattern that matches a directory ignores
 * everything under it ("drafts", "drafts/", "**\/tmp"), a trailing slash
 * matches directories only, and a later "!pattern" un-ignores. (picomatch on
 * the whole list would treat "!x" as "everything but x" and ignore all files.)
 */
function ignoreMatcher(patterns: readonly string[]): (relPath: string) => boolean {
	if (patterns.length === 0) return () => false;
	const compiled = patterns.map((p) => {
		const negated = p.startsWith("!");
		const body = negated ? p.slice(1) : p;
		return { negated, dirOnly: body.endsWith("/"), match: picomatch(body.replace(/\/+$/u, ""), { dot: true }) };
	});
	return (relPath) => {
		const dirs: string[] = [];
		for (let i = relPath.indexOf("/"); i !== -1; i = relPath.indexOf("/", i + 1)) dirs.push(relPath.slice(0, i));
		let ignored = false;
		for (const c of compiled) {
			if ((!c.dirOnly && c.match(relPath)) || dirs.some((d) => c.match(d))) ignored = !c.negated;
		}
		return ignored;
	};
}

/** The nearest .corpuslintrc.json from `cwd` upward, if any. */
export function findConfigFile(cwd: string): string | undefined {
	let dir = resolve(cwd);
	for (;;) {
		const candidate = join(dir, CONFIG_FILENAME);
		if (existsSync(candidate)) return candidate;
		const parent = dirname(dir);
		if (parent === dir) return undefined;
		dir = parent;
	}
}

function lineColumnOf(text: string, position: number): { line: number; column: number } {
	const before = text.slice(0, position);
	const line = before.split("\n").length;
	return { line, column: position - before.lastIndexOf("\n") };
}

/**
 * Where JSON.parse failed when its message gives no position (Node 20 says only
 * "Unexpected token ']', ... is not valid JSON" for a trailing comma or a bad
 * literal): the shortest prefix that fails for a reason other than ending too
 * early ends just after the bad character. Config files are small, so the
 * quadratic scan costs nothing.
 */
function errorOffsetByPrefix(text: string): number {
	for (let k = 1; k <= text.length; k++) {
		try {
			JSON.parse(text.slice(0, k));
		} catch (error) {
			const message = (error as Error).message;
			if (/Unexpected end of JSON input/u.test(message)) continue;
			const pos = /position (\d+)/u.exec(message);
			if (!pos) return k - 1;
			if (Number(pos[1]) < k) return Number(pos[1]);
		}
	}
	// Every prefix was only incomplete: the text ends too early.
	return text.length;
}

/** Parses JSON and turns the error into "file:line:column: message". */
export function parseJsonWithLocation(text: string, path: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		const message = (error as Error).message;
		const pos = /position (\d+)/u.exec(message);
		const lc = /line (\d+) column (\d+)/u.exec(message);
		const offset = pos ? Number(pos[1]) : errorOffsetByPrefix(text);
		const where = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : lineColumnOf(text, offset);
		const detail = message.replace(/^JSON\.parse: /u, "").replace(/ in JSON at position \d+.*$/u, "")
			// Node 20 quotes the whole (multi-line) source after the token; the line:column says where.
			.replace(/, .* is not valid JSON$/su, "");
		throw new ConfigError(`${path}${where ? `:${where.line}:${where.column}` : ""}: invalid JSON: ${detail}`);
	}
}

/** The schema compiled ahead of time by scripts/build-config-validator.ts (ajv standalone). */
interface CompiledValidator {
	(data: unknown): boolean;
	errors?: ErrorObject[] | null;
}
const validateSchema = schemaValidator as CompiledValidator;

function describeSchemaError(e: ErrorObject): string {
	const at = e.instancePath ? e.instancePath.slice(1).replace(/\//gu, ".") : "(top level)";
	if (e.keyword === "additionalProperties") {
		return `unknown key "${(e.params as { additionalProperty: string }).additionalProperty}" in ${at}`;
	}
	if (e.keyword === "enum") return `${at} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
	return `${at} ${e.message}`;
}

export function validateConfigShape(data: unknown, path: string): ConfigFile {
	if (!validateSchema(data)) {
		// oneOf failures repeat the same cause; keep the most specific messages. Where a
		// value failed an enum, "must be array" (the other branch) only confuses.
		const all = validateSchema.errors ?? [];
		const enumPaths = new Set(all.filter((e) => e.keyword === "enum").map((e) => e.instancePath));
		const errors = all.filter((e) => e.keyword !== "oneOf" && !(e.keyword === "type" && enumPaths.has(e.instancePath)));
		const unique = [...new Set(errors.map(describeSchemaError))];
		throw new ConfigError(`${path}: ${unique.slice(0, 3).join("; ")}`);
	}
	return data as ConfigFile;
}

export function readConfigFile(path: string): ConfigFile {
	let text: string;
	try {
		text = readFileSync(path, "utf8");
	} catch (error) {
		throw new ConfigError(`cannot read configuration ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
	}
	// Windows editors may save a BOM; JSON.parse rejects it.
	return validateConfigShape(parseJsonWithLocation(text.replace(/^\uFEFF/u, ""), path), path);
}

export interface LoadConfigOptions {
	cwd: string;
	/** Explicit --config path. */
	configPath?: string;
	/** --no-config: ignore configuration files. */
	noConfig?: boolean;
	cliRules?: RulesConfig;
	/** --text-field / --id-field, which win over the file's `jsonl` block. */
	jsonl?: Partial<JsonlSettings>;
	/** --quiet: rules set to "warn" are not run at all (ESLint 9), so --fix never applies their fixes either. */
	errorsOnly?: boolean;
	registry: RuleRegistry;
}

/**
 * Loads the configuration a run uses. Without any file (or with --no-config)
 * the recommended preset applies, unless --rule flags name the rules.
 */
export function loadConfig(options: LoadConfigOptions): ResolvedConfig {
	const path = options.noConfig ? undefined : options.configPath ? resolve(options.cwd, options.configPath) : findConfigFile(options.cwd);
	const withJsonl = (file: ConfigFile): ConfigFile => {
		const overrides = Object.fromEntries(Object.entries(options.jsonl ?? {}).filter(([, v]) => v !== undefined));
		return Object.keys(overrides).length ? { ...file, jsonl: { ...file.jsonl, ...overrides } } : file;
	};
	if (path) {
		return new ResolvedConfig(withJsonl(readConfigFile(path)), dirname(path), path, options.registry, options.cliRules, options.errorsOnly);
	}
	const hasCliRules = options.cliRules && Object.keys(options.cliRules).length > 0;
	const file: ConfigFile = hasCliRules && options.noConfig ? {} : { extends: "corpuslint:recommended" };
	return new ResolvedConfig(withJsonl(file), resolve(options.cwd), undefined, options.registry, options.cliRules, options.errorsOnly);
}
