/**
 * The floor a Node linter cannot beat: read every input byte, decode it and
 * make one regular-expression pass over it (trailing spaces — a pattern every
 * text linter checks). JSONL is read in 1 MB chunks, like corpuslint streams
 * it; text files whole. Run as its own process by bench/run.ts.
 *
 *   node dist/bench/floor.js <dir|file.jsonl> ...
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";

const PATTERN = /[ \t\u3000]+$/gmu;

function countMatches(text: string): number {
	let n = 0;
	PATTERN.lastIndex = 0;
	while (PATTERN.exec(text)) n++;
	return n;
}

function* walk(path: string): Generator<string> {
	if (statSync(path).isDirectory()) {
		for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
			yield* walk(join(path, entry.name));
		}
	} else if (/\.(txt|jsonl)$/u.test(path)) yield path;
}

function scanJsonl(path: string): number {
	const fd = openSync(path, "r");
	const buf = Buffer.allocUnsafe(1 << 20);
	const decoder = new TextDecoder("utf-8");
	let n = 0;
	let carry = "";
	try {
		for (;;) {
			const read = readSync(fd, buf, 0, buf.length, null);
			if (read <= 0) break;
			const text = carry + decoder.decode(buf.subarray(0, read), { stream: true });
			const cut = text.lastIndexOf("\n") + 1;
			n += countMatches(text.slice(0, cut));
			carry = text.slice(cut);
		}
	} finally {
		closeSync(fd);
	}
	return n + countMatches(carry);
}

let files = 0;
let bytes = 0;
let matches = 0;
for (const arg of process.argv.slice(2)) {
	for (const path of walk(arg)) {
		files++;
		if (path.endsWith(".jsonl")) {
			bytes += statSync(path).size;
			matches += scanJsonl(path);
		} else {
			const data = readFileSync(path);
			bytes += data.length;
			matches += countMatches(data.toString("utf8"));
		}
	}
}
// Printed so the work cannot be optimised away, and as a sanity check.
process.stdout.write(`${JSON.stringify({ files, bytes, matches })}\n`);
