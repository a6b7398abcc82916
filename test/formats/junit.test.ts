import { describe, expect, it } from "vitest";
import { junit, xmlEscape } from "../../src/formats/junit.js";
import { sampleContext, sampleResults } from "./sample-results.js";
import { parseXml } from "./xml-check.js";

describe("xml-check (the test's own parser)", () => {
	it("rejects what is not well-formed", () => {
		expect(() => parseXml("<a><b></a></b>")).toThrow(/mismatched/u);
		expect(() => parseXml('<a x="1 & 2"/>')).toThrow(/reference/u);
		expect(() => parseXml("<a>1 < 2</a>")).toThrow();
		expect(() => parseXml("<a>\u0001</a>")).toThrow(/forbids/u);
		expect(() => parseXml("<a/><b/>")).toThrow(/second root/u);
		expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/u);
		expect(parseXml('<a x="&lt;&#10;"><b>t&amp;</b></a>').children[0].text).toBe("t&");
	});
});

describe("junit formatter", () => {
	it("escapes the five XML specials and drops characters XML 1.0 forbids", () => {
		expect(xmlEscape(`a&b<c>d"e'f\u0001\u0008\uFFFE\uD800g\u{1F600}\t`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;fg\u{1F600}\t");
	});

	it("is well-formed: a testsuite per file, a testcase per rule, a failure per finding", () => {
		const xml = junit(sampleResults(), sampleContext);
		const root = parseXml(xml);
		expect(root.name).toBe("testsuites");
		expect(root.attributes).toMatchObject({ tests: "5", failures: "3", errors: "1" });
		const [article, corpus, clean] = root.children;
		expect(article.attributes).toMatchObject({ name: "data/article one.txt", tests: "2", failures: "2", errors: "0" });
		expect(article.children.map((c) => c.attributes.name)).toEqual(["punctuation-width", "whitespace"]);
		const failure = article.children[1].children[0];
		expect(failure.name).toBe("failure");
		expect(failure.attributes.type).toBe("error");
		// Message survives the round trip, minus the control character XML cannot carry.
		expect(failure.attributes.message).toBe("100% wrong: a, b\r\nnext <line> & \"q\" 'a' end");
		expect(failure.text).toContain("data/article one.txt:2:4 100% wrong");

		expect(corpus.children.map((c) => c.attributes.name)).toEqual(["input", "punctuation-width"]);
		expect(corpus.children[0].children[0].name).toBe("error");
		expect(corpus.children[1].children[0].text).toBe(
			"data/batch.jsonl:3 [doc-7] 2:3 Half-width ',' inside Chinese text; use '，'. (punctuation-width)",
		);
		expect(clean.children).toHaveLength(1);
		expect(clean.children[0].children).toHaveLength(0);
	});

	it("keeps several findings of one rule in one testcase", () => {
		const [result] = sampleResults();
		result.messages = [result.messages[0], { ...result.messages[0], line: 3, column: 1 }];
		const root = parseXml(junit([result], sampleContext));
		expect(root.children[0].children).toHaveLength(1);
		expect(root.children[0].children[0].children.map((f) => f.name)).toEqual(["failure", "failure"]);
	});
});
