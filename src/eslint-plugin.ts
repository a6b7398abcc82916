/**
 * corpuslint as an ESLint 10 plugin: the same text language and rules, for
 * teams that already run ESLint.
 *
 *   import corpuslint from "corpuslint/eslint-plugin";
 *   export default [{ files: ["**\/*.txt"], plugins: { corpuslint }, language: "corpuslint/text",
 *                     rules: { "corpuslint/whitespace": "error" } }];
 */
import { builtinRules } from "../rules/index.js";
import { presetRules } from "./config/presets.js";
import { textLanguage } from "./language/language.js";
import { VERSION } from "./version.js";

const rules = Object.fromEntries(builtinRules);

function prefixed(preset: Record<string, number>): Record<string, number> {
	return Object.fromEntries(Object.entries(preset).map(([id, sev]) => [`corpuslint/${id}`, sev]));
}

const plugin = {
	meta: { name: "corpuslint", version: VERSION },
	languages: { text: textLanguage },
	rules,
	configs: {} as Record<string, unknown>,
};

plugin.configs.recommended = {
	name: "corpuslint/recommended",
	files: ["**/*.txt"],
	plugins: { corpuslint: plugin },
	language: "corpuslint/text",
	rules: prefixed(presetRules("corpuslint:recommended", builtinRules)),
};

export default plugin;
