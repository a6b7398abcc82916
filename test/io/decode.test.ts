import { describe, expect, it } from "vitest";
import { decodeText, encodeText, firstInvalidUtf8, InputError } from "../../src/io/decode.js";

/** "中文，测试。\n" in GBK/GB18030, written by hand so the test does not need an encoder. */
export const GB18030_SAMPLE = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xa3, 0xac, 0xb2, 0xe2, 0xca, 0xd4, 0xa1, 0xa3, 0x0a]);

function utf16be(text: string): Buffer {
	return Buffer.from(text, "utf16le").swap16();
}

describe("decodeText", () => {
	it("reads UTF-8 with and without a BOM and remembers which", () => {
		expect(decodeText(Buffer.from("中文\n", "utf8"))).toEqual({ text: "中文\n", encoding: "utf-8" });
		const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("中文\n", "utf8")]);
		expect(decodeText(bom)).toEqual({ text: "中文\n", encoding: "utf-8-bom" });
	});

	it("reads UTF-16 LE and BE with a BOM", () => {
		const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("中文😀\r\n", "utf16le")]);
		const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be("中文😀\r\n")]);
		expect(decodeText(le)).toEqual({ text: "中文😀\r\n", encoding: "utf-16le" });
		expect(decodeText(be)).toEqual({ text: "中文😀\r\n", encoding: "utf-16be" });
	});

	it("reads a GBK/GB18030 file that is not valid UTF-8", () => {
		expect(decodeText(GB18030_SAMPLE)).toEqual({ text: "中文，测试。\n", encoding: "gb18030" });
	});

	it("rejects invalid UTF-8 that is not Chinese GB18030, naming the line and byte", () => {
		const bytes = Buffer.concat([Buffer.from("第一行\n第二行\n", "utf8"), Buffer.from([0x41, 0xff, 0x42, 0x0a])]);
		let error: unknown;
		try {
			decodeText(bytes);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).line).toBe(3);
		expect((error as InputError).message).toBe(`invalid UTF-8 (byte 0xff at offset ${bytes.indexOf(0xff)})`);
	});

	it("rejects a truncated UTF-8 sequence inside a UTF-8 BOM file instead of guessing GB18030", () => {
		const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("中", "utf8").subarray(0, 2), Buffer.from("\n")]);
		expect(() => decodeText(bytes)).toThrow(/invalid UTF-8/u);
	});

	it("does not misread UTF-8 Chinese text cut mid-character as GB18030", () => {
		const cut = Buffer.from("中文新闻，第一段。\n第二段", "utf8").subarray(0, -1);
		expect(() => decodeText(cut)).toThrow(/invalid UTF-8 \(byte 0xe6 at offset \d+\)/u);
		try {
			decodeText(cut);
		} catch (error) {
			expect((error as InputError).line).toBe(2);
		}
	});

	it("names the right line in a CR-only or CRLF file", () => {
		for (const eol of ["\r", "\r\n"]) {
			const bytes = Buffer.concat([Buffer.from(`一${eol}二${eol}`, "utf8"), Buffer.from([0xff, 0x0a])]);
			expect(() => decodeText(bytes)).toThrow(InputError);
			try {
				decodeText(bytes);
			} catch (error) {
				expect((error as InputError).line, JSON.stringify(eol)).toBe(3);
			}
		}
	});

	it("refuses UTF-32 instead of reading it as UTF-16 full of NULs", () => {
		const le = Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x2d, 0x4e, 0x00, 0x00]);
		const be = Buffer.from([0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x4e, 0x2d]);
		expect(() => decodeText(le)).toThrow(/UTF-32 is not supported/u);
		expect(() => decodeText(be)).toThrow(/UTF-32 is not supported/u);
	});

	it("rejects binary content (a NUL byte) even in a file named .txt", () => {
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
		expect(() => decodeText(png)).toThrow(/binary file \(NUL byte at offset 8\)/u);
	});

	it("rejects a UTF-16 file with a BOM but an odd byte count", () => {
		const bad = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("中", "utf16le"), Buffer.from([0x41])]);
		expect(() => decodeText(bad)).toThrow(/invalid UTF-16LE/u);
	});

	it("decodes an empty file as empty UTF-8 text", () => {
		expect(decodeText(new Uint8Array())).toEqual({ text: "", encoding: "utf-8" });
	});
});

describe("encodeText", () => {
	it("writes back every readable encoding byte for byte, except GB18030, which it refuses", () => {
		const text = "中文，😀\r\n第二行\n";
		for (const encoding of ["utf-8", "utf-8-bom", "utf-16le", "utf-16be"] as const) {
			const bytes = encodeText(text, encoding);
			expect(decodeText(bytes)).toEqual({ text, encoding });
		}
		expect([...encodeText("中", "utf-16be")]).toEqual([0xfe, 0xff, 0x4e, 0x2d]);
		expect([...encodeText("中", "utf-16le")]).toEqual([0xff, 0xfe, 0x2d, 0x4e]);
		expect(() => encodeText(text, "gb18030")).toThrow(InputError);
	});
});

describe("firstInvalidUtf8", () => {
	it("agrees with a fatal TextDecoder on overlongs, surrogates and truncation", () => {
		const cases: number[][] = [
			[0xc0, 0x80], // overlong NUL
			[0xe0, 0x80, 0x80], // overlong
			[0xed, 0xa0, 0x80], // UTF-16 surrogate
			[0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
			[0xe4, 0xb8], // truncated 中
			[0xe4, 0xb8, 0xad], // valid 中
			[0xf0, 0x9f, 0x98, 0x80], // valid 😀
		];
		const fatal = new TextDecoder("utf-8", { fatal: true });
		for (const bytes of cases) {
			let valid = true;
			try {
				fatal.decode(new Uint8Array(bytes));
			} catch {
				valid = false;
			}
			expect(firstInvalidUtf8(new Uint8Array([0x61, ...bytes])) === -1, bytes.map((b) => b.toString(16)).join(" ")).toBe(valid);
		}
	});
});
