/**
 * The progress line for long runs: one line on stderr, redrawn in place, only
 * when a person is watching (stderr is a terminal and CI is not set). Logs and
 * pipes never see it.
 */
import { statSync } from "node:fs";
import type { LintResult } from "../engine/types.js";

/** At most ten redraws a second: faster is unreadable and costs terminal time. */
export const MIN_REDRAW_MS = 100;

function isTruthyEnv(value: string | undefined): boolean {
	return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}

/**
 * Whether to draw progress: a terminal on stderr, and not CI (which records
 * stderr in logs). Output streamed to the same terminal while the run goes
 * (`-f jsonl` without `-o`) would be torn by the redraws, so then neither.
 */
export function shouldShowProgress(env: NodeJS.ProcessEnv, stderrIsTTY: boolean, options: { streamingToTTY?: boolean } = {}): boolean {
	return stderrIsTTY && !isTruthyEnv(env.CI) && !options.streamingToTTY;
}

export interface ProgressState {
	files: number;
	totalFiles: number;
	documents: number;
	bytes: number;
	totalBytes: number;
	elapsedMs: number;
}

function formatDuration(seconds: number): string {
	const s = Math.max(0, Math.round(seconds));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const ss = String(s % 60).padStart(2, "0");
	return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** The progress line's text, cut to the terminal width. */
export function renderProgressLine(state: ProgressState, columns = 80): string {
	const seconds = state.elapsedMs / 1000;
	const rate = seconds > 0 ? state.bytes / seconds : 0;
	const parts = [
		`corpuslint: ${state.files.toLocaleString("en-US")}/${state.totalFiles.toLocaleString("en-US")} files`,
		`${state.documents.toLocaleString("en-US")} ${state.documents === 1 ? "document" : "documents"}`,
		rate >= 1e6 || rate === 0 ? `${(rate / 1e6).toFixed(1)} MB/s` : `${(rate / 1e3).toFixed(0)} kB/s`,
	];
	// An ETA from the first instants is noise; wait for half a second of data.
	const eta = rate > 0 && state.elapsedMs >= 500 ? formatDuration((state.totalBytes - state.bytes) / rate) : "--:--";
	parts.push(`ETA ${eta}`);
	const line = parts.join(" · ");
	const width = Math.max(10, columns - 1);
	return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

export interface ProgressOptions {
	write: (text: string) => void;
	now?: () => number;
	columns?: () => number | undefined;
	/** File size lookup; stat by default. */
	sizeOf?: (path: string) => number;
}

const CLEAR_LINE = "\r\x1b[2K";

/** Draws and throttles the progress line; call `start`, then `fileDone` per file, then `finish`. */
export class ProgressLine {
	readonly #write: (text: string) => void;
	readonly #now: () => number;
	readonly #columns: () => number | undefined;
	readonly #sizeOf: (path: string) => number;
	readonly #sizes = new Map<string, number>();
	#state: ProgressState = { files: 0, totalFiles: 0, documents: 0, bytes: 0, totalBytes: 0, elapsedMs: 0 };
	#startedAt = 0;
	#lastDraw = -Infinity;
	#drawn = false;

	constructor(options: ProgressOptions) {
		this.#write = options.write;
		this.#now = options.now ?? (() => performance.now());
		this.#columns = options.columns ?? (() => undefined);
		this.#sizeOf = options.sizeOf ?? ((path) => statSync(path, { throwIfNoEntry: false })?.size ?? 0);
	}

	/** Called with every file of the run before linting starts (sizes give the ETA). */
	start = (paths: readonly string[]): void => {
		this.#startedAt = this.#now();
		let total = 0;
		for (const path of paths) {
			const size = this.#sizeOf(path);
			this.#sizes.set(path, size);
			total += size;
		}
		this.#state = { ...this.#state, totalFiles: paths.length, totalBytes: total };
		this.#draw(true);
	};

	fileDone = (result: LintResult): void => {
		this.#state.files++;
		this.#state.documents += result.documentCount ?? 0;
		this.#state.bytes += this.#sizes.get(result.filePath) ?? 0;
		this.#draw(false);
	};

	/** Removes the line so the report starts on a clean terminal. */
	finish = (): void => {
		if (this.#drawn) this.#write(CLEAR_LINE);
		this.#drawn = false;
	};

	#draw(force: boolean): void {
		const now = this.#now();
		if (!force && now - this.#lastDraw < MIN_REDRAW_MS) return;
		this.#lastDraw = now;
		this.#state.elapsedMs = now - this.#startedAt;
		this.#write(`${CLEAR_LINE}${renderProgressLine(this.#state, this.#columns() || 80)}`);
		this.#drawn = true;
	}
}
