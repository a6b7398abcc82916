/** corpuslint's public API. */
import { builtinRules } from "../rules/index.js";
import { loadConfig } from "./config/load-config.js";
import type { RulesConfig } from "./config/rule-entries.js";
import type { FixType, LintResult } from "./engine/types.js";
import { lintFiles as runLintFiles } from "./runner/lint-files.js";

export { lintText, fixText, resolveRules, type TextLintOptions } from "./api.js";
export { lintDocument, fixDocument } from "./engine/linter.js";
export { textLanguage } from "./language/language.js";
export { TextSourceCode } from "./language/source-code.js";
export type { DocumentNode, ParagraphNode, LineNode, TextNode } from "./language/ast.js";
export type { TextRuleDefinition, TextRuleVisitor } from "./language/rule-types.js";
export type { LintMessage, LintResult, LintSuggestion, TextEdit, FixType } from "./engine/types.js";
export { builtinRules };

export interface LintFilesOptions {
	cwd?: string;
	/** Configuration file; default: the nearest .corpuslintrc.json (none: recommended rules). */
	configFile?: string;
	noConfig?: boolean;
	rules?: RulesConfig;
	fix?: boolean;
	fixTypes?: FixType[];
}

/** Lints files, directories or globs like the CLI does; writes fixes when `fix` is set. */
export async function lintFiles(patterns: string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
	const cwd = options.cwd ?? process.cwd();
	const config = loadConfig({ cwd, configPath: options.configFile, noConfig: options.noConfig, cliRules: options.rules, registry: builtinRules });
	return runLintFiles(patterns, { config, registry: builtinRules, cwd, fix: options.fix, write: options.fix, fixTypes: options.fixTypes });
}
