import type { SourceLocation, SourceRange, SourceCodeBaseTypeOptions } from "@eslint/core";
import { TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import type { DocumentNode, LineNode, ParagraphNode, TextNode } from "./ast.js";
import { computeLineTable, lineTableOf, type LineTable } from "./parse.js";

/**
 * The source code object rules receive as `context.sourceCode`. It adds the
 * few helpers text rules need on top of plugin-kit's base: positions inside a
 * node, and a per-document memo so expensive analyses (segmentation, sentence
 * splitting) run once and are shared by every rule that asks.
 */
export class TextSourceCode extends TextSourceCodeBase<
	SourceCodeBaseTypeOptions & { RootNode: DocumentNode; SyntaxElementWithLoc: TextNode; ConfigNode: never }
> {
	override ast: DocumentNode;
	readonly paragraphs: readonly ParagraphNode[];
	/** Built on the first `getParent` call: the rules never ask, and a map entry per node costs more than parsing. */
	#parents: WeakMap<TextNode, TextNode> | undefined;
	readonly #memo = new Map<string, WeakMap<object, unknown>>();
	/**
	 * Line starts and ends, taken from the parser: the base class would split
	 * the text again with a regular expression, a slice per line.
	 */
	readonly #table: LineTable;
	#lines: string[] | undefined;

	constructor({ text, ast }: { text: string; ast: DocumentNode }) {
		super({ text, ast, lineEndingPattern: /\r\n|\r|\n/u });
		this.ast = ast;
		this.paragraphs = ast.children;
		this.#table = lineTableOf(ast) ?? computeLineTable(text);
	}

	/** The lines of the text without terminators, as the base class splits them. */
	override get lines(): string[] {
		if (!this.#lines) {
			const { starts, ends } = this.#table;
			const lines = new Array<string>(starts.length);
			for (let k = 0; k < starts.length; k++) lines[k] = this.text.slice(starts[k], ends[k]);
			this.#lines = Object.freeze(lines) as string[];
		}
		return this.#lines;
	}

	// The two conversions below keep the base class's checks, messages and results, on the full line table.
	override getLocFromIndex(index: number): { line: number; column: number } {
		if (typeof index !== "number") throw new TypeError("Expected `index` to be a number.");
		if (index < 0 || index > this.text.length) {
			throw new RangeError(`Index out of range (requested index ${index}, but source text has length ${this.text.length}).`);
		}
		const { start, end } = this.ast.loc;
		if (index === 0) return { line: start.line, column: start.column };
		if (index === this.text.length) return { line: end.line, column: end.column };
		const starts = this.#table.starts;
		// The number of line starts at or before index.
		let low = 0;
		let high = starts.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (index < starts[mid]) high = mid;
			else low = mid + 1;
		}
		return { line: low - 1 + start.line, column: index - starts[low - 1] + start.column };
	}

	override getIndexFromLoc(loc: { line: number; column: number }): number {
		if (loc === null || typeof loc !== "object" || typeof loc.line !== "number" || typeof loc.column !== "number") {
			throw new TypeError("Expected `loc` to be an object with numeric `line` and `column` properties.");
		}
		const {
			start: { line: lineStart, column: columnStart },
			end: { line: lineEnd, column: columnEnd },
		} = this.ast.loc;
		if (loc.line < lineStart || lineEnd < loc.line) {
			throw new RangeError(`Line number out of range (line ${loc.line} requested). Valid range: ${lineStart}-${lineEnd}`);
		}
		if (loc.line === lineStart && loc.column === columnStart) return 0;
		if (loc.line === lineEnd && loc.column === columnEnd) return this.text.length;
		const starts = this.#table.starts;
		const isLastLine = loc.line === lineEnd;
		const lineStartIndex = starts[loc.line - lineStart];
		const lineEndIndex = isLastLine ? this.text.length : starts[loc.line - lineStart + 1];
		const positionIndex = lineStartIndex + loc.column - columnStart;
		if (loc.column < columnStart || (isLastLine && positionIndex > lineEndIndex) || (!isLastLine && positionIndex >= lineEndIndex)) {
			throw new RangeError(
				`Column number out of range (column ${loc.column} requested). Valid range for line ${loc.line}: ${columnStart}-${lineEndIndex - lineStartIndex + columnStart + (isLastLine ? 0 : -1)}`,
			);
		}
		return positionIndex;
	}

	override getParent(node: TextNode): TextNode | undefined {
		if (!this.#parents) {
			const parents = new WeakMap<TextNode, TextNode>();
			for (const p of this.ast.children) {
				parents.set(p, this.ast);
				for (const l of p.children) parents.set(l, p);
			}
			this.#parents = parents;
		}
		return this.#parents.get(node);
	}

	/** The text of a node (or of the whole document). */
	getNodeText(node: TextNode = this.ast): string {
		return this.text.slice(node.range[0], node.range[1]);
	}

	/** Absolute range of `[start, end)` given as offsets into `node.value` (or the node's text). */
	rangeIn(node: TextNode, start: number, end: number = start): SourceRange {
		const base = node.range[0];
		const length = node.range[1] - base;
		if (start < 0 || end < start || end > length) {
			throw new RangeError(`rangeIn: [${start}, ${end}) is outside the ${node.type} (length ${length})`);
		}
		return [base + start, base + end];
	}

	/** Location of `[start, end)` given as offsets into the node's text. */
	locIn(node: TextNode, start: number, end: number = start): SourceLocation {
		const range = this.rangeIn(node, start, end);
		return { start: this.getLocFromIndex(range[0]), end: this.getLocFromIndex(range[1]) };
	}

	// Index access, not array destructuring: this runs for every report, much of it before the JIT warms up.
	locOfRange(range: SourceRange): SourceLocation {
		return { start: this.getLocFromIndex(range[0]), end: this.getLocFromIndex(range[1]) };
	}

	/** The Line nodes of the document in order. */
	get lineNodes(): LineNode[] {
		// A plain loop: flatMap is several times slower, and this runs once per document for the rules that ask.
		return this.memo("lineNodes", this.ast, () => {
			const lines: LineNode[] = [];
			for (const p of this.paragraphs) for (const l of p.children) lines.push(l);
			return lines;
		});
	}

	/**
	 * Runs `compute` once per (key, node) for this document and caches the
	 * result, so several rules share one segmentation of a paragraph.
	 */
	memo<T>(key: string, node: object, compute: () => T): T {
		let byNode = this.#memo.get(key);
		if (!byNode) {
			byNode = new WeakMap();
			this.#memo.set(key, byNode);
		}
		if (byNode.has(node)) return byNode.get(node) as T;
		const value = compute();
		byNode.set(node, value);
		return value;
	}

	/** Depth-first enter/exit steps, as ESLint's traverser expects. */
	override *traverse(): Iterable<VisitNodeStep> {
		const doc = this.ast;
		yield new VisitNodeStep({ target: doc, phase: 1, args: [doc, undefined] });
		for (const p of doc.children) {
			yield new VisitNodeStep({ target: p, phase: 1, args: [p, doc] });
			for (const l of p.children) {
				yield new VisitNodeStep({ target: l, phase: 1, args: [l, p] });
				yield new VisitNodeStep({ target: l, phase: 2, args: [l, p] });
			}
			yield new VisitNodeStep({ target: p, phase: 2, args: [p, doc] });
		}
		yield new VisitNodeStep({ target: doc, phase: 2, args: [doc, undefined] });
	}
}
