/**
 * When a worker pool pays, in a module of its own: bin.ts decides whether to start
 * the command again in a child (respawn.ts) before anything heavy is loaded.
 */
import { availableParallelism } from "node:os";

/** Below this much input, starting workers costs more than it saves. */
export const MIN_POOL_BYTES = 2 << 20;
/**
 * `--concurrency auto` asks for this much input per worker: each worker loads
 * the dictionaries and warms up its compiled code again (~1.5 s of CPU with
 * `recommended`, the time to lint ~30 MB), so a 28 MB tree ran slower on two
 * workers (0.85×) than in one thread. An explicit number is obeyed from MIN_POOL_BYTES.
 */
export const AUTO_MIN_BYTES_PER_WORKER = 32 << 20;

export function parseConcurrency(value: string | undefined): number {
	if (value === undefined) return 1;
	if (value === "auto") return Math.max(1, availableParallelism());
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1) throw new RangeError(`--concurrency: expected "auto" or a whole number ≥ 1, got "${value}"`);
	return n;
}

/** The least input for which workers may pay, for a `--concurrency` value. */
export function minPoolBytes(concurrency: number, auto: boolean): number {
	return auto ? AUTO_MIN_BYTES_PER_WORKER * concurrency : MIN_POOL_BYTES;
}
