/**
 * jieba's hidden Markov model for words the dictionary does not know: each
 * character is tagged Begin, End, Middle or Single by Viterbi decoding, and
 * the tags give the words. This is the model jieba-rs compiles into
 * @node-rs/jieba (the same `hmm_model.utf8` that cppjieba ships, MIT),
 * stored as data/hmm-model.bin by scripts/build-hmm-model.ts.
 *
 * Layout (little-endian): "CHM1", u32 n, f64 start[4], f64 trans[4][4],
 * u16 chars[n] (+ padding to 8 bytes), f64 emit[n][4]. States are indexed
 * B = 0, E = 1, M = 2, S = 3, as in the model file; only characters of
 * U+4E00..U+9FD5 are kept, the only ones the model is ever asked about.
 */

export const HMM_HAN_MIN = 0x4e00;
export const HMM_HAN_MAX = 0x9fd5;
/** The model's log-probability of anything it never saw. */
export const MIN_FLOAT = -3.14e100;

const MAGIC = 0x314d4843; // "CHM1"
const B = 0;
const E = 1;
const M = 2;
const S = 3;

export interface HmmModel {
	start: Float64Array;
	/** trans[from * 4 + to] */
	trans: Float64Array;
	/** emit[(unit − HMM_HAN_MIN) * 4 + state], MIN_FLOAT where the model has no value. */
	emit: Float64Array;
}

/** Parses cppjieba's hmm_model.utf8 text into the binary form. */
export function encodeHmmModel(text: string): Uint8Array {
	const lines = text
		.split("\n")
		.map((l) => l.trim())
		.filter((l) => l !== "" && !l.startsWith("#"));
	if (lines.length < 9) throw new Error(`corpuslint: HMM model has ${lines.length} data lines, expected 9`);
	const numbers = (line: string) => {
		const values = line.split(/\s+/).map(Number);
		if (values.length !== 4 || values.some((v) => !Number.isFinite(v))) throw new Error(`corpuslint: bad HMM model line ${line.slice(0, 80)}`);
		return values;
	};
	const start = numbers(lines[0]);
	const trans = lines.slice(1, 5).flatMap(numbers);
	const emit = new Map<number, number[]>();
	for (let state = 0; state < 4; state++) {
		for (const pair of lines[5 + state].split(",")) {
			if (pair.trim() === "") continue;
			const colon = pair.lastIndexOf(":");
			const key = pair.slice(0, colon);
			const value = Number(pair.slice(colon + 1));
			if ([...key].length !== 1 || !Number.isFinite(value)) throw new Error(`corpuslint: bad HMM emission ${pair}`);
			const unit = key.charCodeAt(0);
			if (key.length !== 1 || unit < HMM_HAN_MIN || unit > HMM_HAN_MAX) continue;
			let row = emit.get(unit);
			if (!row) emit.set(unit, (row = [MIN_FLOAT, MIN_FLOAT, MIN_FLOAT, MIN_FLOAT]));
			row[state] = value;
		}
	}
	const chars = [...emit.keys()].sort((a, b) => a - b);
	const charBytes = (chars.length * 2 + 7) & ~7;
	const bytes = new Uint8Array(8 + 20 * 8 + charBytes + chars.length * 32);
	const view = new DataView(bytes.buffer);
	view.setUint32(0, MAGIC, true);
	view.setUint32(4, chars.length, true);
	let at = 8;
	for (const v of [...start, ...trans]) (view.setFloat64(at, v, true), (at += 8));
	for (const c of chars) (view.setUint16(at, c, true), (at += 2));
	at = 8 + 20 * 8 + charBytes;
	for (const c of chars) for (const v of emit.get(c)!) (view.setFloat64(at, v, true), (at += 8));
	return bytes;
}

export function decodeHmmModel(bytes: Uint8Array): HmmModel {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (view.getUint32(0, true) !== MAGIC) throw new Error("corpuslint: data/hmm-model.bin is not an HMM model (re-run scripts/build-hmm-model.ts)");
	const n = view.getUint32(4, true);
	const f64 = (at: number) => view.getFloat64(at, true);
	const start = Float64Array.from({ length: 4 }, (_, i) => f64(8 + i * 8));
	const trans = Float64Array.from({ length: 16 }, (_, i) => f64(40 + i * 8));
	const emit = new Float64Array((HMM_HAN_MAX - HMM_HAN_MIN + 1) * 4).fill(MIN_FLOAT);
	const rows = 8 + 20 * 8 + ((n * 2 + 7) & ~7);
	for (let i = 0; i < n; i++) {
		const base = (view.getUint16(168 + i * 2, true) - HMM_HAN_MIN) * 4;
		for (let s = 0; s < 4; s++) emit[base + s] = f64(rows + (i * 4 + s) * 8);
	}
	return { start, trans, emit };
}

// Scratch for Viterbi, grown as needed: probabilities and back-pointers per (position, state).
let v = new Float64Array(256);
let back = new Uint8Array(256);
let path = new Uint8Array(64);

/**
 * Viterbi over text[from, to) (at least two units, all in U+4E00..U+9FD5);
 * pushes the end offset of each word to `ends`.
 *
 * Ties are broken as jieba-rs breaks them, (probability, state) compared as a
 * pair: the higher-numbered previous state wins, and S wins over E at the end.
 */
export function viterbiCut(model: HmmModel, text: string, from: number, to: number, ends: number[]): void {
	const { start, trans, emit } = model;
	const n = to - from;
	if (path.length < n) {
		v = new Float64Array(n * 8);
		back = new Uint8Array(n * 8);
		path = new Uint8Array(n * 2);
	}
	let e = (text.charCodeAt(from) - HMM_HAN_MIN) * 4;
	for (let s = 0; s < 4; s++) v[s] = start[s] + emit[e + s];
	for (let t = 1; t < n; t++) {
		e = (text.charCodeAt(from + t) - HMM_HAN_MIN) * 4;
		const p = (t - 1) * 4;
		const q = t * 4;
		// The two states each state may follow: B after E|S, E after B|M, M after M|B, S after S|E.
		best(q + B, p, E, S, trans, emit[e + B], B);
		best(q + E, p, B, M, trans, emit[e + E], E);
		best(q + M, p, M, B, trans, emit[e + M], M);
		best(q + S, p, S, E, trans, emit[e + S], S);
	}
	const last = (n - 1) * 4;
	let state = v[last + S] >= v[last + E] ? S : E;
	for (let t = n - 1; ; t--) {
		path[t] = state;
		if (t === 0) break;
		state = back[t * 4 + state];
	}
	let next = 0;
	for (let t = 0; t < n; t++) {
		const s = path[t];
		if (s === E || s === S) {
			ends.push(from + t + 1);
			next = t + 1;
		}
	}
	if (next < n) ends.push(to);
}

function best(slot: number, p: number, a: number, b: number, trans: Float64Array, em: number, to: number): void {
	const pa = v[p + a] + trans[a * 4 + to] + em;
	const pb = v[p + b] + trans[b * 4 + to] + em;
	// max_by over (prob, state): on equal probabilities the larger state index wins.
	if (pa > pb || (pa === pb && a > b)) {
		v[slot] = pa;
		back[slot] = a;
	} else {
		v[slot] = pb;
		back[slot] = b;
	}
}
