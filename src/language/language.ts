import type { File, Language, OkParseResult } from "@eslint/core";
import { visitorKeys, type DocumentNode, type TextNode } from "./ast.js";
import { parseText } from "./parse.js";
import { TextSourceCode } from "./source-code.js";

/** Language options; the text language has none today but ESLint requires the slot. */
export type TextLanguageOptions = Record<string, never>;

function bodyText(body: string | Uint8Array): string {
	return typeof body === "string" ? body : new TextDecoder("utf-8").decode(body);
}

/**
 * The text language as an ESLint language object. corpuslint's own kernel uses
 * the same `parse` and `createSourceCode`, so a rule sees identical nodes in
 * both hosts.
 */
export const textLanguage: Language<{
	LangOptions: TextLanguageOptions;
	Code: TextSourceCode;
	RootNode: DocumentNode;
	Node: TextNode;
}> = {
	fileType: "text",
	lineStart: 1,
	columnStart: 1,
	nodeTypeKey: "type",
	visitorKeys,
	defaultLanguageOptions: {},
	validateLanguageOptions(options) {
		if (options && Object.keys(options).length > 0) {
			throw new TypeError(`corpuslint/text has no language options (got ${Object.keys(options).join(", ")})`);
		}
	},
	parse(file: File): OkParseResult<DocumentNode> {
		return { ok: true, ast: parseText(bodyText(file.body)) };
	},
	createSourceCode(file: File, input: OkParseResult<DocumentNode>) {
		return new TextSourceCode({ text: bodyText(file.body), ast: input.ast });
	},
};
