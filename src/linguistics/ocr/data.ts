/**
 * Loads the JSON tables under data/ that the OCR detectors read. Each table
 * is parsed once per process, on first use.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../package-root.js";

/** Not cached: the derived tables are kept, the parsed JSON (1 MB for the glyph table) is left to the GC. */
export function loadDataFile<T>(name: string): T {
	return JSON.parse(readFileSync(join(packageRoot, "data", name), "utf8")) as T;
}

/** A lazily computed value, computed at most once per process. */
export function lazy<T>(compute: () => T): () => T {
	let value: T | undefined;
	let done = false;
	return () => {
		if (!done) {
			value = compute();
			done = true;
		}
		return value as T;
	};
}
