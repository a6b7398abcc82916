/**
 * Finds and replaces one top-level string field inside a JSON object's source
 * text without re-serialising the rest, so `--fix` leaves every other field,
 * the key order, spacing and escaping style exactly as they were.
 */

export interface FieldSpan {
	/** [start, end) of the value token (including its quotes) in the line. */
	start: number;
	end: number;
}

function skipWs(s: string, i: number): number {
	while (i < s.length && (s[i] === " " || s[i] === "\t" || s[i] === "\r" || s[i] === "\n")) i++;
	return i;
}

function skipString(s: string, i: number): number {
	// s[i] is the opening quote.
	i++;
	while (i < s.length) {
		const c = s[i];
		if (c === "\\") i += 2;
		else if (c === '"') return i + 1;
		else i++;
	}
	throw new SyntaxError("unterminated string");
}

function skipValue(s: string, i: number): number {
	const c = s[i];
	if (c === '"') return skipString(s, i);
	if (c === "{" || c === "[") {
		let depth = 0;
		while (i < s.length) {
			const d = s[i];
			if (d === '"') {
				i = skipString(s, i);
				continue;
			}
			if (d === "{" || d === "[") depth++;
			else if (d === "}" || d === "]") {
				depth--;
				if (depth === 0) return i + 1;
			}
			i++;
		}
		throw new SyntaxError("unterminated container");
	}
	while (i < s.length && !",}] \t\r\n".includes(s[i])) i++;
	return i;
}

/**
 * The span of the last top-level occurrence of `key` (JSON.parse keeps the last
 * duplicate, so that is the one whose text was linted). Call only on a line
 * that JSON.parse accepted.
 */
export function findTopLevelField(line: string, key: string): FieldSpan | undefined {
	let i = skipWs(line, 0);
	if (line[i] !== "{") return undefined;
	i = skipWs(line, i + 1);
	let found: FieldSpan | undefined;
	while (i < line.length && line[i] !== "}") {
		const keyStart = i;
		i = skipString(line, i);
		const name = JSON.parse(line.slice(keyStart, i)) as string;
		i = skipWs(line, i);
		i = skipWs(line, i + 1); // the colon
		const valueStart = i;
		i = skipValue(line, i);
		if (name === key) found = { start: valueStart, end: i };
		i = skipWs(line, i);
		if (line[i] === ",") i = skipWs(line, i + 1);
	}
	return found;
}

/**
 * Serialises a string in the style of the token it replaces: if the original
 * escaped every non-ASCII character (Python's ensure_ascii), so does this,
 * with the same hex case; otherwise plain JSON.stringify.
 */
export function encodeLikeOriginal(value: string, originalToken: string): string {
	const plain = JSON.stringify(value);
	// eslint-disable-next-line no-control-regex
	const asciiOnly = /^[\x00-\x7f]*$/u.test(originalToken);
	const escapes = /\\u([0-9a-fA-F]{4})/u.exec(originalToken);
	if (!asciiOnly || !escapes) return plain;
	const upper = /[A-F]/u.test(escapes[1]) && !/[a-f]/u.test(escapes[1]);
	// No `u` flag on purpose: astral characters must become two \uXXXX surrogate escapes, as Python writes them.
	// eslint-disable-next-line require-unicode-regexp
	return plain.replace(/[\u007f-\uffff]/g, (ch) => {
		const hex = ch.charCodeAt(0).toString(16).padStart(4, "0");
		return `\\u${upper ? hex.toUpperCase() : hex}`;
	});
}

export function replaceField(line: string, span: FieldSpan, value: string): string {
	const token = line.slice(span.start, span.end);
	return line.slice(0, span.start) + encodeLikeOriginal(value, token) + line.slice(span.end);
}
