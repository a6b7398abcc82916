/**
 * A small XML 1.0 well-formedness checker for tests (no parser package in the
 * project): one root element, properly nested and closed tags, quoted and
 * unique attributes, no raw `<` or `&` outside markup, only known entity or
 * character references, and only characters XML 1.0 allows. Returns the
 * parsed element tree so tests can read the structure back.
 */
export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	text: string;
}

const LEGAL = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /^[A-Za-z_:][\w.:-]*/u;
const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
	if (raw.includes("<")) throw new Error(`raw '<' at ${where}`);
	return raw.replace(/&([^;&\s]*);?/gu, (whole, ref: string) => {
		if (!whole.endsWith(";")) throw new Error(`unterminated reference '${whole}' at ${where}`);
		if (ref in ENTITY) return ENTITY[ref];
		const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/u.exec(ref);
		if (!m) throw new Error(`unknown entity '&${ref};' at ${where}`);
		const cp = m[1] ? parseInt(m[1], 16) : parseInt(m[2], 10);
		const ch = String.fromCodePoint(cp);
		if (!LEGAL.test(ch)) throw new Error(`reference to illegal character ${cp} at ${where}`);
		return ch;
	});
}

export function parseXml(xml: string): XmlElement {
	if (!LEGAL.test(xml)) throw new Error("document contains characters XML 1.0 forbids");
	let i = 0;
	const decl = /^<\?xml[^?]*\?>/u.exec(xml);
	if (decl) i = decl[0].length;
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	while (i < xml.length) {
		const lt = xml.indexOf("<", i);
		const text = xml.slice(i, lt === -1 ? xml.length : lt);
		if (stack.length === 0) {
			if (text.trim() !== "") throw new Error(`text outside the root element at ${i}`);
		} else stack[stack.length - 1].text += decode(text, i);
		if (lt === -1) break;
		i = lt;
		if (xml.startsWith("<!--", i)) {
			const end = xml.indexOf("-->", i);
			if (end === -1) throw new Error("unterminated comment");
			i = end + 3;
			continue;
		}
		const gt = xml.indexOf(">", i);
		if (gt === -1) throw new Error(`unterminated tag at ${i}`);
		const tag = xml.slice(i + 1, gt);
		if (tag.startsWith("/")) {
			const name = tag.slice(1).trim();
			const open = stack.pop();
			if (!open || open.name !== name) throw new Error(`mismatched </${name}> at ${i}`);
			i = gt + 1;
			continue;
		}
		const selfClosing = tag.endsWith("/");
		let body = selfClosing ? tag.slice(0, -1) : tag;
		const nameMatch = NAME.exec(body);
		if (!nameMatch) throw new Error(`bad tag name at ${i}`);
		const element: XmlElement = { name: nameMatch[0], attributes: {}, children: [], text: "" };
		body = body.slice(nameMatch[0].length);
		const ATTR = /^\s+([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/u;
		for (let m = ATTR.exec(body); m; m = ATTR.exec(body)) {
			if (m[1] in element.attributes) throw new Error(`duplicate attribute ${m[1]} at ${i}`);
			element.attributes[m[1]] = decode(m[2] ?? m[3], i);
			body = body.slice(m[0].length);
		}
		if (body.trim() !== "") throw new Error(`malformed attributes '${body}' at ${i}`);
		if (stack.length > 0) stack[stack.length - 1].children.push(element);
		else if (root) throw new Error(`second root element at ${i}`);
		else root = element;
		if (!selfClosing) stack.push(element);
		i = gt + 1;
	}
	if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
	if (!root) throw new Error("no root element");
	return root;
}
