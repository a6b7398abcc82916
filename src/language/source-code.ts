import type { SourceLocation, SourceRange, SourceCodeBaseTypeOptions } from "@eslint/core";
import { TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import type { DocumentNode, LineNode, ParagraphNode, TextNode } from "./ast.js";

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

	constructor({ text, ast }: { text: string; ast: DocumentNode }) {
		super({ text, ast, lineEndingPattern: /\r\n|\r|\n/u });
		this.ast = ast;
		this.paragraphs = ast.children;
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
		const [s, e] = this.rangeIn(node, start, end);
		return this.locOfRange([s, e]);
	}

	locOfRange([start, end]: SourceRange): SourceLocation {
		return { start: this.getLocFromIndex(start), end: this.getLocFromIndex(end) };
	}

	/** The Line nodes of the document in order. */
	get lineNodes(): LineNode[] {
		return this.memo("lineNodes", this.ast, () => this.paragraphs.flatMap((p) => p.children));
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
