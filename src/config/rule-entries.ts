import { closestRuleName, type RuleRegistry } from "../engine/rule-registry.js";
import { ConfigError, validateRuleOptions } from "../engine/rule-options.js";
import type { ResolvedRules, Severity } from "../engine/types.js";

export type SeverityValue = "off" | "warn" | "error" | 0 | 1 | 2;
export type RuleEntry = SeverityValue | [SeverityValue, ...unknown[]];
export type RulesConfig = Record<string, RuleEntry>;

const SEVERITIES: Record<string, Severity> = { off: 0, warn: 1, error: 2, "0": 0, "1": 1, "2": 2 };

export function parseSeverity(value: unknown, where: string): Severity {
	const s = SEVERITIES[String(value)];
	if (s === undefined || (typeof value !== "string" && typeof value !== "number")) {
		throw new ConfigError(`${where}: severity must be "off", "warn" or "error" (or 0, 1, 2), got ${JSON.stringify(value)}.`);
	}
	return s;
}

export function unknownRuleError(id: string, registry: RuleRegistry, where: string): ConfigError {
	const guess = closestRuleName(id, registry);
	return new ConfigError(`${where}: unknown rule "${id}".${guess ? ` Did you mean "${guess}"?` : ""}`);
}

/**
 * Applies a `rules` block on top of already resolved rules. Like ESLint, a
 * severity-only entry keeps the options set earlier (by a preset or a
 * broader override).
 */
export function applyRuleEntries(base: ResolvedRules, entries: RulesConfig, registry: RuleRegistry, where: string): ResolvedRules {
	const out: ResolvedRules = new Map(base);
	for (const [id, entry] of Object.entries(entries)) {
		const rule = registry.get(id);
		if (!rule) throw unknownRuleError(id, registry, where);
		const [sevValue, ...options] = Array.isArray(entry) ? entry : [entry];
		const severity = parseSeverity(sevValue, `${where}: rule "${id}"`);
		const keepOptions = !Array.isArray(entry) || entry.length === 1;
		const resolvedOptions = keepOptions ? (out.get(id)?.options ?? []) : options;
		try {
			validateRuleOptions(id, rule, resolvedOptions);
		} catch (error) {
			// Say which file (or --rule) the bad options came from.
			if (error instanceof ConfigError) throw new ConfigError(`${where}: ${error.message}`);
			throw error;
		}
		out.set(id, { severity, options: resolvedOptions });
	}
	return out;
}
