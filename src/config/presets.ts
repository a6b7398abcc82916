import type { RuleRegistry } from "../engine/rule-registry.js";
import type { Severity } from "../engine/types.js";

export type PresetName = "corpuslint:recommended" | "corpuslint:all";
export const PRESET_NAMES: readonly PresetName[] = ["corpuslint:recommended", "corpuslint:all"];

/**
 * Presets are computed from rule metadata, so adding a rule with
 * `docs.recommended` is all it takes to put it in `recommended`.
 * `recommended: "warn"` means on as a warning, `true` or `"error"` as an error.
 */
export function presetRules(name: PresetName, registry: RuleRegistry): Record<string, Severity> {
	const out: Record<string, Severity> = {};
	for (const [id, rule] of registry) {
		const rec = (rule.meta?.docs as { recommended?: unknown } | undefined)?.recommended;
		if (name === "corpuslint:all") out[id] = rec === "warn" ? 1 : 2;
		else if (rec === "warn") out[id] = 1;
		else if (rec === true || rec === "error") out[id] = 2;
	}
	return out;
}
