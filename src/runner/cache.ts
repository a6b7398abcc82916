/**
 * `--cache`: results of files whose bytes have not changed since the last run
 * are reused instead of linted again, like ESLint's `.eslintcache`. An entry is
 * valid when the file's content hash matches (size + mtime equal is trusted
 * without reading) and the rules that apply to it are the same; a different
 * corpuslint version discards the whole cache.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import type { ResolvedConfig } from "../config/load-config.js";
import type { LintMessage, LintResult, ResolvedRules } from "../engine/types.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { VERSION } from "../version.js";
import { emptyResult, tallyResult } from "./result.js";

export const CACHE_FILENAME = ".corpuslintcache";
const FORMAT = 1;

interface CacheEntry {
	size: number;
	mtimeMs: number;
	/** sha1 of the file's bytes. */
	hash: string;
	/** Hash of the rules, JSONL settings and size limit the file was linted with. */
	config: string;
	messages: LintMessage[];
	documentCount?: number;
	encoding?: string;
}

interface CacheFile {
	format: number;
	corpuslint: string;
	files: Record<string, CacheEntry>;
}

/** Where the cache lives: `--cache-location` may name a file or a directory (existing, or ending in a separator). */
export function resolveCacheLocation(cwd: string, location?: string): string {
	if (!location) return resolve(cwd, CACHE_FILENAME);
	const abs = resolve(cwd, location);
	const isDir = location.endsWith("/") || location.endsWith(sep) || statSync(abs, { throwIfNoEntry: false })?.isDirectory();
	return isDir ? join(abs, CACHE_FILENAME) : abs;
}

function isPlainText(path: string): boolean {
	return !/\.jsonl$/iu.test(path);
}

function sha1(data: Uint8Array | string): string {
	return createHash("sha1").update(data).digest("hex");
}

export interface LintCacheOptions {
	config: ResolvedConfig;
	/** The run applies fixes: cached results with fixable findings are linted again so they get fixed. */
	fix?: boolean;
	/** Fixes are only computed, not written (--fix-dry-run): the reported messages are post-fix ones. */
	dryRun?: boolean;
}

export class LintCache {
	readonly #path: string;
	readonly #options: LintCacheOptions;
	#files: Record<string, CacheEntry> = {};
	/** Content identity of each file read in this run, taken before linting it. */
	readonly #pending = new Map<string, { size: number; mtimeMs: number; hash: string }>();
	readonly #configHashes = new WeakMap<ResolvedRules, string>();
	readonly #touched = new Set<string>();
	#dirty = false;
	hits = 0;
	misses = 0;

	constructor(path: string, options: LintCacheOptions) {
		this.#path = path;
		this.#options = options;
		let data: Partial<CacheFile> | undefined;
		try {
			data = JSON.parse(readFileSync(path, "utf8")) as Partial<CacheFile>;
		} catch {
			// Missing or unreadable cache: start empty, it is only an optimisation.
		}
		if (data && data.format === FORMAT && data.corpuslint === VERSION && data.files && typeof data.files === "object") {
			this.#files = data.files;
		} else if (data) this.#dirty = true;
	}

	get path(): string {
		return this.#path;
	}

	#configHash(path: string): string {
		const rules = this.#options.config.rulesFor(path);
		let hash = this.#configHashes.get(rules);
		if (!hash) {
			const { config } = this.#options;
			const entries = [...rules].filter(([, e]) => e.severity > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
			hash = sha1(JSON.stringify([VERSION, entries, config.jsonl, config.maxDocumentSize]));
			this.#configHashes.set(rules, hash);
		}
		return hash;
	}

	/** The cached result for an unchanged file, or undefined (then lint it and call `set`). */
	get(path: string): LintResult | undefined {
		this.#touched.add(path);
		const stat = statSync(path, { throwIfNoEntry: false });
		if (!stat?.isFile()) return this.#miss(path);
		const entry = this.#files[path];
		let hash: string | undefined;
		if (entry && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs) hash = entry.hash;
		else {
			try {
				hash = sha1(readFileSync(path));
			} catch {
				return this.#miss(path);
			}
		}
		const identity = { size: stat.size, mtimeMs: stat.mtimeMs, hash };
		this.#pending.set(path, identity);
		if (!entry || entry.hash !== hash || entry.size !== stat.size || entry.config !== this.#configHash(path)) return this.#miss(path);
		if (this.#options.fix && entry.messages.some((m) => m.fix)) return this.#miss(path);
		if (entry.mtimeMs !== stat.mtimeMs) {
			// Touched but identical: remember the new mtime so the next run skips hashing.
			entry.mtimeMs = stat.mtimeMs;
			this.#dirty = true;
		}
		this.hits++;
		const result = emptyResult(path);
		result.messages = entry.messages.map((m) => ({ ...m }));
		if (entry.documentCount !== undefined) result.documentCount = entry.documentCount;
		if (entry.encoding !== undefined) result.encoding = entry.encoding;
		return tallyResult(result);
	}

	#miss(path: string): undefined {
		this.misses++;
		return undefined;
	}

	/** Records a fresh result, unless it does not describe the file's current bytes. */
	set(path: string, result: LintResult): void {
		const before = this.#pending.get(path);
		this.#pending.delete(path);
		const drop = () => {
			if (this.#files[path]) {
				delete this.#files[path];
				this.#dirty = true;
			}
		};
		// Not read successfully before linting: nothing trustworthy to key the result on.
		if (!before) return drop();
		// Fixing changed the text: the messages are those left after fixing, not the file's.
		if (result.output !== undefined) return drop();
		// A rule crashed: a bug to report, not a result to replay.
		if (result.internalErrorCount) return drop();
		// A dry run over JSONL cannot tell whether anything was fixed.
		if (this.#options.dryRun && !isPlainText(path)) return drop();
		const after = statSync(path, { throwIfNoEntry: false });
		// Rewritten by --fix, or changed by someone else while we read it.
		if (!after || after.size !== before.size || after.mtimeMs !== before.mtimeMs) return drop();
		this.#files[path] = {
			...before,
			config: this.#configHash(path),
			messages: result.messages,
			...(result.documentCount !== undefined ? { documentCount: result.documentCount } : {}),
			...(result.encoding !== undefined ? { encoding: result.encoding } : {}),
		};
		this.#dirty = true;
	}

	/** Writes the cache (atomically), dropping entries of files that no longer exist. */
	save(): void {
		for (const path of Object.keys(this.#files)) {
			if (!this.#touched.has(path) && !existsSync(path)) {
				delete this.#files[path];
				this.#dirty = true;
			}
		}
		if (!this.#dirty && existsSync(this.#path)) return;
		const data: CacheFile = { format: FORMAT, corpuslint: VERSION, files: this.#files };
		mkdirSync(dirname(this.#path), { recursive: true });
		writeFileAtomic(this.#path, Buffer.from(JSON.stringify(data), "utf8"));
		this.#dirty = false;
	}
}
