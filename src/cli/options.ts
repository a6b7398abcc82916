import { parseArgs } from "node:util";
import { CLI_OPTIONS } from "./option-spec.js";
import type { RulesConfig, RuleEntry } from "../config/rule-entries.js";
import type { FixType } from "../engine/types.js";
import { parseConcurrency } from "../runner/pool-limits.js";
import { parseShard, type Shard } from "../runner/shard.js";

/** A mistake on the command line; printed without a stack, exit 2. */
export class UsageError extends Error {
	override name = "UsageError";
}

export const HELP = `corpuslint [options] [file|dir|glob ...]

Lint news text corpora (.txt and .jsonl) for OCR damage, repeated captions,
column joins, truncations and typography problems.

Basic configuration:
  -c, --config PATH          Use this configuration file instead of the nearest .corpuslintrc.json
  --no-config                Ignore configuration files (recommended rules, or only --rule ones)
  --rule RULE                Set a rule: "id:error", "id:off", 'id:["warn",{"maxLength":40}]' (repeatable)
  --text-field NAME          JSONL field holding the text (default from config, else "text")
  --id-field NAME            JSONL field holding the document id (default from config, else "id")

Fixing problems:
  --fix                      Fix problems in place (atomic writes)
  --fix-dry-run              Compute fixes without writing them (json output includes "output")
  --fix-type TYPE            Fix only these rule types: problem, suggestion, layout (repeatable, comma list)

Input:
  --stdin                    Lint text from standard input
  --stdin-filename NAME      Name for stdin input; *.jsonl is read as a JSONL corpus

Output:
  -f, --format NAME          Output format: stylish (default), json, compact, sarif, github, junit, html, jsonl
  -o, --output-file PATH     Write the report to a file
  --quiet                    Report errors only (rules set to "warn" are not run)
  --max-warnings N           Exit with 1 when there are more than N warnings
  --color / --no-color       Force colours on or off (default: on for a TTY; NO_COLOR and FORCE_COLOR honoured)

Caching, timing and adoption:
  --cache                    Only lint files that changed since the last run (results kept in .corpuslintcache)
  --cache-location PATH      Cache file, or directory for it (default: ./.corpuslintcache)
  --stats                    Print findings and time per rule on stderr after the report
  --suppress-all             Record all current errors in corpuslint-suppressions.json; report only new ones later
  --suppress-rule RULE       Record current errors of this rule only (repeatable)
  --suppressions-location P  Suppressions file to read and write (default: ./corpuslint-suppressions.json)
  --prune-suppressions       Lower recorded counts to the errors that still occur

Scaling out:
  --concurrency N|auto       Lint on N worker threads (auto: one per core, for 32 MB of input per core
                             or more); default 1, in this thread
  --shard I/N                Lint only part I of N of the input (files by path hash, big JSONL by byte range)
  corpuslint merge A.json B.json ... [-f json|sarif] [-o FILE]
                             Combine the json (or sarif) reports of all shards into one report

Miscellaneous:
  --print-config FILE        Print the configuration used for FILE
  --init                     Write a starter .corpuslintrc.json in the current directory
  -v, --version              Print the version
  -h, --help                 Show this help

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, configuration or internal error.`;

export interface CliOptions {
	patterns: string[];
	config?: string;
	noConfig: boolean;
	rules: RulesConfig;
	textField?: string;
	idField?: string;
	fix: boolean;
	fixDryRun: boolean;
	fixTypes?: FixType[];
	stdin: boolean;
	stdinFilename?: string;
	format: string;
	outputFile?: string;
	quiet: boolean;
	maxWarnings: number;
	color?: boolean;
	printConfig?: string;
	init: boolean;
	version: boolean;
	help: boolean;
	stats: boolean;
	cache: boolean;
	cacheLocation?: string;
	suppressAll: boolean;
	suppressRules?: string[];
	suppressionsLocation?: string;
	pruneSuppressions: boolean;
	concurrency: number;
	/** --concurrency auto: workers only when the input is large enough to pay for them. */
	autoConcurrency: boolean;
	shard?: Shard;
}

const FIX_TYPES: FixType[] = ["problem", "suggestion", "layout"];

