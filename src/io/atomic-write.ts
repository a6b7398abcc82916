import { closeSync, fsyncSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Temp files are named after the target so a later run can find and remove leftovers. */
export const TEMP_MARK = ".tmp-corpuslint-";

/**
 * The file a write really replaces: a symlink's target, so fixing through a
 * link updates the linked file and keeps the link (renaming over the link
 * itself would turn it into a regular file).
 */
function resolveTarget(target: string): string {
	try {
		return realpathSync(target);
	} catch {
		return target;
	}
}

export function tempPathFor(target: string): string {
	const real = resolveTarget(target);
	return join(dirname(real), `.${basename(real)}${TEMP_MARK}${process.pid}-${Date.now().toString(36)}`);
}

/**
 * Replaces a file's content so that a crash at any moment leaves either the
 * old or the new file, never a truncated one: write a temp file beside it,
 * fsync, rename over the target (atomic on POSIX), fsync the directory.
 */
export function writeFileAtomic(target: string, data: Uint8Array): void {
	const mode = statSync(target, { throwIfNoEntry: false })?.mode;
	const temp = tempPathFor(target);
	const fd = openSync(temp, "wx", mode ?? 0o644);
	try {
		let offset = 0;
		while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
		fsyncSync(fd);
	} catch (error) {
		closeSync(fd);
		unlinkSync(temp);
		throw error;
	}
	closeSync(fd);
	if (mode !== undefined) chmodSync(temp, mode & 0o7777);
	commitTemp(temp, target);
}

/** Renames a finished temp file over its target and makes the rename durable. */
export function commitTemp(temp: string, target: string): void {
	const real = resolveTarget(target);
	renameSync(temp, real);
	try {
		const dirFd = openSync(dirname(real), "r");
		try {
			fsyncSync(dirFd);
		} finally {
			closeSync(dirFd);
		}
	} catch {
		// Some filesystems refuse fsync on directories; the rename itself is still atomic.
	}
}

/** Removes temp files a killed run left beside the given files' directories. */
export function removeStaleTemps(directories: Iterable<string>): number {
	let removed = 0;
	for (const dir of directories) {
		let names: string[];
		try {
			names = readdirSync(dir);
		} catch {
			continue;
		}
		for (const name of names) {
			if (!name.includes(TEMP_MARK)) continue;
			const pid = Number(/-(\d+)-[0-9a-z]+$/u.exec(name)?.[1]);
			if (pid && pid !== process.pid && isAlive(pid)) continue;
			try {
				unlinkSync(join(dir, name));
				removed++;
			} catch {
				// Already gone, or not ours to remove.
			}
		}
	}
	return removed;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === "EPERM";
	}
}
