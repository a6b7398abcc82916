import { compact } from "./compact.js";
import { json } from "./json.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

/** Output formats by `--format` name. */
export const formatters: Readonly<Record<string, Formatter>> = {
	stylish,
	json,
	compact,
};
