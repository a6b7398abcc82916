import type { LintMessage, LintResult } from "../engine/types.js";

export function emptyResult(filePath: string): LintResult {
	return {
		filePath,
		messages: [],
		suppressedMessages: [],
		errorCount: 0,
		fatalErrorCount: 0,
		warningCount: 0,
		fixableErrorCount: 0,
		fixableWarningCount: 0,
	};
}

/** Recomputes a result's counts from its messages. */
export function tallyResult(result: LintResult): LintResult {
	result.errorCount = result.fatalErrorCount = result.warningCount = 0;
	result.fixableErrorCount = result.fixableWarningCount = 0;
	delete result.internalErrorCount;
	tallyInto(result, result.messages);
	return result;
}

/** Adds messages to a result's counts (streamed documents are counted, not kept). */
export function tallyInto(result: LintResult, messages: readonly LintMessage[]): void {
	for (const m of messages) {
		if (m.fatal && m.ruleId !== null) result.internalErrorCount = (result.internalErrorCount ?? 0) + 1;
		if (m.severity === 2) {
			result.errorCount++;
			if (m.fatal) result.fatalErrorCount++;
			if (m.fix) result.fixableErrorCount++;
		} else if (m.severity === 1) {
			result.warningCount++;
			if (m.fix) result.fixableWarningCount++;
		}
	}
}

/** Per-rule times summed. */
export function addTimes(into: Record<string, number> | undefined, more: Readonly<Record<string, number>>): Record<string, number> {
	const sum = { ...into };
	for (const [id, ms] of Object.entries(more)) sum[id] = (sum[id] ?? 0) + ms;
	return sum;
}
