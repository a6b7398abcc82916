/**
 * Runs every labelled fixture: strict cases must produce exactly their
 * labelled findings; cases with a `.fixed.txt` must fix to exactly that text,
 * and fixing again must change nothing.
 */
import { describe, expect, it } from "vitest";
import { loadLabelledCases, matchFindings } from "../bench/labels.js";
import { fixText, lintText } from "../src/api.js";

const cases = loadLabelledCases();

describe("labelled fixtures", () => {
	it("exist", () => {
		expect(cases.length).toBeGreaterThan(0);
	});
	for (const c of cases.filter((x) => x.strict)) {
		it(`${c.path} [${c.rule}] finds exactly the labelled problems`, () => {
			const messages = lintText(c.text, { rules: { [c.rule]: "error" }, preset: null });
			const { falsePositives, missed } = matchFindings(messages, c.findings);
			expect({ falsePositives: falsePositives.map((m) => `${m.line}:${m.column} ${m.messageId} ${m.message}`), missed }).toEqual({
				falsePositives: [],
				missed: [],
			});
		});
	}
	for (const c of cases.filter((x) => x.fixed !== undefined)) {
		it(`${c.path} [${c.rule}] fixes to ${c.path.replace(/\.txt$/u, ".fixed.txt")}, idempotently`, () => {
			const once = fixText(c.text, { rules: { [c.rule]: "error" }, preset: null }).output;
			expect(once).toBe(c.fixed);
			expect(fixText(once, { rules: { [c.rule]: "error" }, preset: null }).output).toBe(once);
		});
	}
});
