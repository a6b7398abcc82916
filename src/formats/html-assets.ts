/**
 * The HTML report's inline stylesheet and script. Kept apart from the markup
 * builder so each reads on its own; both are inlined because the report must
 * open from a file with no network.
 */

export const REPORT_CSS = `
:root { --bg:#fff; --fg:#1f2328; --muted:#656d76; --line:#d0d7de; --panel:#f6f8fa; --err:#cf222e; --err-bg:#ffebe9; --warn:#9a6700; --warn-bg:#fff8c5; --ins:#dafbe1; --del:#ffebe9; --accent:#0969da; }
@media (prefers-color-scheme: dark) { :root { --bg:#0d1117; --fg:#e6edf3; --muted:#8d96a0; --line:#30363d; --panel:#161b22; --err:#ff7b72; --err-bg:#5a1e1e; --warn:#d29922; --warn-bg:#4b3a10; --ins:#1b4721; --del:#5a1e1e; --accent:#4493f8; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; background: var(--bg); color: var(--fg); }
main { padding: 16px 24px; margin-right: 380px; }
h1 { font-size: 20px; margin: 0 0 8px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
a { color: var(--accent); }
.muted { color: var(--muted); }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0 16px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; background: var(--panel); }
.card b { display: block; font-size: 22px; }
.card.err b { color: var(--err); } .card.warn b { color: var(--warn); }
.charts { display: flex; gap: 24px; flex-wrap: wrap; }
.chart { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; flex: 1 1 420px; min-width: 320px; }
.chart svg { width: 100%; height: auto; }
.chart text { font-size: 12px; fill: var(--fg); }
.chart .bar-err { fill: var(--err); } .chart .bar-warn { fill: var(--warn); }
.filters { display: flex; gap: 16px; align-items: center; margin: 12px 0; flex-wrap: wrap; }
.chart g.pick { cursor: pointer; } .chart g.pick:hover text { text-decoration: underline; } .chart g.pick.chosen text { font-weight: 700; }
mark.f.off { background: none; border-bottom-color: transparent; cursor: auto; } mark.f.pt.off { display: none; }
tr.finding.off { display: none; }
.note { border-left: 3px solid var(--warn); padding: 4px 10px; background: var(--panel); margin: 8px 0; }
section.file { border: 1px solid var(--line); border-radius: 6px; margin: 16px 0; }
/* Big reports: the browser lays out only the texts near the viewport. */
.doc { content-visibility: auto; contain-intrinsic-size: auto 800px; }
section.file > header { background: var(--panel); padding: 8px 12px; border-bottom: 1px solid var(--line); display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
section.file > header h3 { margin: 0; font-size: 14px; font-family: ui-monospace, monospace; }
.doc { padding: 4px 12px; border-top: 1px dashed var(--line); }
.doc h4 { margin: 6px 0; font-size: 13px; }
pre.src { margin: 6px 0; padding: 6px 0; white-space: pre-wrap; word-break: break-all; font: 14px/1.7 ui-monospace, "Noto Sans Mono CJK SC", monospace; }
pre.src .l { display: block; position: relative; padding-left: 5.5em; min-height: 1.7em; }
pre.src .l::before { content: attr(data-n); position: absolute; left: 0; width: 4.5em; text-align: right; color: var(--muted); user-select: none; }
.gap { color: var(--muted); font-style: italic; padding: 2px 12px; }
mark.f { background: var(--warn-bg); border-bottom: 2px solid var(--warn); color: inherit; cursor: pointer; border-radius: 2px; }
mark.f.s2 { background: var(--err-bg); border-bottom-color: var(--err); }
mark.f.pt { display: inline-block; width: 0; border: 0; border-left: 3px solid var(--warn); height: 1.2em; vertical-align: text-bottom; padding: 0; }
mark.f.s2.pt { border-left-color: var(--err); }
mark.f.active { outline: 2px solid var(--accent); }
.ws { background: repeating-linear-gradient(45deg, transparent, transparent 3px, var(--line) 3px, var(--line) 4px); }
table.findings { border-collapse: collapse; width: 100%; font-size: 13px; }
table.findings td, table.findings th { text-align: left; padding: 2px 8px; border-top: 1px solid var(--line); vertical-align: top; }
table.findings tr.finding { cursor: pointer; }
table.findings tr.finding:hover, table.findings tr.finding.active { background: var(--panel); }
.sev { font-weight: 600; } .sev.s2 { color: var(--err); } .sev.s1 { color: var(--warn); }
details.list { padding: 4px 12px 8px; }
aside#details { position: fixed; top: 0; right: 0; bottom: 0; width: 370px; overflow: auto; border-left: 1px solid var(--line); background: var(--panel); padding: 16px; }
#nav button { font: inherit; padding: 2px 10px; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); color: var(--fg); cursor: pointer; }
aside#details .item { border-bottom: 1px solid var(--line); padding: 8px 0; }
aside#details .msg { font-size: 15px; margin: 4px 0; }
.preview { font: 13px/1.6 ui-monospace, monospace; white-space: pre-wrap; word-break: break-all; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 4px 6px; margin: 2px 0; }
.preview del { background: var(--del); text-decoration: line-through; }
.preview ins { background: var(--ins); text-decoration: none; }
.preview .label { color: var(--muted); user-select: none; }
.eol { color: var(--muted); }
@media (max-width: 900px) { main { margin-right: 0; } aside#details { position: static; width: auto; border-left: 0; border-top: 1px solid var(--line); } }
`;

