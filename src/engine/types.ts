/**
 * The shapes the engine produces. They follow ESLint's `LintMessage` and
 * `LintResult` so tools that read `eslint -f json` read ours too; fields that
 * only exist for JSONL corpora (`docId`, `docLine`, …) are additions.
 */

export type Severity = 0 | 1 | 2;

export interface TextEdit {
	/** [start, end) offsets into the document text (for JSONL, into the text field's value). */
	range: [number, number];
	text: string;
}

export interface LintSuggestion {
	desc: string;
	messageId?: string;
	fix: TextEdit;
}

export interface LintMessage {
	ruleId: string | null;
	severity: Severity;
	message: string;
	messageId?: string;
	line: number;
	column: number;
	endLine?: number;
	endColumn?: number;
	fix?: TextEdit;
	suggestions?: LintSuggestion[];
	/** Set on parse and read errors: the finding is about the input, not a rule. */
	fatal?: boolean;
	/** JSONL only: the document's id field. */
	docId?: string | number | null;
	/** JSONL only: positions inside the document's text; `line` is then the JSONL line. */
	docLine?: number;
	docColumn?: number;
	docEndLine?: number;
	docEndColumn?: number;
}

export interface LintResult {
	filePath: string;
	messages: LintMessage[];
	suppressedMessages: LintMessage[];
	errorCount: number;
	fatalErrorCount: number;
	warningCount: number;
	fixableErrorCount: number;
	fixableWarningCount: number;
	/** Fixed text (plain text files only, when fixing and something changed). */
	output?: string;
	/** Rule crashes (bugs in corpuslint, reported as fatal messages with the rule's id); the CLI then exits 2. */
	internalErrorCount?: number;
	/** Number of documents in the file (1 for text files). */
	documentCount?: number;
	/** Encoding the file was read in, when it was not UTF-8. */
	encoding?: string;
	/** Time spent per rule in ms, when stats were requested. */
	stats?: Record<string, number>;
}

export type FixType = "problem" | "suggestion" | "layout";

export interface RuleConfigEntry {
	severity: Severity;
	options: unknown[];
}

/** Rules enabled for one file, by id. */
export type ResolvedRules = Map<string, RuleConfigEntry>;
