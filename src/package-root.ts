import { dirname, join } from "node:path";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The package directory, whether running from `src/` (tests) or `dist/src/` (built). */
function findRoot(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 5; i++) {
		if (existsSync(join(dir, "package.json"))) return dir;
		dir = dirname(dir);
	}
	throw new Error("corpuslint: cannot find package.json above " + fileURLToPath(import.meta.url));
}

export const packageRoot: string = findRoot();
