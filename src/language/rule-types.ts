import type { RuleVisitor } from "@eslint/core";
import type { CustomRuleDefinitionType, CustomRuleTypeDefinitions } from "@eslint/plugin-kit";
import type { DocumentNode, LineNode, ParagraphNode, TextNode } from "./ast.js";
import type { TextLanguageOptions } from "./language.js";
import type { TextSourceCode } from "./source-code.js";

export interface TextRuleVisitor extends RuleVisitor {
	Document?(node: DocumentNode): void;
	"Document:exit"?(node: DocumentNode): void;
	Paragraph?(node: ParagraphNode, parent: DocumentNode): void;
	"Paragraph:exit"?(node: ParagraphNode, parent: DocumentNode): void;
	Line?(node: LineNode, parent: ParagraphNode): void;
	"Line:exit"?(node: LineNode, parent: ParagraphNode): void;
}

/**
 * The type every corpuslint rule is declared with, the same way
 * `@eslint/json` and `@eslint/markdown` type theirs.
 */
export type TextRuleDefinition<Options extends Partial<CustomRuleTypeDefinitions> = {}> = CustomRuleDefinitionType<
	{
		LangOptions: TextLanguageOptions;
		Code: TextSourceCode;
		Visitor: TextRuleVisitor;
		Node: TextNode;
	},
	Options
>;

/** Extra `meta.docs` fields corpuslint reads (the recommended severity for the preset). */
export interface TextRuleDocs extends Record<string, unknown> {
	recommended?: boolean | "warn" | "error";
}

/** Where a rule's doc page lives; SARIF and the HTML report link to it. */
export function ruleDocsUrl(ruleId: string): string {
	return `https://github.com/corpuslint/corpuslint/blob/main/rules/${ruleId}.md`;
}
