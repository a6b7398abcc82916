/**
 * The command line's options, as node:util's parseArgs reads them: one table for the CLI
 * (options.ts) and for bin.ts's decision to start a child (respawn.ts), which reads the
 * command line before the engine is loaded and must read it the same way.
 */
export const CLI_OPTIONS = {
	config: { type: "string", short: "c" },
	"no-config": { type: "boolean", default: false },
	rule: { type: "string", multiple: true },
	"text-field": { type: "string" },
	"id-field": { type: "string" },
	fix: { type: "boolean", default: false },
	"fix-dry-run": { type: "boolean", default: false },
	"fix-type": { type: "string", multiple: true },
	stdin: { type: "boolean", default: false },
	"stdin-filename": { type: "string" },
	format: { type: "string", short: "f", default: "stylish" },
	"output-file": { type: "string", short: "o" },
	quiet: { type: "boolean", default: false },
	"max-warnings": { type: "string" },
	color: { type: "boolean" },
	"no-color": { type: "boolean" },
	"print-config": { type: "string" },
	init: { type: "boolean", default: false },
	version: { type: "boolean", short: "v", default: false },
	help: { type: "boolean", short: "h", default: false },
	stats: { type: "boolean", default: false },
	cache: { type: "boolean", default: false },
	"cache-location": { type: "string" },
	"suppress-all": { type: "boolean", default: false },
	"suppress-rule": { type: "string", multiple: true },
	"suppressions-location": { type: "string" },
	"prune-suppressions": { type: "boolean", default: false },
	concurrency: { type: "string" },
	shard: { type: "string" },
} as const;
