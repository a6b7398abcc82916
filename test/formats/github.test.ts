import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, github } from "../../src/formats/github.js";
import { sampleContext, sampleResults } from "./sample-results.js";

describe("github formatter", () => {
	it("escapes data and properties as @actions/core does", () => {
		expect(escapeData("100%\r\na:b,c")).toBe("100%25%0D%0Aa:b,c");
		expect(escapeProperty("100%\r\na:b,c")).toBe("100%25%0D%0Aa%3Ab%2Cc");
	});

	it("writes one workflow command per finding, warnings as ::warning", () => {
		const lines = github(sampleResults(), sampleContext).trimEnd().split("\n");
		expect(lines).toEqual([
			"::warning file=data/article one.txt,line=1,col=4,endLine=1,endColumn=5,title=punctuation-width::Half-width ',' inside Chinese text; use '，'.",
			"::error file=data/article one.txt,line=2,col=4,endLine=2,endColumn=6,title=whitespace::100%25 wrong: a, b%0D%0Anext <line> & \"q\" 'a' \u0001end",
			"::error file=data/batch.jsonl,line=2,col=1,title=corpuslint::line is not valid JSON",
			"::error file=data/batch.jsonl,line=3,col=1,title=punctuation-width::[doc-7] Half-width ',' inside Chinese text; use '，'. (document text 2:3)",
		]);
	});

	it("escapes separators in file names and rule ids so the runner cannot split them", () => {
		const [result] = sampleResults();
		result.filePath = "/repo/a,b:c%.txt";
		result.messages = [{ ...result.messages[0], ruleId: "x:y,z" }];
		expect(github([result], sampleContext)).toBe(
			"::warning file=a%2Cb%3Ac%25.txt,line=1,col=4,endLine=1,endColumn=5,title=x%3Ay%2Cz::Half-width ',' inside Chinese text; use '，'.\n",
		);
	});

	it("prints nothing for clean results", () => {
		expect(github(sampleResults().slice(2), sampleContext)).toBe("");
	});
});
