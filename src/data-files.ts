import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./package-root.js";

const cache = new Map<string, unknown>();

/**
 * Reads a JSON file shipped in the package's `data/` folder, once per process.
 * Paths are resolved from the package root, so the same call works from
 * `src/` (tests) and from `dist/src/` (the built CLI).
 */
export function loadDataJson<T>(name: string): T {
	let value = cache.get(name);
	if (value === undefined) {
		value = JSON.parse(readFileSync(join(packageRoot, "data", name), "utf8"));
		cache.set(name, value);
	}
	return value as T;
}
