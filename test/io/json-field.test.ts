import { describe, expect, it } from "vitest";
import { encodeLikeOriginal, findTopLevelField, replaceField } from "../../src/io/json-field.js";

function rewrite(line: string, key: string, value: string): string {
	const span = findTopLevelField(line, key);
	if (!span) throw new Error(`no field ${key}`);
	return replaceField(line, span, value);
}

describe("findTopLevelField", () => {
	it("finds the top-level field, not a same-named key inside a nested object or a string", () => {
		const line = '{"meta":{"text":"nested"},"note":"\\"text\\": no","text":"正文","n":1e5}';
		const span = findTopLevelField(line, "text")!;
		expect(line.slice(span.start, span.end)).toBe('"正文"');
	});

	it("uses the last duplicate key, the one JSON.parse keeps", () => {
		const line = '{"text":"first","text":"second"}';
		const span = findTopLevelField(line, "text")!;
		expect(line.slice(span.start, span.end)).toBe('"second"');
		expect(JSON.parse(line).text).toBe("second");
	});

	it("copes with whitespace, arrays and escaped quotes and backslashes", () => {
		const line = ' { "tags" : ["a]", {"b":"}"}] , "text" : "x\\\\", "id" : 7 } ';
		const span = findTopLevelField(line, "text")!;
		expect(line.slice(span.start, span.end)).toBe('"x\\\\"');
		expect(findTopLevelField(line, "missing")).toBeUndefined();
	});

	it("matches an escaped key by its decoded name", () => {
		const line = '{"te\\u0078t":"escaped key"}';
		const span = findTopLevelField(line, "text")!;
		expect(line.slice(span.start, span.end)).toBe('"escaped key"');
	});
});

describe("replaceField keeps every other byte", () => {
	it("replaces only the text token: key order, numbers (1.0, 1e5), spacing and nested objects untouched", () => {
		const line = '{"z": 1.0, "text": "旧 文本", "a": {"x": [1e5, -0.0, "\\u4e2d"]}, "id": "d1"}';
		const out = rewrite(line, "text", "新文本");
		expect(out).toBe('{"z": 1.0, "text": "新文本", "a": {"x": [1e5, -0.0, "\\u4e2d"]}, "id": "d1"}');
	});

	it("escapes newlines, quotes and backslashes in the new value", () => {
		const out = rewrite('{"text":"a"}', "text", '第一行\n"引号" \\ 反斜杠\t');
		expect(out).toBe('{"text":"第一行\\n\\"引号\\" \\\\ 反斜杠\\t"}');
		expect(JSON.parse(out).text).toBe('第一行\n"引号" \\ 反斜杠\t');
	});

	it("keeps Python ensure_ascii style: non-ASCII as \\uXXXX and astral characters as surrogate pairs", () => {
		const original = '{"text": "\\u4e2d\\u6587 \\ud83d\\ude00  ", "id": 1}';
		const out = rewrite(original, "text", "中文 😀");
		expect(out).toBe('{"text": "\\u4e2d\\u6587 \\ud83d\\ude00", "id": 1}');
		// eslint-disable-next-line no-control-regex
		expect(out).toMatch(/^[\x00-\x7f]*$/u);
		expect(JSON.parse(out).text).toBe("中文 😀");
	});

	it("keeps upper-case hex when the original used it", () => {
		expect(encodeLikeOriginal("中", '"\\u4E2D "')).toBe('"\\u4E2D"');
	});

	it("writes raw UTF-8 when the original token had raw non-ASCII characters", () => {
		expect(encodeLikeOriginal("中 😀", '"中  😀"')).toBe('"中 😀"');
		// A token with no escapes at all says nothing about style: plain JSON.
		expect(encodeLikeOriginal("中", '"abc"')).toBe('"中"');
	});
});
