import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bridgeWord } from "../../src/linguistics/continuation.js";
import { wordFrequency } from "../../src/linguistics/segment.js";

/** The definition `bridgeWord` implements, without its shortcuts: every candidate word is looked up. */
function referenceBridgeWord(left: string, right: string, minRatio = 0.1, maxLength = 4): string | undefined {
	const l = left.replace(/[\s\u3000\u00a0]+$/u, "").slice(-3);
	const r = right.replace(/^[\s\u3000\u00a0]*/u, "").slice(0, 3);
	const han = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
	if (!han(l.charCodeAt(l.length - 1)) || !han(r.charCodeAt(0))) return undefined;
	let best: string | undefined;
	let bestRatio = minRatio;
	for (let a = 1; a <= 3; a++) {
		for (let b = 1; b <= 3 && a + b <= maxLength; b++) {
			if (l.length < a || r.length < b) continue;
			const word = l.slice(-a) + r.slice(0, b);
			if (!/^\p{Script=Han}+$/u.test(word)) continue;
			const f = wordFrequency(word);
			if (f === 0) continue;
			const ratio = f / Math.max(1, Math.min(wordFrequency(l.slice(-a)), wordFrequency(r.slice(0, b))));
			if (ratio >= bestRatio) {
				bestRatio = ratio;
				best = word;
			}
		}
	}
	return best;
}

describe("bridgeWord", () => {
	it("finds the word split across a join", () => {
		expect(bridgeWord("宋建武认为,当代人类信", "息交互领域")).toBe("信息");
		expect(bridgeWord("需", "　要做好")).toBe("需要");
		expect(bridgeWord("他说。", "我们")).toBeUndefined();
	});

	it("agrees with looking up every candidate word, on every line join of the seeds", () => {
		const dir = new URL("../../seeds/", import.meta.url);
		const lines = readdirSync(dir)
			.filter((f) => f.endsWith(".txt"))
			.flatMap((f) => readFileSync(new URL(f, dir), "utf8").split(/\r?\n/u))
			.filter((l) => l.trim());
		// Every line end against the starts of the next lines, and some cut inside lines, with odd spacing around the join.
		const pieces = lines.flatMap((l) => [l, l.slice(0, l.length >> 1) + " \u3000", "\u00a0" + l.slice(l.length >> 1), l.slice(-2), l.slice(0, 2)]);
		let compared = 0;
		let found = 0;
		for (let i = 0; i + 1 < pieces.length; i++) {
			for (const [ratio, length] of [[0.1, 4], [0.1, 3], [1, 4]]) {
				const left = pieces[i];
				const right = pieces[(i * 7 + 1) % pieces.length];
				expect(bridgeWord(left, right, ratio, length)).toBe(referenceBridgeWord(left, right, ratio, length));
				expect(bridgeWord(left, pieces[i + 1], ratio, length)).toBe(referenceBridgeWord(left, pieces[i + 1], ratio, length));
				compared += 2;
				if (referenceBridgeWord(left, pieces[i + 1], ratio, length)) found++;
			}
		}
		expect(compared).toBeGreaterThan(1000);
		expect(found).toBeGreaterThan(20);
	});
});
