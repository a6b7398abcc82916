import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findConfigFile, loadConfig, parseJsonWithLocation, type ConfigFile } from "../../src/config/load-config.js";
import { presetRules } from "../../src/config/presets.js";
import { ConfigError } from "../../src/engine/rule-options.js";
import type { ResolvedRules } from "../../src/engine/types.js";
import { testRegistry } from "../helpers/test-rules.js";

const root = mkdtempSync(join(tmpdir(), "corpuslint-config-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
/** A fresh project directory with the given config (object or raw text). */
function project(config?: ConfigFile | string): string {
	const dir = join(root, `p${counter++}`);
	mkdirSync(dir, { recursive: true });
	if (config !== undefined) writeFileSync(join(dir, ".corpuslintrc.json"), typeof config === "string" ? config : JSON.stringify(config));
	return dir;
}

function load(cwd: string, extra: Partial<Parameters<typeof loadConfig>[0]> = {}) {
	return loadConfig({ cwd, registry: testRegistry, ...extra });
}

function summary(rules: ResolvedRules): Record<string, unknown> {
	return Object.fromEntries([...rules].filter(([, e]) => e.severity > 0).map(([id, e]) => [id, e.options.length ? [e.severity, ...e.options] : e.severity]));
}

function configError(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as Error).message;
	}
	throw new Error("expected a ConfigError");
}

describe("finding the configuration", () => {
	it("uses the nearest .corpuslintrc.json from the working directory upward", () => {
		const dir = project({ rules: { "zero-o": "error" } });
		const deep = join(dir, "a", "b");
		mkdirSync(deep, { recursive: true });
		expect(findConfigFile(deep)).toBe(join(dir, ".corpuslintrc.json"));
		const config = load(deep);
		expect(config.filePath).toBe(join(dir, ".corpuslintrc.json"));
		expect(summary(config.rulesFor(join(deep, "x.txt")))).toEqual({ "zero-o": 2 });
	});

	it("prefers the nearer of two files", () => {
		const outer = project({ rules: { "zero-o": "error" } });
		const inner = join(outer, "inner");
		mkdirSync(inner);
		writeFileSync(join(inner, ".corpuslintrc.json"), JSON.stringify({ rules: { "strip-dash": "warn" } }));
		expect(summary(load(inner).rulesFor(join(inner, "x.txt")))).toEqual({ "strip-dash": 1 });
	});

	it("--config names a file relative to the working directory and wins over discovery", () => {
		const dir = project({ rules: { "zero-o": "error" } });
		writeFileSync(join(dir, "other.json"), JSON.stringify({ rules: { "squeeze-spaces": "warn" } }));
		const config = load(dir, { configPath: "other.json" });
		expect(summary(config.rulesFor(join(dir, "x.txt")))).toEqual({ "squeeze-spaces": 1 });
		expect(configError(() => load(dir, { configPath: "missing.json" }))).toMatch(/cannot read configuration .*missing\.json: ENOENT/u);
	});

	it("--no-config ignores files: the recommended preset, or only the --rule rules", () => {
		const dir = project({ rules: { "strip-dash": "error" } });
		expect(summary(load(dir, { noConfig: true }).rulesFor(join(dir, "x.txt")))).toEqual(presetRules("corpuslint:recommended", testRegistry));
		expect(summary(load(dir, { noConfig: true, cliRules: { "max-length": ["warn", { max: 3 }] } }).rulesFor(join(dir, "x.txt")))).toEqual({
			"max-length": [1, { max: 3 }],
		});
	});

	it("reads a config saved with a UTF-8 BOM", () => {
		const dir = project(`\ufeff${JSON.stringify({ rules: { "zero-o": "warn" } })}`);
		expect(summary(load(dir).rulesFor(join(dir, "x.txt")))).toEqual({ "zero-o": 1 });
	});
});

