/**
 * ESLint's RuleTester, wired to vitest and the corpuslint text language, so
 * rule tests also prove every rule runs unchanged inside ESLint.
 */
import { RuleTester } from "eslint";
import { afterAll, describe, it } from "vitest";
import plugin from "../../src/eslint-plugin.js";

const R = RuleTester as unknown as { describe: unknown; it: unknown; itOnly: unknown; afterAll: unknown };
R.describe = describe;
R.it = it;
R.itOnly = it.only;
R.afterAll = afterAll;

export function textRuleTester(): RuleTester {
	return new RuleTester({
		plugins: { corpuslint: plugin as never },
		language: "corpuslint/text",
	} as never);
}
