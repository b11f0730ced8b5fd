// The report's behaviour: every figure, chart and table is computed from the embedded findings for the
// selected fact, severity and year, so the filters work from a file opened without a network.
"use strict";
const REPORT = JSON.parse(document.getElementById("report-data").textContent);
const DATA = REPORT.data, WORDS = REPORT.words, SEVERITIES = DATA.severities;
const NUMBER = new Intl.NumberFormat(REPORT.intl);
const TOP_DRAFTS = 20, ROWS_PER_FACT = 100;
const views = {};

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
  for (const child of children) node.append(child instanceof Node ? child : String(child));
  return node;
}

function fillSelect(id, allLabel, options) {
  const select = document.getElementById(id);
  select.append(element("option", {value: ""}, allLabel));
  for (const [value, label] of options) select.append(element("option", {value: String(value)}, label));
  select.addEventListener("change", render);
}

function year(draft) { return draft[2] ? draft[2].slice(0, 4) : ""; }

function selection() {
  const fact = document.getElementById("filter-fact").value;
  const severity = document.getElementById("filter-severity").value;
  const chosenYear = document.getElementById("filter-year").value;
  return DATA.findings.filter(f => (fact === "" || f[1] === Number(fact))
    && (severity === "" || f[2] === Number(severity))
    && (chosenYear === "" || year(DATA.drafts[f[0]]) === chosenYear));
}

function countBy(items, key) {
  const counts = new Map();
  for (const item of items) { const k = key(item); counts.set(k, (counts.get(k) || 0) + 1); }
  return counts;
}

function worstByDraft(findings) {
  const worst = new Map();
  for (const f of findings) worst.set(f[0], Math.min(worst.has(f[0]) ? worst.get(f[0]) : 9, f[2]));
  return worst;
}

function renderTotals(findings, worst) {
  const bySeverity = countBy(findings, f => f[2]);
  const figures = [["drafts", DATA.totals.drafts, WORDS.drafts, ""], ["contradicting", worst.size, WORDS.contradicting, ""],
    ["findings", findings.length, WORDS.findings, ""],
    ...SEVERITIES.map((s, i) => [s, bySeverity.get(i) || 0, WORDS[s], "sev-" + s]),
    ["unreadable", DATA.totals.unreadable, WORDS.unreadable, ""]];
  const totals = document.getElementById("totals");
  totals.replaceChildren(...figures.map(([key, value, label, cls]) => element("div", {class: "total", id: "total-" + key},
    element("span", {class: "figure " + cls, "data-count": value}, NUMBER.format(value)), element("span", {class: "what"}, label))));
}

function monthRows(worst) {
  const counts = countBy([...worst].filter(([d]) => DATA.drafts[d][2]), ([d, s]) => DATA.drafts[d][2].slice(0, 7) + "|" + s);
  return [...counts].map(([key, n]) => {
    const [month, s] = key.split("|");
    return {month: month + "-01", severity: WORDS[SEVERITIES[s]], rank: Number(s), drafts: n};
  });
}

function factRows(findings) {
  const totals = countBy(findings, f => f[1]);
  return [...countBy(findings, f => f[1] + "|" + f[2])].map(([key, n]) => {
    const [fact, s] = key.split("|").map(Number);
    return {fact: DATA.facts[fact].id, severity: WORDS[SEVERITIES[s]], rank: s, findings: n, total: totals.get(fact)};
  });
}

function draftCell(d) {
  const draft = DATA.drafts[d];
  return element("td", {}, draft[1] || draft[0], element("div", {class: "path"}, draft[0]));
}

function renderTopDrafts(findings) {
  const perDraft = [...countBy(findings, f => f[0])].sort((a, b) => b[1] - a[1] || DATA.drafts[a[0]][0].localeCompare(DATA.drafts[b[0]][0]));
  const table = document.getElementById("top-drafts");
  const head = element("tr", {}, ...[WORDS.draft, WORDS.date, WORDS.outlet, WORDS.author, WORDS.findings].map(w => element("th", {}, w)));
  const rows = perDraft.slice(0, TOP_DRAFTS).map(([d, n]) => element("tr", {class: "draft-row"}, draftCell(d),
    element("td", {}, DATA.drafts[d][2] || WORDS.undated), element("td", {}, DATA.drafts[d][3]), element("td", {}, DATA.drafts[d][4]),
    element("td", {class: "num"}, NUMBER.format(n))));
  table.replaceChildren(element("thead", {}, head), element("tbody", {}, ...rows));
  if (!rows.length) table.append(element("caption", {class: "empty"}, WORDS.none));
}

