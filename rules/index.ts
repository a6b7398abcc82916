/**
 * Every built-in rule, by id. The engine receives this registry from the CLI
 * or the API; it never imports rules itself.
 */
import type { AnyRule } from "../src/engine/rule-registry.js";
import whitespace from "./whitespace.js";
import punctuationWidth from "./punctuation-width.js";

export const builtinRules: ReadonlyMap<string, AnyRule> = new Map<string, AnyRule>([
	["whitespace", whitespace as AnyRule],
	["punctuation-width", punctuationWidth as AnyRule],
]);
