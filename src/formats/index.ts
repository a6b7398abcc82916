import type { Formatter } from "./types.js";

/**
 * Output formats by `--format` name, each imported only when chosen: a run
 * prints one format, and loading all seven (html's assets among them) cost
 * start-up time in every process.
 */
const loaders: Readonly<Record<string, () => Promise<Formatter>>> = {
	stylish: async () => (await import("./stylish.js")).stylish,
	json: async () => (await import("./json.js")).json,
	compact: async () => (await import("./compact.js")).compact,
	sarif: async () => (await import("./sarif.js")).sarif,
	github: async () => (await import("./github.js")).github,
	junit: async () => (await import("./junit.js")).junit,
	html: async () => (await import("./html.js")).html,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(loaders);

/** The formatter called `name`, or undefined when there is none. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
	return Object.hasOwn(loaders, name) ? loaders[name]() : undefined;
}
