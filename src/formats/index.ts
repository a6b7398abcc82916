import { compact } from "./compact.js";
import { github } from "./github.js";
import { html } from "./html.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

/** Output formats by `--format` name. */
export const formatters: Readonly<Record<string, Formatter>> = {
	stylish,
	json,
	compact,
	sarif,
	github,
	junit,
	html,
};
