import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { AnyRule } from "./rule-registry.js";

/** A configuration mistake the user must fix; the CLI prints it and exits 2. */
export class ConfigError extends Error {
	override name = "ConfigError";
}

/** Created on the first schema compile: building and compiling Ajv costs tens of milliseconds of start-up. */
let ajv: Ajv | undefined;
const validators = new WeakMap<object, ValidateFunction | null>();

function schemaOf(rule: AnyRule): object | null {
	const schema = rule.meta?.schema;
	if (schema === false || schema === undefined) return null;
	if (Array.isArray(schema)) {
		return schema.length === 0
			? { type: "array", maxItems: 0 }
			: { type: "array", items: schema, minItems: 0, maxItems: schema.length };
	}
	return schema;
}

function formatAjvError(e: ErrorObject): string {
	const where = e.instancePath ? `options${e.instancePath.replace(/\//gu, ".")}` : "options";
	if (e.keyword === "additionalProperties") {
		return `${where} has unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
	}
	if (e.keyword === "maxItems" && !e.instancePath) return "too many options";
	return `${where} ${e.message}`;
}

/** Deep-merges user options over `meta.defaultOptions`, as ESLint does. */
export function mergeDefaultOptions(defaults: unknown[] | undefined, user: unknown[]): unknown[] {
	if (!defaults) return user;
	const length = Math.max(defaults.length, user.length);
	const out: unknown[] = [];
	for (let i = 0; i < length; i++) out.push(deepMerge(defaults[i], user[i]));
	return out;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
	return typeof x === "object" && x !== null && !Array.isArray(x);
}

function deepMerge(base: unknown, override: unknown): unknown {
	if (override === undefined) return structuredClone(base);
	if (isPlainObject(base) && isPlainObject(override)) {
		const out: Record<string, unknown> = { ...structuredClone(base) };
		for (const [k, v] of Object.entries(override)) out[k] = deepMerge(base[k], v);
		return out;
	}
	return override;
}

/** Validates a rule's options against `meta.schema`; throws a ConfigError naming the rule. */
export function validateRuleOptions(ruleId: string, rule: AnyRule, options: unknown[]): void {
	// No options against an array schema (or none) is always valid: the array schemas
	// schemaOf builds have minItems 0. Most rules in most runs take this path, without Ajv.
	const declared = rule.meta?.schema;
	if (options.length === 0 && (declared === undefined || declared === false || Array.isArray(declared))) return;
	let validate = validators.get(rule);
	if (validate === undefined) {
		const schema = schemaOf(rule);
		validate = schema ? (ajv ??= new Ajv({ allErrors: true, useDefaults: false, strict: false })).compile(schema) : null;
		validators.set(rule, validate ?? null);
	}
	if (!validate) {
		if (rule.meta?.schema === false) return;
		if (options.length > 0) throw new ConfigError(`Rule "${ruleId}" takes no options, got ${JSON.stringify(options)}.`);
		return;
	}
	if (!validate(options)) {
		const details = (validate.errors ?? []).map(formatAjvError).join("; ");
		throw new ConfigError(`Invalid options for rule "${ruleId}": ${details}. Given: ${JSON.stringify(options)}.`);
	}
}
