/**
 * `--shard i/n`: a deterministic partition of the input, for CI matrices,
 * indexed jobs and job arrays. Files go to a shard by a hash of their path
 * relative to the working directory (so every machine agrees); a big JSONL
 * file is instead cut into n byte ranges aligned to line starts, so one
 * corpus file is spread over every shard. `corpuslint merge` puts the
 * shards' reports back together.
 */
import { statSync } from "node:fs";
import { relative, sep } from "node:path";
import type { DiscoveredFile } from "./discover.js";
import { alignToLineStart, type ByteRange } from "./jsonl-range.js";
import { inputKindOf } from "./lint-file.js";

export interface Shard {
	/** 1-based. */
	index: number;
	count: number;
}

/** JSONL files at least this big are split by byte range rather than assigned whole. */
export const SHARD_SPLIT_BYTES = 16 << 20;

export function parseShard(value: string): Shard {
	const m = /^(\d+)\/(\d+)$/u.exec(value.trim());
	const index = m ? Number(m[1]) : NaN;
	const count = m ? Number(m[2]) : NaN;
	if (!m || count < 1 || index < 1 || index > count) throw new RangeError(`--shard: expected "i/n" with 1 ≤ i ≤ n, got "${value}"`);
	return { index, count };
}

/**
 * FNV-1a over the UTF-8 bytes, then murmur3's finaliser (FNV's low bits are
 * weak, and `% n` uses them): stable across machines and Node versions.
 */
export function pathHash(path: string): number {
	let h = 0x811c9dc5;
	for (const byte of Buffer.from(path, "utf8")) {
		h ^= byte;
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

export interface ShardedInput {
	files: DiscoveredFile[];
	/** Byte ranges of the split JSONL files this shard lints. */
	ranges: Map<string, ByteRange>;
}

export interface ShardOptions {
	cwd: string;
	splitJsonl: boolean;
	/**
	 * Files (relative to cwd, forward slashes) that go whole to one shard however big: those with
	 * recorded suppressions, whose first N errors only a run over the whole file can tell apart.
	 */
	keepWhole?: ReadonlySet<string>;
}

export function shardFiles(files: DiscoveredFile[], shard: Shard, options: ShardOptions): ShardedInput {
	const out: DiscoveredFile[] = [];
	const ranges = new Map<string, ByteRange>();
	for (const file of files) {
		const key = relative(options.cwd, file.path).split(sep).join("/");
		const splittable = options.splitJsonl && inputKindOf(file.path) === "jsonl" && !options.keepWhole?.has(key);
		const size = splittable ? (statSync(file.path, { throwIfNoEntry: false })?.size ?? 0) : 0;
		if (size >= SHARD_SPLIT_BYTES && shard.count > 1) {
			const from = alignToLineStart(file.path, Math.floor((size * (shard.index - 1)) / shard.count), size);
			const to = alignToLineStart(file.path, Math.floor((size * shard.index) / shard.count), size);
			ranges.set(file.path, { start: from.offset, end: to.offset, firstLine: from.line });
			out.push(file);
			continue;
		}
		if (pathHash(key) % shard.count === shard.index - 1) out.push(file);
	}
	return { files: out, ranges };
}