describe("presets and rules", () => {
	it("extends recommended (docs.recommended true → error, 'warn' → warning) and all (every rule)", () => {
		const dir = project({ extends: "corpuslint:recommended" });
		expect(summary(load(dir).rulesFor(join(dir, "x.txt")))).toEqual({ "wrap-line": 2, "zero-o": 1 });
		const all = project({ extends: ["corpuslint:all"] });
		const rules = summary(load(all).rulesFor(join(all, "x.txt")));
		expect(Object.keys(rules).sort()).toEqual([...testRegistry.keys()].sort());
		expect(rules["zero-o"]).toBe(1);
		expect(rules["strip-dash"]).toBe(2);
	});

	it("applies rules over the preset; a severity-only entry keeps earlier options", () => {
		const dir = project({
			extends: "corpuslint:recommended",
			rules: { "wrap-line": "off", "max-length": ["warn", { max: 5 }] },
			overrides: [{ files: ["strict/**"], rules: { "max-length": "error" } }],
		});
		const config = load(dir);
		expect(summary(config.rulesFor(join(dir, "a.txt")))).toEqual({ "zero-o": 1, "max-length": [1, { max: 5 }] });
		expect(summary(config.rulesFor(join(dir, "strict", "b", "a.txt")))).toEqual({ "zero-o": 1, "max-length": [2, { max: 5 }] });
	});

	it("applies overrides by glob relative to the config file, later overrides winning, --rule over all", () => {
		const dir = project({
			rules: { "zero-o": "error" },
			overrides: [
				{ files: ["news/**/*.txt"], rules: { "zero-o": "warn", "strip-dash": "error" } },
				{ files: ["news/wire/*.txt"], excludedFiles: ["news/wire/keep.txt"], rules: { "zero-o": "off" } },
				{ files: ["**/*.jsonl"], rules: { "squeeze-spaces": "warn" } },
			],
		});
		const config = load(join(dir, "news"));
		expect(summary(config.rulesFor(join(dir, "x.txt")))).toEqual({ "zero-o": 2 });
		expect(summary(config.rulesFor(join(dir, "news", "a", "x.txt")))).toEqual({ "zero-o": 1, "strip-dash": 2 });
		expect(summary(config.rulesFor(join(dir, "news", "wire", "x.txt")))).toEqual({ "strip-dash": 2 });
		expect(summary(config.rulesFor(join(dir, "news", "wire", "keep.txt")))).toEqual({ "zero-o": 1, "strip-dash": 2 });
		expect(summary(config.rulesFor(join(dir, "news", "c.jsonl")))).toEqual({ "zero-o": 2, "squeeze-spaces": 1 });
		const withCli = load(dir, { cliRules: { "zero-o": "warn" } });
		expect(summary(withCli.rulesFor(join(dir, "news", "wire", "x.txt")))).toEqual({ "zero-o": 1, "strip-dash": 2 });
	});

	it("ignores files by glob relative to the config file, never files outside its directory", () => {
		const dir = project({ ignores: ["build/**", "**/*.draft.txt"] });
		const config = load(dir);
		expect(config.isIgnored(join(dir, "build", "a", "x.txt"))).toBe(true);
		expect(config.isIgnored(join(dir, "news", "x.draft.txt"))).toBe(true);
		expect(config.isIgnored(join(dir, "news", "x.txt"))).toBe(false);
		expect(config.isIgnored(join(dir, "..", "build", "x.txt"))).toBe(false);
	});

	it("ignores as ESLint does: a directory name or dir/ ignores its contents, !pattern un-ignores", () => {
		const dir = project({ ignores: ["drafts/", "tmp", "wire/**", "!wire/keep.txt", "x.txt/"] });
		const config = load(dir);
		const ignored = (rel: string) => config.isIgnored(join(dir, rel));
		expect(ignored("drafts/a.txt")).toBe(true);
		expect(ignored("news/drafts/a.txt")).toBe(false);
		expect(ignored("tmp/deep/a.jsonl")).toBe(true);
		expect(ignored("tmp")).toBe(true);
		expect(ignored("wire/a.txt")).toBe(true);
		expect(ignored("wire/keep.txt")).toBe(false);
		// A trailing slash matches directories only.
		expect(ignored("x.txt")).toBe(false);
		expect(ignored("news/a.txt")).toBe(false);
		// A lone negation must not ignore every other file.
		const negatedDir = project({ ignores: ["!a.txt"] });
		expect(load(negatedDir).isIgnored(join(negatedDir, "b.txt"))).toBe(false);
	});

	it("ignores node_modules and .git by default, with or without a config file", () => {
		const dir = project({ ignores: ["!node_modules/corpus/"] });
		const config = load(dir);
		expect(config.isIgnored(join(dir, "node_modules", "pkg", "LICENSE.txt"))).toBe(true);
		expect(config.isIgnored(join(dir, "a", "node_modules", "x.txt"))).toBe(true);
		expect(config.isIgnored(join(dir, ".git", "x.txt"))).toBe(true);
		expect(config.isIgnored(join(dir, "node_modules", "corpus", "a.jsonl"))).toBe(false);
		const bare = project();
		expect(load(bare).isIgnored(join(bare, "node_modules", "pkg", "LICENSE.txt"))).toBe(true);
		expect(load(bare).isIgnored(join(bare, "news", "a.txt"))).toBe(false);
	});

	it("reads jsonl fields from the file, and command-line fields win", () => {
		const dir = project({ jsonl: { textField: "body", idField: "doc" } });
		expect(load(dir).jsonl).toEqual({ textField: "body", idField: "doc" });
		expect(load(dir, { jsonl: { textField: "content", idField: undefined } }).jsonl).toEqual({ textField: "content", idField: "doc" });
		expect(load(project({})).jsonl).toEqual({ textField: "text", idField: "id" });
	});
});

