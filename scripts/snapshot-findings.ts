/**
 * Snapshot of the recommended set's findings and fixes on every seed and
 * fixture (except fixtures/clean, regenerated elsewhere), so a speed change
 * can be proven not to change any result: run before and after, diff.
 *
 *   npx tsx scripts/snapshot-findings.ts > /tmp/snap.json
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fixText, lintText } from "../src/api.js";

function* walk(dir: string): Generator<string> {
	for (const name of readdirSync(dir).sort()) {
		const path = join(dir, name);
		if (path === join("fixtures", "clean")) continue;
		if (statSync(path).isDirectory()) yield* walk(path);
		else if (name.endsWith(".txt")) yield path;
	}
}

const out: unknown[] = [];
for (const root of ["seeds", "fixtures"]) {
	for (const file of walk(root)) {
		const text = readFileSync(file, "utf8");
		const findings = lintText(text).map((m) => [
			m.ruleId, m.messageId, m.line, m.column, m.endLine, m.endColumn, m.message, m.severity, m.fix ?? null, m.suggestions ?? null,
		]);
		const fixed = fixText(text);
		const hash = createHash("sha256").update(fixed.output).digest("hex");
		out.push({ file, findings, fixed: hash, remaining: fixed.messages.length });
	}
}
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