/** Reads the findings table from the page and wires hover, click and keyboard to the details panel. */
export const REPORT_JS = `
(() => {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const panel = document.getElementById("details");
  const nav = document.getElementById("nav");
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children) if (c != null) e.append(c);
    return e;
  };
  const shown = (s) => s.replace(/\\r\\n|\\r|\\n/g, "\\u21b5\\n");
  const preview = (label, p, after) => el("div", { class: "preview" },
    el("span", { class: "label" }, label + " "), shown(p.before),
    after ? el("ins", {}, shown(p.inserted)) : el("del", {}, shown(p.removed)), shown(p.after));
  const render = (ids) => {
    panel.replaceChildren(nav, el("h2", {}, ids.length > 1 ? ids.length + " findings here" : "Finding"));
    for (const id of ids) {
      const f = data.findings[id];
      const rule = f.url ? el("a", { href: f.url, target: "_blank", rel: "noopener" }, f.rule) : f.rule;
      const item = el("div", { class: "item", "data-finding": String(id) },
        el("div", {}, el("span", { class: "sev s" + f.severity }, f.severity === 2 ? "error" : "warning"), " ", rule),
        el("div", { class: "msg" }, f.message),
        el("div", { class: "muted" }, data.files[f.file] + " " + f.where));
      if (f.fix) item.append(el("div", {}, el("b", {}, "Fix")), preview("before", f.fix, false), preview("after ", f.fix, true));
      else if (f.fixText !== undefined) item.append(el("div", { class: "muted" }, "Fix: replace with \\u201c" + f.fixText + "\\u201d (source text not available)"));
      for (const s of f.suggestions || []) {
        item.append(el("div", {}, el("b", {}, "Suggestion: "), s.desc));
        if (s.before !== undefined) item.append(preview("before", s, false), preview("after ", s, true));
      }
      panel.append(item);
    }
  };
  const ruleSelect = document.getElementById("filter-rule");
  const sevBox = { 1: document.getElementById("filter-s1"), 2: document.getElementById("filter-s2") };
  const visible = (id) => { const f = data.findings[id]; return (!ruleSelect.value || f.rule === ruleSelect.value) && sevBox[f.severity].checked; };
  const applyFilter = () => {
    for (const m of document.querySelectorAll("mark.f")) m.classList.toggle("off", !m.dataset.f.split(" ").some((id) => visible(Number(id))));
    for (const r of document.querySelectorAll("tr.finding")) r.classList.toggle("off", !visible(Number(r.dataset.finding)));
    for (const g of document.querySelectorAll(".chart g.pick")) g.classList.toggle("chosen", g.dataset.rule === ruleSelect.value);
    const n = data.findings.filter((_, id) => visible(id)).length;
    document.getElementById("filter-count").textContent = n === data.findings.length ? "" : n + " of " + data.findings.length + " findings shown";
  };
  ruleSelect.addEventListener("change", applyFilter);
  sevBox[1].addEventListener("change", applyFilter);
  sevBox[2].addEventListener("change", applyFilter);
  for (const g of document.querySelectorAll(".chart g.pick")) {
    g.addEventListener("click", () => { ruleSelect.value = ruleSelect.value === g.dataset.rule ? "" : g.dataset.rule; applyFilter(); });
  }
  const fill = (list) => {
    if (list.dataset.filled) return;
    list.dataset.filled = "1";
    const first = Number(list.dataset.first), rows = [];
    for (let id = first; id < first + Number(list.dataset.count); id++) {
      const f = data.findings[id];
      const rule = f.url ? el("a", { href: f.url, target: "_blank", rel: "noopener" }, f.rule) : f.rule;
      rows.push(el("tr", { class: visible(id) ? "finding" : "finding off", "data-finding": String(id) }, el("td", {}, f.where),
        el("td", { class: "sev s" + f.severity }, f.severity === 2 ? "error" : "warning"), el("td", {}, f.message), el("td", {}, rule)));
    }
    list.querySelector("tbody").append(...rows);
  };
  for (const list of document.querySelectorAll("details.list[open]")) fill(list);
  document.addEventListener("toggle", (ev) => { if (ev.target.matches && ev.target.matches("details.list") && ev.target.open) fill(ev.target); }, true);
  let active = [];
  let current = -1;
  const activate = (ids, scroll) => {
    current = ids[0];
    for (const e of active) e.classList.remove("active");
    active = [];
    for (const id of ids) {
      for (const e of document.querySelectorAll('[data-f~="' + id + '"], tr[data-finding="' + id + '"]')) { e.classList.add("active"); active.push(e); }
    }
    render(ids);
    if (scroll) { const t = document.getElementById("f-" + ids[0]); if (t) t.scrollIntoView({ block: "center" }); }
  };
  document.addEventListener("click", (ev) => {
    const mark = ev.target.closest("mark.f");
    if (mark) { if (!mark.classList.contains("off")) activate(mark.dataset.f.split(" ").map(Number).filter(visible), false); return; }
    const row = ev.target.closest("tr.finding");
    if (row && !ev.target.closest("a")) activate([Number(row.dataset.finding)], true);
  });
  // Findings in page order, for stepping through them with the panel's buttons or j/k.
  const order = [...document.querySelectorAll("mark.f[id]")].map((m) => Number(m.id.slice(2)));
  const step = (delta) => {
    if (order.length === 0) return;
    let at = active.length ? order.indexOf(current) : -1;
    if (at === -1 && delta < 0) at = 0;
    for (let i = 0; i < order.length; i++) {
      at = (at + delta + order.length) % order.length;
      if (visible(order[at])) { activate([order[at]], true); return; }
    }
  };
  document.getElementById("prev").addEventListener("click", () => step(-1));
  document.getElementById("next").addEventListener("click", () => step(1));
  document.addEventListener("keydown", (ev) => {
    if (ev.target.closest && ev.target.closest("input, textarea, select")) return;
    if (ev.key === "j" || ev.key === "k") { step(ev.key === "j" ? 1 : -1); return; }
    if (ev.key !== "Enter" && ev.key !== " ") return;
    const mark = ev.target.closest && ev.target.closest("mark.f");
    if (mark) { ev.preventDefault(); activate(mark.dataset.f.split(" ").map(Number), false); }
  });
})();
`;
