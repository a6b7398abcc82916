/**
 * Opens the HTML report in a real Chromium (Debian's `chromium` package, see
 * .ci/run) and uses it as a reader would: counts, hover text, clicking a
 * highlight and a list row, the fix preview. Skips when Chromium is absent.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintText } from "../../src/api.js";
import type { LintMessage, LintResult } from "../../src/engine/types.js";
import { html } from "../../src/formats/html.js";
import { junit } from "../../src/formats/junit.js";
import type { FormatterContext } from "../../src/formats/types.js";
import { tallyResult } from "../../src/runner/result.js";
import { builtinRules } from "../../rules/index.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
	console.warn(`SKIPPED html report browser test: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium).`);
}

const root = new URL("../../", import.meta.url).pathname.replace(/\/$/u, "");
const seedsDir = join(root, "seeds");
const everyRule = Object.fromEntries([...builtinRules.keys()].map((id) => [id, "warn" as const]));

function result(filePath: string, messages: LintMessage[], documentCount?: number): LintResult {
	const r: LintResult = {
		filePath,
		messages,
		suppressedMessages: [],
		errorCount: 0,
		fatalErrorCount: 0,
		warningCount: 0,
		fixableErrorCount: 0,
		fixableWarningCount: 0,
	};
	if (documentCount !== undefined) r.documentCount = documentCount;
	return tallyResult(r);
}

/** The seeds as text files, plus a JSONL batch of their first paragraphs, linted with every built-in rule. */
function seedReport(): { results: LintResult[]; sources: Map<string, string> } {
	const sources = new Map<string, string>();
	const results: LintResult[] = [];
	const jsonlLines: string[] = [];
	const jsonlMessages: LintMessage[] = [];
	for (const name of readdirSync(seedsDir).filter((n) => n.endsWith(".txt")).sort()) {
		const path = join(seedsDir, name);
		const text = readFileSync(path, "utf8");
		sources.set(path, text);
		// Damaged seeds get severity "error" so the page shows both severities.
		const severity = name.startsWith("000") || name.startsWith("001") ? "error" : "warn";
		results.push(result(path, lintText(text, { rules: Object.fromEntries(Object.keys(everyRule).map((id) => [id, severity])) })));

		const docText = text.split(/\n\s*\n/u).slice(0, 6).join("\n\n");
		const id = name.slice(0, 3);
		jsonlLines.push(JSON.stringify({ id, url: `https://example.org/${id}`, text: docText }));
		for (const m of lintText(docText, { rules: everyRule })) {
			jsonlMessages.push({ ...m, line: jsonlLines.length, column: 1, docId: id, docLine: m.line, docColumn: m.column, docEndLine: m.endLine, docEndColumn: m.endColumn });
		}
	}
	jsonlLines.push("{broken json");
	jsonlMessages.push({ ruleId: null, severity: 2, message: "line is not valid JSON", line: jsonlLines.length, column: 1, fatal: true, docId: null });
	const jsonlPath = join(root, "batch", "seeds.jsonl");
	sources.set(jsonlPath, `${jsonlLines.join("\n")}\n`);
	results.push(result(jsonlPath, jsonlMessages, jsonlLines.length - 1));
	return { results, sources };
}

