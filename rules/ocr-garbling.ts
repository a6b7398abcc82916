import type { ParagraphNode } from "../src/language/ast.js";
import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";
import {
	detectContextConfusions,
	detectInjectedSpaces,
	detectLatinDigit,
	detectLookalikes,
	detectMojibake,
	detectTraditional,
	isPredominantlySimplified,
	scanParagraph,
	scriptBalance,
	SEEN_DIGIT,
	SEEN_LETTER,
	SEEN_SPACE,
	SEEN_TRADITIONAL,
	type OcrFinding,
} from "../src/linguistics/ocr/index.js";

type Options = [
	{
		lookalike?: boolean;
		traditional?: boolean;
		latinDigit?: boolean;
		injectedSpace?: boolean;
		mojibake?: boolean;
		damagedChar?: boolean;
		/** Look-alike findings below this confidence are not reported. */
		lookalikeMinConfidence?: number;
		/** Look-alike findings at or above this confidence are fixed; below it they are suggestions. */
		lookalikeFixConfidence?: number;
		/** Dictionary count the two sides of an isolated space must reach as one word for the space to be removed. */
		injectedSpaceMinWordCount?: number;
		/** Look-alikes that are words themselves, decided by a quantity slot (等名家政务机构 → 多家); suggestions. */
		lookalikeContext?: boolean;
		/** Two damaged characters before a head noun (健休单位: 休 → 体?); suggestions. */
		lookalikeDamagedPair?: boolean;
	},
];

type MessageIds = "lookalike" | "traditional" | "latinDigit" | "injectedSpace" | "mojibake" | "damagedChar" | "replace";

