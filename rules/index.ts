/**
 * Every built-in rule, by id. The engine receives this registry from the CLI
 * or the API; it never imports rules itself.
 */
import type { AnyRule } from "../src/engine/rule-registry.js";
import whitespace from "./whitespace.js";
import columnJoin from "./column-join.js";
import truncatedSentence from "./truncated-sentence.js";
import repeatedCaption from "./repeated-caption.js";
import duplicateParagraph from "./duplicate-paragraph.js";
import punctuationWidth from "./punctuation-width.js";
import invisibleCharacters from "./invisible-characters.js";
import unbalancedPairs from "./unbalanced-pairs.js";
import boilerplate from "./boilerplate.js";
import ocrGarbling from "./ocr-garbling.js";

export const builtinRules: ReadonlyMap<string, AnyRule> = new Map<string, AnyRule>([
	["whitespace", whitespace as AnyRule],
	["column-join", columnJoin as AnyRule],
	["truncated-sentence", truncatedSentence as AnyRule],
	["repeated-caption", repeatedCaption as AnyRule],
	["duplicate-paragraph", duplicateParagraph as AnyRule],
	["punctuation-width", punctuationWidth as AnyRule],
	["invisible-characters", invisibleCharacters as AnyRule],
	["unbalanced-pairs", unbalancedPairs as AnyRule],
	["boilerplate", boilerplate as AnyRule],
	["ocr-garbling", ocrGarbling as AnyRule],
]);
