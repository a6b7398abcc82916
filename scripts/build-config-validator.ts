/**
 * Writes src/config/generated/config-validator.ts: the JSON Schema of
 * .corpuslintrc.json (schemas/corpuslintrc.schema.json) compiled by ajv's
 * standalone mode into plain code. Importing ajv and compiling the schema
 * cost ~100 ms at every start (and in every worker thread); the compiled
 * validator loads in about a millisecond. Re-run after editing the schema
 * (test/config/config-validator.test.ts fails until you do):
 *
 *   npx tsx scripts/build-config-validator.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { configValidatorSource } from "./config-validator-source.js";
import { packageRoot } from "../src/package-root.js";

writeFileSync(join(packageRoot, "src", "config", "generated", "config-validator.ts"), configValidatorSource());
console.log("src/config/generated/config-validator.ts written");
