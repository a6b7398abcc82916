import type { LintResult } from "../engine/types.js";

export interface RuleMetaSummary {
	type?: string;
	docs?: { description?: string; url?: string };
	fixable?: string;
	hasSuggestions?: boolean;
}

export interface FormatterContext {
	cwd: string;
	rulesMeta: Record<string, RuleMetaSummary>;
	/** Source text by filePath, when available, for html and fix previews. */
	getSource?(filePath: string): string | undefined;
	/** Colour output (stylish); decided by the CLI from the TTY, NO_COLOR and FORCE_COLOR. */
	color?: boolean;
}

export type Formatter = (results: LintResult[], context: FormatterContext) => string;
