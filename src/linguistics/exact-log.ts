/**
 * The natural logarithm of a positive integer, correctly rounded to the
 * nearest double. Used only when data files are generated.
 *
 * Why not Math.log: jieba-rs takes `(count as f64).ln()`, which is glibc's
 * `log`, and that is correctly rounded on every dictionary count; V8's
 * Math.log (an fdlibm port) is off by one ulp on 77 of the 5 089 distinct
 * counts of jieba's dictionary. A one-ulp difference can flip a tie between
 * two routes, so the segmenter reads logarithms computed here instead.
 */

const BITS = 200n;
const ONE = 1n << BITS;

/** atanh(z) in fixed point (z given as z·2^BITS, |z| ≤ 1/3), by its odd power series. */
function atanhFixed(z: bigint): bigint {
	const z2 = (z * z) >> BITS;
	let power = z;
	let sum = z;
	for (let k = 3n; ; k += 2n) {
		power = (power * z2) >> BITS;
		const term = power / k;
		if (term === 0n) return sum;
		sum += term;
	}
}

let ln2: bigint | undefined;

/** ln(n) for an integer n ≥ 0 (−Infinity for 0), correctly rounded. */
export function exactLn(n: number): number {
	if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`exactLn: ${n} is not a non-negative safe integer`);
	if (n === 0) return -Infinity;
	if (n === 1) return 0;
	// ln 2 = 2·atanh(1/3).
	ln2 ??= 2n * atanhFixed(ONE / 3n);
	// n = 2^k · m with m in [0.75, 1.5): ln n = k·ln 2 + 2·atanh((m − 1)/(m + 1)).
	let k = BigInt(n.toString(2).length - 1);
	let m = (BigInt(n) << BITS) >> k;
	if (m * 2n >= 3n * ONE) {
		k += 1n;
		m >>= 1n;
	}
	const z = ((m - ONE) << BITS) / (m + ONE);
	const fixed = k * ln2 + 2n * atanhFixed(z);
	// BigInt → Number rounds to nearest; dividing by a power of two is exact.
	return Number(fixed) / 2 ** Number(BITS);
}
