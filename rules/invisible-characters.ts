import { ruleDocsUrl, type TextRuleDefinition } from "../src/language/rule-types.js";
import { codePointAt, codePointBefore } from "../src/linguistics/script.js";

type MessageIds = "zeroWidth" | "bom" | "control" | "softHyphen" | "bidi";
type Options = [{ bidi?: boolean }];

/**
 * One run of invisible characters of one kind. Tab, LF and CR are layout;
 * U+FFFD and private-use characters are OCR damage and belong to `ocr-garbling`.
 */
const INVISIBLE = /\ufeff+|[\u200b-\u200d\u2060]+|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]+|\u00ad+|[\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu;
const EMOJI = /\p{Extended_Pictographic}/u;
/** Scripts whose spelling uses ZWJ/ZWNJ (Arabic, Persian, Indic, Sinhala…). */
const JOINING_SCRIPT = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Mongolian}]/u;
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

function kindOf(ch: string): MessageIds {
	const c = ch.charCodeAt(0);
	if (c === 0xfeff) return "bom";
	if (c >= 0x200b && c <= 0x2060 && c !== 0x200e && c !== 0x200f && !(c >= 0x202a && c <= 0x202e)) return "zeroWidth";
	if (c === 0xad) return "softHyphen";
	if (c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return "bidi";
	return "control";
}

const NAMES: Readonly<Record<number, string>> = {
	0x200b: "ZERO WIDTH SPACE",
	0x200c: "ZERO WIDTH NON-JOINER",
	0x200d: "ZERO WIDTH JOINER",
	0x2060: "WORD JOINER",
	0xfeff: "BYTE ORDER MARK",
	0xad: "SOFT HYPHEN",
};

function describe(run: string): string {
	const c = run.charCodeAt(0);
	const hex = `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
	const name = NAMES[c] ? ` ${NAMES[c]}` : "";
	return run.length > 1 ? `${run.length} × ${hex}${name}` : `${hex}${name}`;
}

/** A joiner that is part of the spelling: inside an emoji sequence or a joining script. */
function isMeaningfulJoiner(text: string, start: number, end: number): boolean {
	const before = codePointBefore(text, start);
	const after = codePointAt(text, end);
	if (before < 0 || after < 0) return false;
	const b = String.fromCodePoint(before);
	const a = String.fromCodePoint(after);
	// Emoji ZWJ sequences: 👩‍💻 (the joiner may follow VS16 or a skin-tone modifier).
	const emojiBefore = EMOJI.test(b) || before === 0xfe0f || (before >= 0x1f3fb && before <= 0x1f3ff);
	if (text.slice(start, end) === "\u200d" && emojiBefore && EMOJI.test(a)) return true;
	return JOINING_SCRIPT.test(b) && JOINING_SCRIPT.test(a);
}

const rule: TextRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Disallow invisible characters: zero-width characters, a byte order mark inside the text, control characters, soft hyphens",
			url: ruleDocsUrl("invisible-characters"),
			recommended: true,
		},
		fixable: "code",
		schema: [
			{
				type: "object",
				properties: { bidi: { type: "boolean" } },
				additionalProperties: false,
			},
		],
		defaultOptions: [{ bidi: true }],
		messages: {
			zeroWidth: "Invisible {{what}}.",
			bom: "Byte order mark ({{what}}) inside the text.",
			control: "Control character {{what}}.",
			softHyphen: "Invisible {{what}}.",
			bidi: "Bidirectional formatting character {{what}} in text without right-to-left script.",
		},
	},
	create(context) {
		const [{ bidi }] = context.options;
		const { sourceCode } = context;
		return {
			Document(node) {
				const text = sourceCode.text;
				INVISIBLE.lastIndex = 0;
				let hasRtl: boolean | undefined;
				for (let m = INVISIBLE.exec(text); m; m = INVISIBLE.exec(text)) {
					const start = m.index;
					const end = start + m[0].length;
					const kind = kindOf(m[0]);
					// A BOM as the very first character is an encoding signature, not content.
					if (kind === "bom" && start === 0 && end === 1) continue;
					if (kind === "zeroWidth" && /^[\u200c\u200d]$/u.test(m[0]) && isMeaningfulJoiner(text, start, end)) continue;
					if (kind === "bidi") {
						if (!bidi) continue;
						hasRtl ??= RTL.test(text);
						if (hasRtl) continue;
					}
					const [s, e] = kind === "bom" && start === 0 ? [1, end] : [start, end];
					if (s >= e) continue;
					context.report({
						loc: sourceCode.locOfRange(sourceCode.rangeIn(node, s, e)),
						messageId: kind,
						data: { what: describe(text.slice(s, e)) },
						fix: (fixer) => fixer.removeRange(sourceCode.rangeIn(node, s, e)),
					});
				}
			},
		};
	},
};

export default rule;
