/**
 * Loads the JSON tables under data/ that the OCR detectors read. Each table
 * is parsed once per process, on first use.
 */
import { loadDataJson } from "../../data-files.js";

/** Cached: the glyph table (1 MB of JSON) is read by two detectors. Callers must not mutate the result. */
export function loadDataFile<T>(name: string): T {
	return loadDataJson<T>(name);
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
