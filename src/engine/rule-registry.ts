import type { TextRuleDefinition } from "../language/rule-types.js";

/** Any rule, whatever its options and message ids. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = TextRuleDefinition<{ RuleOptions: any[]; MessageIds: string }>;

export type RuleRegistry = ReadonlyMap<string, AnyRule>;

/** Levenshtein distance, for "did you mean" on unknown rule names. */
function distance(a: string, b: string): number {
	const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0];
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = prev[j];
			prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = tmp;
		}
	}
	return prev[b.length];
}

export function closestRuleName(name: string, registry: RuleRegistry): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const id of registry.keys()) {
		const d = distance(name, id);
		if (d < bestDistance) {
			best = id;
			bestDistance = d;
		}
	}
	return bestDistance <= Math.max(3, Math.floor(name.length / 2)) ? best : undefined;
}
