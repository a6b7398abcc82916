import type { Formatter } from "./types.js";

/** ESLint's `json` shape: an array of results, so tools that read ESLint read this. */
export const json: Formatter = (results) => JSON.stringify(results.map((r) => ({ ...r, usedDeprecatedRules: [] })));
