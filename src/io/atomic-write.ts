import { accessSync, chmodSync, chownSync, closeSync, constants, fsyncSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
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
	const stat = statSync(target, { throwIfNoEntry: false });
	const mode = stat?.mode;
	if (stat) assertWritable(target);
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
	try {
		commitTemp(temp, target);
	} catch (error) {
		unlinkSync(temp);
		throw error;
	}
}

/**
 * A rename replaces a file its owner made read-only as easily as any other;
 * refuse as a write in place would (EACCES), so --fix respects `chmod a-w`.
 */
export function assertWritable(target: string): void {
	accessSync(resolveTarget(target), constants.W_OK);
}

/** As root, the temp file would make root the owner of a user's fixed file; give it back. */
export function keepOwner(temp: string, uid: number, gid: number): void {
	if (process.getuid?.() !== 0) return;
	try {
		chownSync(temp, uid, gid);
	} catch {
		// A filesystem without owners (e.g. some mounts): nothing to keep.
	}
}

/**
 * Renames a finished temp file over its target and makes the rename durable.
 * The target keeps its mode and (when we are root) its owner; a read-only
 * target is refused.
 */
export function commitTemp(temp: string, target: string): void {
	const real = resolveTarget(target);
	const stat = statSync(real, { throwIfNoEntry: false });
	if (stat) {
		assertWritable(real);
		chmodSync(temp, stat.mode & 0o7777);
		keepOwner(temp, stat.uid, stat.gid);
	}
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