describe.skipIf(!hasChromium)("html report in Chromium", () => {
	let browser: Browser;
	let page: Page;
	const { results, sources } = seedReport();
	const context: FormatterContext = {
		cwd: root,
		rulesMeta: Object.fromEntries([...builtinRules].map(([id, r]) => [id, (r.meta ?? {}) as FormatterContext["rulesMeta"][string]])),
		getSource: (p) => sources.get(p),
	};
	const all = results.flatMap((r) => r.messages);
	let outDir = "";
	const requests: string[] = [];
	const pageErrors: string[] = [];

	beforeAll(async () => {
		outDir = mkdtempSync(join(tmpdir(), "corpuslint-html-"));
		const reportPath = join(outDir, "report.html");
		writeFileSync(reportPath, html(results, context));
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
		});
		page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
		page.on("request", (r) => requests.push(r.url()));
		page.on("pageerror", (e) => pageErrors.push(e.message));
		page.on("console", (m) => {
			if (m.type() === "error") pageErrors.push(m.text());
		});
		await page.goto(pathToFileURL(reportPath).href);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("the seeds give the page something to show", () => {
		expect(all.length).toBeGreaterThan(10);
		expect(all.some((m) => m.severity === 2) && all.some((m) => m.severity === 1)).toBe(true);
		expect(all.some((m) => m.fix)).toBe(true);
	});

	it("loads nothing from the network and runs without script errors", () => {
		expect(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"))).toEqual([]);
		expect(pageErrors).toEqual([]);
	});

	it("shows the counts of the results", async () => {
		const text = async (sel: string) => (await page.textContent(sel))?.trim();
		expect(await text("#sum-files")).toBe(String(results.length));
		expect(await text("#sum-findings")).toBe(String(all.length));
		expect(await text("#sum-errors")).toBe(String(all.filter((m) => m.severity === 2).length));
		expect(await text("#sum-warnings")).toBe(String(all.filter((m) => m.severity === 1).length));
		expect(await text("#sum-fixable")).toBe(String(all.filter((m) => m.fix).length));
		// Lists fill their rows from the page's data when opened; open them all.
		await page.$$eval("details.list", (lists) => lists.forEach((d) => ((d as HTMLDetailsElement).open = true)));
		await expect.poll(() => page.locator("tr.finding").count()).toBe(all.length);
		const rowTexts = await page.$$eval("tr.finding", (rows) => rows.map((r) => r.children[2].textContent));
		expect(rowTexts).toEqual(all.map((m) => m.message));
		for (const [i, r] of results.entries()) {
			if (r.messages.length === 0) continue;
			const section = page.locator(`#file-${i}`);
			expect(await section.getAttribute("data-errors")).toBe(String(r.errorCount));
			expect(await section.getAttribute("data-warnings")).toBe(String(r.warningCount));
		}
		// Every rule finding is highlighted in the text (the input error has no place in it).
		const highlighted = await page.$$eval("mark.f", (marks) => new Set(marks.flatMap((m) => (m as HTMLElement).dataset.f!.split(" "))).size);
		expect(highlighted).toBe(all.filter((m) => m.ruleId !== null).length);
		// Chart bars: one per rule and one per file with findings.
		const rules = new Set(all.map((m) => m.ruleId ?? "(input)"));
		expect(await page.locator(".chart").nth(0).locator("g").count()).toBe(rules.size);
		const perRule = [...rules].map((id) => all.filter((m) => (m.ruleId ?? "(input)") === id).length).sort((a, b) => b - a);
		expect(await page.locator(".chart").nth(0).locator("text.count").allTextContents()).toEqual(perRule.map(String));
		expect(await page.locator(".chart").nth(1).locator("g").count()).toBe(results.filter((r) => r.messages.length > 0).length);
	});

	it("shows the message on hover (title) and in the details panel on click, with the fix before and after", async () => {
		const id = all.findIndex((m) => m.fix && m.ruleId !== null);
		const finding = all[id];
		const mark = page.locator(`#f-${id}`);
		expect(await mark.getAttribute("title")).toContain(finding.message);
		await mark.scrollIntoViewIfNeeded();
		await mark.click();
		const item = page.locator(`#details .item[data-finding="${id}"]`);
		await expect.poll(() => item.count()).toBe(1);
		expect(await item.locator(".msg").textContent()).toBe(finding.message);
		expect(await item.textContent()).toContain(finding.ruleId!);
		expect(await item.locator("ins").textContent()).toBe(finding.fix!.text);
		expect(await mark.getAttribute("class")).toContain("active");
	});

	it("opens a JSONL document's finding from its list row and scrolls to it", async () => {
		const id = all.findIndex((m) => m.docLine !== undefined && m.ruleId !== null);
		const finding = all[id];
		const row = page.locator(`tr.finding[data-finding="${id}"]`);
		// Long lists start collapsed; open it as a reader would.
		if (!(await row.isVisible())) await page.locator(`#file-${results.length - 1} details.list > summary`).click();
		await row.click();
		const item = page.locator(`#details .item[data-finding="${id}"]`);
		await expect.poll(() => item.count()).toBe(1);
		expect(await item.locator(".msg").textContent()).toBe(finding.message);
		expect(await item.textContent()).toContain(`[${finding.docId}] ${finding.docLine}:${finding.docColumn}`);
		expect(await page.locator(`#f-${id}`).isVisible()).toBe(true);
		const shot = join(outDir, "report.png");
		await page.screenshot({ path: shot });
		console.log(`html report screenshot: ${shot}`);
	});

	it("steps through the findings in page order with the next/previous buttons and j/k", async () => {
		const order = await page.$$eval("mark.f[id]", (ms) => ms.map((m) => Number(m.id.slice(2))));
		await page.locator(`#f-${order[1]}`).click();
		const shownId = () => page.getAttribute("#details .item", "data-finding");
		await page.locator("#next").click();
		expect(await shownId()).toBe(String(order[2]));
		await page.keyboard.press("j");
		expect(await shownId()).toBe(String(order[3]));
		await page.keyboard.press("k");
		await page.locator("#prev").click();
		expect(await shownId()).toBe(String(order[1]));
		expect(await page.locator(`#f-${order[1]}`).getAttribute("class")).toContain("active");
		expect(await page.locator(`#f-${order[2]}`).getAttribute("class")).not.toContain("active");
	});

	it("filters by rule (select or chart bar) and by severity", async () => {
		await page.$$eval("details.list", (lists) => lists.forEach((d) => ((d as HTMLDetailsElement).open = true)));
		const rule = all.find((m) => m.ruleId !== null)!.ruleId!;
		const ofRule = all.filter((m) => m.ruleId === rule);
		const shownRows = () => page.locator("tr.finding:not(.off)").count();
		await page.locator(`.chart g.pick[data-rule="${rule}"]`).click();
		expect(await page.inputValue("#filter-rule")).toBe(rule);
		expect(await shownRows()).toBe(ofRule.length);
		expect(await page.textContent("#filter-count")).toBe(`${ofRule.length} of ${all.length} findings shown`);
		const lit = await page.$$eval("mark.f:not(.off)", (ms) => ms.map((m) => (m as HTMLElement).dataset.f!.split(" ")));
		const ids = new Set(all.flatMap((m, i) => (m.ruleId === rule ? [String(i)] : [])));
		// Lit marks are exactly those covering a finding of the rule.
		expect(lit.every((covering) => covering.some((id) => ids.has(id)))).toBe(true);
		expect(new Set(lit.flat().filter((id) => ids.has(id))).size).toBe(ids.size);
		await page.uncheck("#filter-s1");
		expect(await shownRows()).toBe(ofRule.filter((m) => m.severity === 2).length);
		await page.check("#filter-s1");
		await page.selectOption("#filter-rule", "");
		expect(await shownRows()).toBe(all.length);
		expect(await page.locator("mark.f.off").count()).toBe(0);
	});

	it("takes a full-page screenshot of the summary", async () => {
		await page.evaluate(() => window.scrollTo(0, 0));
		const shot = join(outDir, "summary.png");
		await page.screenshot({ path: shot });
		console.log(`html report screenshot: ${shot}`);
		expect(readFileSync(shot).subarray(1, 4).toString()).toBe("PNG");
	});

	it("the browser's XML parser accepts the junit output and rejects broken XML", async () => {
		const errorsIn = (xml: string) =>
			page.evaluate((x) => new DOMParser().parseFromString(x, "application/xml").getElementsByTagName("parsererror").length, xml);
		const tricky = results.slice(0, 1).map((r) => ({ ...r, messages: r.messages.map((m) => ({ ...m, message: `${m.message} <&> "\u0001\uFFFF` })) }));
		expect(await errorsIn(junit([...tricky, ...results], context))).toBe(0);
		expect(await errorsIn("<a>\u0001</a>")).toBeGreaterThan(0);
		expect(await errorsIn("<a>x & y</a>")).toBeGreaterThan(0);
	});
});
