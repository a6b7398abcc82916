/**
 * Seeded random inputs for comparing our word cutter with native jieba
 * (test/linguistics/word-cut.test.ts, scripts/compare-segmenter.ts): pieces of
 * dictionary words (so routes, ties and dictionary runs are exercised), rare
 * ideographs (so the HMM and its skip pattern are), Latin, digits, `.%+#&_-`,
 * full-width punctuation, whitespace including "\r\n", emoji and other astral
 * characters, and now and then a lone surrogate.
 */
import { loadLexicon } from "../src/linguistics/segment.js";

export { mulberry32 } from "./prng.js";

const PIECES = [
	"a", "Z", "x", "AI", "GDP", "iPhone", "C++", "C#", "4S店", "3.14", "50%", "1.2.3", "WES-5.4.5", "v2", "0", "7", "2024年", "12.5%",
	".", "%", "+", "#", "&", "_", "-", "..", "%%", "a.b", "1.", ".5",
	"，", "。", "、", "“", "”", "（", "）", "：", "；", "！", "？", "《", "》", "—", "…", "·", "　", "～", "％", "＋", "１２", "ＡＢ",
	" ", "  ", "\t", "\n", "\r\n", "\r", "\n\n",
	"😀", "👪", "🇨🇳", "𝐀", "𠀀", "𠀁𠀂", "𪜀", "丽", "鿖", "鿿", "㐀", "䶵", "豈", "γ射线", "é", "ß", "Ω",
];

/** Ideographs the dictionary and the HMM treat unevenly: outside U+4E00..U+9FD5, rare, or common singles. */
const RARE = "鿖鿗鿘鿿㐀㐁䶵豈更丽龟亀齉龘靐齾爨癵驫鱻麤厵灥";

let words: string[] | undefined;

function dictionaryWords(): string[] {
	if (words) return words;
	const lex = loadLexicon();
	const out: string[] = [];
	for (let i = 0; i < lex.pair.length; i += 37) out.push(String.fromCharCode(lex.pair[i] >>> 16, lex.pair[i] & 0xffff));
	for (let i = 0; i < lex.longHi.length; i += 29) {
		const lo = lex.longLo[i];
		out.push(String.fromCharCode(lex.longHi[i] >>> 16, lex.longHi[i] & 0xffff, lo >>> 16) + (lo & 0xffff ? String.fromCharCode(lo & 0xffff) : ""));
	}
	for (let i = 0; i + 1 < lex.extraStart.length; i += 3) out.push(String.fromCharCode(...lex.extraUnits.subarray(lex.extraStart[i], lex.extraStart[i + 1])));
	for (let i = 0; i < lex.single.length; i += 5) out.push(String.fromCharCode(lex.single[i]));
	return (words = out);
}

export function randomSegmenterInput(random: () => number): string {
	const dict = dictionaryWords();
	const pick = <T>(list: ArrayLike<T>) => list[Math.floor(random() * list.length)];
	const length = 1 + Math.floor(random() * random() * 40);
	let text = "";
	for (let i = 0; i < length; i++) {
		const r = random();
		if (r < 0.45) {
			let w = pick(dict);
			// A piece of a word as often as a whole one: half-words make unknown runs for the HMM.
			if (random() < 0.4 && w.length > 1) w = random() < 0.5 ? w.slice(0, -1) : w.slice(1);
			text += w;
		} else if (r < 0.6) text += String.fromCharCode(0x4e00 + Math.floor(random() * (0x9fd5 - 0x4e00)));
		else if (r < 0.65) text += pick([...RARE]);
		else if (r < 0.98) text += pick(PIECES);
		else text += String.fromCharCode(0xd800 + Math.floor(random() * 0x800));
	}
	return text;
}
