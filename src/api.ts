/**
 * The programmatic API: lint or fix a string with the built-in rules. File
 * handling (encodings, JSONL, globbing) lives in `lintFiles`, built on the
 * same kernel.
 */
import { builtinRules } from "../rules/index.js";
import { presetRules, type PresetName } from "./config/presets.js";
import { applyRuleEntries, type RulesConfig } from "./config/rule-entries.js";
import { fixDocument, lintDocument } from "./engine/linter.js";
import type { RuleRegistry } from "./engine/rule-registry.js";
import type { FixType, LintMessage, ResolvedRules } from "./engine/types.js";

export interface TextLintOptions {
	/** Rules to run; defaults to the `recommended` preset. */
	rules?: RulesConfig;
	/** Start from this preset before applying `rules` (default: recommended unless `rules` is given). */
	preset?: PresetName | null;
	filePath?: string;
	fixTypes?: FixType[];
	registry?: RuleRegistry;
}

// Resolving validates options; a pipeline calling lintText per document must not pay that each time.
const resolvedCache = new Map<string, ResolvedRules>();

export function resolveRules(options: TextLintOptions = {}): ResolvedRules {
	const registry = options.registry ?? builtinRules;
	if (registry === builtinRules) {
		const key = JSON.stringify([options.preset ?? null, options.preset === undefined, options.rules ?? null]);
		let rules = resolvedCache.get(key);
		if (!rules) {
			rules = resolveUncached(options, registry);
			if (resolvedCache.size < 256) resolvedCache.set(key, rules);
		}
		return rules;
	}
	return resolveUncached(options, registry);
}

function resolveUncached(options: TextLintOptions, registry: RuleRegistry): ResolvedRules {
	const preset = options.preset === undefined ? (options.rules ? null : "corpuslint:recommended") : options.preset;
	let rules: ResolvedRules = new Map();
	if (preset) rules = applyRuleEntries(rules, presetRules(preset, registry), registry, preset);
	if (options.rules) rules = applyRuleEntries(rules, options.rules, registry, "options.rules");
	return rules;
}

export function lintText(text: string, options: TextLintOptions = {}): LintMessage[] {
	return lintDocument(text, resolveRules(options), options.registry ?? builtinRules, { filename: options.filePath });
}

export function fixText(text: string, options: TextLintOptions = {}): { output: string; fixed: boolean; messages: LintMessage[] } {
	return fixDocument(text, resolveRules(options), options.registry ?? builtinRules, {
		filename: options.filePath,
		fixTypes: options.fixTypes,
	});
}