const rule: TextRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Detect OCR damage: look-alike characters, stray traditional characters, Latin/digit confusions, injected spaces, mojibake",
			url: ruleDocsUrl("ocr-garbling"),
			recommended: true,
		},
		fixable: "code",
		hasSuggestions: true,
		schema: [
			{
				type: "object",
				properties: {
					lookalike: { type: "boolean" },
					traditional: { type: "boolean" },
					latinDigit: { type: "boolean" },
					injectedSpace: { type: "boolean" },
					mojibake: { type: "boolean" },
					damagedChar: { type: "boolean" },
					lookalikeMinConfidence: { type: "number", minimum: 0, maximum: 1 },
					lookalikeFixConfidence: { type: "number", minimum: 0, maximum: 1.01 },
					injectedSpaceMinWordCount: { type: "integer", minimum: 1 },
					lookalikeContext: { type: "boolean" },
					lookalikeDamagedPair: { type: "boolean" },
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [
			{
				lookalike: true,
				traditional: true,
				latinDigit: true,
				injectedSpace: true,
				mojibake: true,
				damagedChar: true,
				lookalikeMinConfidence: 0.45,
				lookalikeFixConfidence: 0.75,
				injectedSpaceMinWordCount: 20,
				lookalikeContext: true,
				lookalikeDamagedPair: true,
			},
		],
		messages: {
			lookalike: "Possible OCR look-alike: “{{found}}” → “{{proposed}}”?",
			traditional: "Traditional character “{{found}}” in simplified text: “{{proposed}}”.",
			latinDigit: "OCR Latin/digit confusion: “{{found}}” → “{{proposed}}”.",
			injectedSpace: "Space injected inside Chinese text by line wrapping: “{{found}}”.",
			mojibake: "Mojibake (UTF-8 decoded with the wrong encoding): “{{found}}” → “{{proposed}}”.",
			damagedChar: "Damaged character “{{found}}” (replacement or private-use character): the original text is lost.",
			replace: "Replace with “{{proposed}}”.",
		},
	},
	create(context) {
		const [options] = context.options;
		const { sourceCode } = context;
		const documentText = sourceCode.text;
		// Traditional forms are looked for only in a simplified document that has some at all.
		const traditionalToFind = () =>
			sourceCode.memo("ocr-script-balance", sourceCode.ast, () => {
				const balance = scriptBalance(documentText);
				return balance.traditional > 0 && isPredominantlySimplified(balance);
			});
		const occurrences = (s: string) => {
			let n = 0;
			for (let at = documentText.indexOf(s); at >= 0 && n < 2; at = documentText.indexOf(s, at + 1)) n++;
			return n;
		};
		const mojibakeOptions = { mojibake: options.mojibake!, damaged: options.damagedChar! };
		const injectedSpaceOptions = { minWordCount: options.injectedSpaceMinWordCount! };
		const lookalikeOptions = { minConfidence: options.lookalikeMinConfidence!, occurrences };
		const contextOptions = { quantity: options.lookalikeContext!, damagedPair: options.lookalikeDamagedPair!, occurrences };
		return {
			Paragraph(node) {
				const text = node.value;
				// One pass over the paragraph for all detectors, read where it lies in the document (see scanParagraph).
				const scan = scanParagraph(documentText, node.range[0], node.range[1]);
				// Most paragraphs have no finding at all: no arrays spread, sorted or filtered for them.
				let findings: OcrFinding[] | undefined;
				let garbled = false;
				const add = (found: readonly OcrFinding[]) => {
					if (found.length === 0) return;
					if (findings === undefined) findings = [];
					for (let k = 0; k < found.length; k++) findings.push(found[k]);
				};
				if (options.mojibake || options.damagedChar) {
					const found = detectMojibake(text, mojibakeOptions, scan);
					garbled = found.length > 0;
					add(found);
				}
				// The detectors below find nothing without the units they start from.
				if (options.latinDigit && (scan.seen & (SEEN_LETTER | SEEN_DIGIT)) === (SEEN_LETTER | SEEN_DIGIT)) add(detectLatinDigit(text));
				if (options.injectedSpace && (scan.seen & SEEN_SPACE) !== 0) add(detectInjectedSpaces(text, injectedSpaceOptions));
				if (options.traditional && (scan.seen & SEEN_TRADITIONAL) !== 0 && traditionalToFind()) add(detectTraditional(text));
				if (options.lookalike) {
					add(detectLookalikes(text, lookalikeOptions, scan));
					if (options.lookalikeContext || options.lookalikeDamagedPair) {
						const contextual = detectContextConfusions(text, contextOptions, scan);
						// A character the look-alike detector already reads is not read twice.
						for (const f of contextual) {
							if (!findings?.some((g) => g.subtype === "lookalike" && g.start === f.start)) (findings ??= []).push(f);
						}
					}
				}
				if (findings === undefined) return;
				if (findings.length > 1) findings.sort((a, b) => a.start - b.start);
				// Mojibake spans are rewritten whole; other detectors' findings inside them are noise.
				const spans = garbled ? findings.filter((f) => f.subtype === "mojibake" || f.subtype === "damagedChar") : [];
				for (const f of findings) {
					if (garbled && f.subtype !== "mojibake" && f.subtype !== "damagedChar" && spans.some((g) => f.start < g.end && g.start < f.end)) {
						continue;
					}
					report(node, f);
				}
			},
		};

		function report(node: ParagraphNode, f: OcrFinding): void {
			const data = { found: f.found, proposed: f.proposed ?? "" };
			const range = sourceCode.rangeIn(node, f.start, f.end);
			const loc = sourceCode.locIn(node, f.start, f.end);
			const replacement = f.replacement;
			if (replacement === undefined) {
				context.report({ loc, messageId: f.subtype, data });
				return;
			}
			const safe = !f.suggestOnly && (f.subtype !== "lookalike" || f.confidence >= options.lookalikeFixConfidence!);
			if (safe) {
				context.report({ loc, messageId: f.subtype, data, fix: (fixer) => fixer.replaceTextRange(range, replacement) });
			} else {
				context.report({
					loc,
					messageId: f.subtype,
					data,
					suggest: [{ messageId: "replace", data, fix: (fixer) => fixer.replaceTextRange(range, replacement) }],
				});
			}
		}
	},
};

export default rule;
