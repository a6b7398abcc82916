import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { lintText } from "../../src/api.js";
import { sarif } from "../../src/formats/sarif.js";
import { sampleContext, sampleResults } from "./sample-results.js";

const schema = JSON.parse(readFileSync(new URL("../fixtures-data/sarif-schema-2.1.0.json", import.meta.url), "utf8")) as object;
// CommonJS packages: under NodeNext their classes are on `.default`.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
	const ok = validate(log);
	expect(ok ? [] : validate.errors).toEqual([]);
}

interface Log {
	runs: Array<{
		tool: { driver: { rules: Array<Record<string, any>> } };
		results: Array<Record<string, any>>;
		invocations: Array<{ toolExecutionNotifications: Array<Record<string, any>> }>;
		originalUriBaseIds: Record<string, { uri: string }>;
	}>;
}

describe("sarif formatter", () => {
	const log = JSON.parse(sarif(sampleResults(), sampleContext)) as Log;
	const run = log.runs[0];

	it("validates against the official SARIF 2.1.0 schema", () => {
		expectValid(log);
		expectValid(JSON.parse(sarif([], sampleContext)));
	});

	it("the validator is strict enough to catch a broken log", () => {
		const broken = structuredClone(log);
		(broken.runs[0].results[0] as any).level = "fatal";
		(broken.runs[0].results[1] as any).locations[0].physicalLocation.region.startLine = 0;
		expect(validate(broken)).toBe(false);
	});

	it("describes the rules that reported, with docs URL and default level", () => {
		expect(run.tool.driver.rules).toEqual([
			{
				id: "punctuation-width",
				shortDescription: { text: "Full-width punctuation in Chinese text." },
				helpUri: "https://example.org/rules/punctuation-width.md",
				defaultConfiguration: { level: "error" },
				properties: { type: "layout", fixable: "code" },
			},
			{
				id: "whitespace",
				shortDescription: { text: "Stray whitespace." },
				helpUri: "https://example.org/rules/whitespace.md",
				defaultConfiguration: { level: "error" },
				properties: { type: "layout", hasSuggestions: true },
			},
		]);
	});

	it("places text findings with a region and their fixes as replacements", () => {
		const [first, second] = run.results;
		expect(first).toMatchObject({ ruleId: "punctuation-width", ruleIndex: 0, level: "warning" });
		expect(first.locations[0].physicalLocation).toEqual({
			artifactLocation: { uri: "data/article%20one.txt", uriBaseId: "%SRCROOT%" },
			region: { startLine: 1, startColumn: 4, endLine: 1, endColumn: 5 },
		});
		expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe("file:///repo/");
		expect(first.fixes[0].artifactChanges[0].replacements).toEqual([
			{ deletedRegion: { charOffset: 3, charLength: 1, startLine: 1, startColumn: 4, endLine: 1, endColumn: 5 }, insertedContent: { text: "，" } },
		]);
		expect(second).toMatchObject({ ruleId: "whitespace", ruleIndex: 1, level: "error" });
		expect(second.fixes).toEqual([
			{
				description: { text: "Remove the spaces." },
				artifactChanges: [
					{
						artifactLocation: { uri: "data/article%20one.txt", uriBaseId: "%SRCROOT%" },
						replacements: [
							{ deletedRegion: { charOffset: 11, charLength: 2, startLine: 2, startColumn: 4, endLine: 2, endColumn: 6 }, insertedContent: { text: "" } },
						],
					},
				],
			},
		]);
	});

	it("points JSONL findings at the JSONL line and keeps the document id, position and fix in properties", () => {
		const doc = run.results[2];
		expect(doc.locations[0].physicalLocation.region).toEqual({ startLine: 3 });
		expect(doc.fixes).toBeUndefined();
		expect(doc.properties).toEqual({
			documentId: "doc-7",
			documentRegion: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 4 },
			documentFix: { range: [7, 8], text: "，" },
		});
	});

	it("reports input errors as tool execution notifications, not results", () => {
		expect(run.results).toHaveLength(3);
		expect(run.invocations[0].toolExecutionNotifications).toEqual([
			{
				level: "error",
				message: { text: "line is not valid JSON" },
				locations: [{ physicalLocation: { artifactLocation: { uri: "data/batch.jsonl", uriBaseId: "%SRCROOT%" }, region: { startLine: 2, startColumn: 1 } } }],
				properties: { documentId: null },
			},
		]);
	});

	it("uses an absolute file URI for files outside the working directory", () => {
		const [result] = sampleResults();
		result.filePath = "/elsewhere/x y.txt";
		const out = JSON.parse(sarif([result], sampleContext)) as Log;
		expect(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "file:///elsewhere/x%20y.txt" });
		expectValid(out);
	});
});

describe("sarif formatter on the seeds", () => {
	it("stays schema-valid on real lint results, fixes and suggestions included", () => {
		const seeds = new URL("../../seeds/", import.meta.url).pathname;
		const rules = Object.fromEntries([...builtinRules.keys()].map((id) => [id, "error" as const]));
		const sources = new Map<string, string>();
		const results = readdirSync(seeds)
			.filter((n) => n.endsWith(".txt"))
			.map((n) => {
				const path = join(seeds, n);
				const text = readFileSync(path, "utf8");
				sources.set(path, text);
				const messages = lintText(text, { rules });
				return { ...sampleResults()[2], filePath: path, messages };
			});
		const rulesMeta = Object.fromEntries([...builtinRules].map(([id, r]) => [id, (r.meta ?? {}) as (typeof sampleContext.rulesMeta)[string]]));
		const out = JSON.parse(sarif(results, { cwd: join(seeds, ".."), rulesMeta, getSource: (p) => sources.get(p) })) as Log;
		expectValid(out);
		const total = results.reduce((n, r) => n + r.messages.length, 0);
		expect(out.runs[0].results).toHaveLength(total);
		expect(out.runs[0].results.some((r) => r.fixes)).toBe(true);
		// Every rule that reported is described, with the docs URL of its meta.
		for (const rule of out.runs[0].tool.driver.rules) expect(rule.helpUri).toBe(rulesMeta[rule.id].docs?.url);
		// A replacement's region covers exactly the text its charOffset/charLength name.
		for (const r of out.runs[0].results) {
			for (const fix of r.fixes ?? []) {
				const path = join(seeds, "..", decodeURIComponent(fix.artifactChanges[0].artifactLocation.uri));
				const text = sources.get(path)!;
				const { deletedRegion: d } = fix.artifactChanges[0].replacements[0];
				const lines = text.split(/\r\n|\r|\n/u);
				const offset = lines.slice(0, d.startLine - 1).reduce((n: number, l: string) => n + l.length + 1, 0) + d.startColumn - 1;
				expect(offset).toBe(d.charOffset);
			}
		}
	});
});
