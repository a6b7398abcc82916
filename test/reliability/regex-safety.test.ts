/**
 * Every rule on 256 KB single lines of the patterns most likely to make a
 * regular expression backtrack (bench/regex-safety.ts; `npm run bench:regex`
 * prints MB/s and growth at 1 MB). The bound is generous on purpose so the
 * test is stable on a loaded machine: a linear rule takes well under a
 * second here, while a quadratic one on 256 K characters needs ~10^10 steps
 * and blows far past it.
 */
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { resolveRules } from "../../src/api.js";
import { lintDocument } from "../../src/engine/linter.js";
import { ADVERSARIAL, adversarialLine, timeRule } from "../../bench/regex-safety.js";

const BYTES = 256 * 1024;
const recommended = resolveRules({ preset: "corpuslint:recommended" });

/** The rules together share per-document analyses (segmentation), a path the single-rule runs miss. */
function timeRecommended(text: string): number {
	const t0 = performance.now();
	lintDocument(text, recommended, builtinRules);
	return performance.now() - t0;
}
const LIMIT_MS = 15_000;

describe("regex safety: adversarial 256 KB lines", () => {
	for (const id of [...builtinRules.keys(), "recommended"]) {
		it(`${id} handles each of ${ADVERSARIAL.length} adversarial lines in under ${LIMIT_MS / 1000} s`, () => {
			const slow: string[] = [];
			for (const p of ADVERSARIAL) {
				const ms = id === "recommended" ? timeRecommended(adversarialLine(p, BYTES)) : timeRule(id, adversarialLine(p, BYTES));
				if (ms > LIMIT_MS) slow.push(`${p.name}: ${Math.round(ms)} ms`);
			}
			expect(slow).toEqual([]);
		}, ADVERSARIAL.length * LIMIT_MS);
	}
});