function renderDetails(findings) {
  const perFact = new Map();
  for (const f of findings) { if (!perFact.has(f[1])) perFact.set(f[1], []); perFact.get(f[1]).push(f); }
  const order = [...perFact.keys()].sort((a, b) => perFact.get(b).length - perFact.get(a).length || DATA.facts[a].id.localeCompare(DATA.facts[b].id));
  const sections = order.map(factIndex => {
    const fact = DATA.facts[factIndex], items = perFact.get(factIndex);
    items.sort((a, b) => (DATA.drafts[b[0]][2]).localeCompare(DATA.drafts[a[0]][2]) || a[0] - b[0] || a[3] - b[3]);
    const quotes = fact.sources.map(s => element("blockquote", {}, "\u201e" + s.quote + "\u201c ", element("span", {class: "path"}, "(" + s.file + ", " + WORDS.as_of + " " + fact.as_of + ")")));
    const head = element("tr", {}, ...[WORDS.draft, WORDS.date, WORDS.line, WORDS.claim, WORDS.severity].map(w => element("th", {}, w)));
    const rows = items.slice(0, ROWS_PER_FACT).map(f => element("tr", {class: "finding-row"}, draftCell(f[0]),
      element("td", {}, DATA.drafts[f[0]][2] || WORDS.undated), element("td", {class: "num"}, f[3]),
      element("td", {}, element("span", {class: "claim"}, f[4])), element("td", {class: "sev-" + SEVERITIES[f[2]]}, WORDS[SEVERITIES[f[2]]])));
    const more = items.length > ROWS_PER_FACT ? [element("p", {class: "more"}, WORDS.more.replace("{n}", NUMBER.format(items.length - ROWS_PER_FACT)))] : [];
    return element("details", {class: "fact", "data-fact": fact.id, open: ""},
      element("summary", {}, fact.id + " \u2014 " + fact.statement + " ", element("span", {class: "count"}, "(" + NUMBER.format(items.length) + ")")),
      ...quotes, element("table", {}, element("thead", {}, head), element("tbody", {}, ...rows)), ...more);
  });
  const details = document.getElementById("fact-details");
  details.replaceChildren(...(sections.length ? sections : [element("p", {class: "empty"}, WORDS.none)]));
}

function render() {
  const findings = selection(), worst = worstByDraft(findings);
  renderTotals(findings, worst);
  renderTopDrafts(findings);
  renderDetails(findings);
  const data = {months: monthRows(worst), facts: factRows(findings)};
  for (const [name, view] of Object.entries(views)) view.data(name, data[name]).runAsync();
  return data;
}

async function start() {
  fillSelect("filter-fact", WORDS.all_facts, DATA.facts.map((f, i) => [i, f.id]).sort((a, b) => a[1].localeCompare(b[1])));
  fillSelect("filter-severity", WORDS.all_severities, SEVERITIES.map((s, i) => [i, WORDS[s]]));
  const years = [...new Set(DATA.drafts.map(year).filter(Boolean))].sort().reverse();
  fillSelect("filter-year", WORDS.all_years, years.map(y => [y, y]));
  const data = render();
  const options = {actions: false, renderer: "svg", timeFormatLocale: REPORT.time_locale, formatLocale: REPORT.number_locale};
  for (const [name, spec] of Object.entries(REPORT.charts)) {
    spec.datasets = {[name]: data[name]};
    const result = await vegaEmbed("#chart-" + name, spec, options);
    views[name] = result.view;
  }
  document.body.setAttribute("data-ready", "true");
}

start().catch(error => { console.error(error); document.body.setAttribute("data-ready", "failed"); });