/** Parses one --rule value. */
export function parseRuleFlag(value: string): RulesConfig {
	const trimmed = value.trim();
	if (trimmed.startsWith("{")) {
		try {
			return JSON.parse(trimmed) as RulesConfig;
		} catch (error) {
			throw new UsageError(`--rule ${value}: invalid JSON (${(error as Error).message})`);
		}
	}
	const colon = trimmed.indexOf(":");
	if (colon <= 0) throw new UsageError(`--rule ${value}: expected "rule-id:severity", e.g. "whitespace:error"`);
	const id = trimmed.slice(0, colon).trim();
	const rest = trimmed.slice(colon + 1).trim();
	let entry: RuleEntry;
	if (rest.startsWith("[")) {
		try {
			entry = JSON.parse(rest) as RuleEntry;
		} catch (error) {
			throw new UsageError(`--rule ${value}: invalid JSON (${(error as Error).message})`);
		}
	} else entry = /^\d$/u.test(rest) ? (Number(rest) as 0 | 1 | 2) : (rest as "off" | "warn" | "error");
	return { [id]: entry };
}

export function parseCliArgs(argv: string[]): CliOptions {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: CLI_OPTIONS,
		});
	} catch (error) {
		throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/su, "."));
	}
	const v = parsed.values;
	let rules: RulesConfig = {};
	for (const r of v.rule ?? []) rules = { ...rules, ...parseRuleFlag(r) };
	let fixTypes: FixType[] | undefined;
	if (v["fix-type"]) {
		fixTypes = v["fix-type"].flatMap((t) => t.split(",")).map((t) => t.trim()) as FixType[];
		if (fixTypes.includes("" as FixType)) throw new UsageError(`--fix-type: empty type in "${v["fix-type"].join(",")}"`);
		const bad = fixTypes.find((t) => !FIX_TYPES.includes(t));
		if (bad) throw new UsageError(`--fix-type: "${bad}" is not one of ${FIX_TYPES.join(", ")}`);
		if (!v.fix && !v["fix-dry-run"]) throw new UsageError("--fix-type requires --fix or --fix-dry-run");
	}
	let maxWarnings = -1;
	if (v["max-warnings"] !== undefined) {
		maxWarnings = Number(v["max-warnings"]);
		if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings: expected a whole number, got "${v["max-warnings"]}"`);
	}
	if (v.fix && v["fix-dry-run"]) throw new UsageError("--fix and --fix-dry-run cannot be used together");
	if (v["stdin-filename"] && !v.stdin) throw new UsageError("--stdin-filename requires --stdin");
	if (v.stdin && parsed.positionals.length) throw new UsageError("--stdin takes no file patterns");
	if (v["suppress-all"] && v["suppress-rule"]) throw new UsageError("--suppress-all and --suppress-rule cannot be used together");
	if (v["prune-suppressions"] && (v["suppress-all"] || v["suppress-rule"])) throw new UsageError("--prune-suppressions cannot be used with --suppress-all or --suppress-rule");
	if (v.stdin && (v["suppress-all"] || v["suppress-rule"] || v["prune-suppressions"])) throw new UsageError("--suppress-all, --suppress-rule and --prune-suppressions need files, not --stdin");
	return {
		patterns: parsed.positionals,
		config: v.config,
		noConfig: v["no-config"] ?? false,
		rules,
		textField: v["text-field"],
		idField: v["id-field"],
		fix: v.fix ?? false,
		fixDryRun: v["fix-dry-run"] ?? false,
		fixTypes,
		stdin: v.stdin ?? false,
		stdinFilename: v["stdin-filename"],
		format: v.format ?? "stylish",
		outputFile: v["output-file"],
		quiet: v.quiet ?? false,
		maxWarnings,
		color: v["no-color"] ? false : v.color,
		printConfig: v["print-config"],
		init: v.init ?? false,
		version: v.version ?? false,
		help: v.help ?? false,
		stats: v.stats ?? false,
		cache: v.cache ?? false,
		cacheLocation: v["cache-location"],
		suppressAll: v["suppress-all"] ?? false,
		suppressRules: v["suppress-rule"],
		suppressionsLocation: v["suppressions-location"],
		pruneSuppressions: v["prune-suppressions"] ?? false,
		...scalingOptions(v.concurrency, v.shard),
	};
}

function scalingOptions(concurrency: string | undefined, shard: string | undefined): { concurrency: number; autoConcurrency: boolean; shard?: Shard } {
	try {
		return { concurrency: parseConcurrency(concurrency), autoConcurrency: concurrency === "auto", shard: shard === undefined ? undefined : parseShard(shard) };
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}