describe("configuration errors", () => {
	it("rejects an unknown key, naming it", () => {
		const dir = project({ rulez: {} } as never);
		expect(configError(() => load(dir))).toBe(`${join(dir, ".corpuslintrc.json")}: unknown key "rulez" in (top level)`);
		const nested = project({ jsonl: { textFeld: "x" } } as never);
		expect(configError(() => load(nested))).toMatch(/unknown key "textFeld" in jsonl/u);
	});

	it("rejects an unknown rule and suggests the closest name", () => {
		const dir = project({ rules: { "max-lenght": "error" } });
		expect(configError(() => load(dir))).toMatch(/unknown rule "max-lenght"\. Did you mean "max-length"\?/u);
		const inOverride = project({ overrides: [{ files: ["*.txt"], rules: { "zero_o": "warn" } }] });
		expect(configError(() => load(inOverride))).toMatch(/overrides\[0\]: unknown rule "zero_o"\. Did you mean "zero-o"\?/u);
	});

	it("rejects a bad severity and bad rule options, naming the rule and the option", () => {
		const on = project({ rules: { "zero-o": "on" } } as never);
		expect(configError(() => load(on))).toBe(`${join(on, ".corpuslintrc.json")}: rules.zero-o must be one of "off", "warn", "error", 0, 1, 2`);
		const bad = project({ rules: { "max-length": ["error", { maximum: 3 }] } });
		expect(configError(() => load(bad))).toMatch(
			new RegExp(`^${join(bad, ".corpuslintrc.json").replace(/[.*+?^$\{\}()|[\]\\]/gu, "\\$&")}: Invalid options for rule "max-length": options\\.0 has unknown property "maximum"`, "u"),
		);
		const inOverride = project({ overrides: [{ files: ["*.txt"], rules: { "max-length": ["warn", { max: -1 }] } }] });
		expect(configError(() => load(inOverride))).toMatch(/overrides\[0\]: Invalid options for rule "max-length": options\.0\.max must be >= 1/u);
		expect(configError(() => load(project({}), { cliRules: { "zero-o": ["warn", 1] } }))).toMatch(/^--rule: Invalid options for rule "zero-o"/u);
	});

	it("reports bad JSON with the file, line and column", () => {
		const dir = project('{\n  "rules": {\n    "zero-o": "error",\n  }\n}\n');
		expect(configError(() => load(dir))).toMatch(new RegExp(`^${join(dir, ".corpuslintrc.json").replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}:4:3: invalid JSON: `, "u"));
	});

	it("finds the line and column even when Node's message has no position (trailing comma in an array, bad literal)", () => {
		expect(() => parseJsonWithLocation('{\n  "ignores": ["a",]\n}', "c.json")).toThrow(/^c\.json:2:19: invalid JSON: Unexpected token '\]'$/u);
		expect(() => parseJsonWithLocation('{\n  "root": tru\n}', "c.json")).toThrow(/^c\.json:2:14: invalid JSON: /u);
		expect(() => parseJsonWithLocation('{\n  "rules": {', "c.json")).toThrow(/^c\.json:2:13: invalid JSON: /u);
	});
});
