/**
 * The configuration schema is compiled ahead of time (ajv standalone) so the
 * CLI never imports ajv at start-up; this keeps the committed code equal to
 * the schema it came from.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configValidatorSource } from "../../scripts/config-validator-source.js";
import { packageRoot } from "../../src/package-root.js";

describe("src/config/generated/config-validator.ts", () => {
	it("is what scripts/build-config-validator.ts makes from schemas/corpuslintrc.schema.json", () => {
		const committed = readFileSync(join(packageRoot, "src", "config", "generated", "config-validator.ts"), "utf8");
		expect(committed).toBe(configValidatorSource());
	});
});
