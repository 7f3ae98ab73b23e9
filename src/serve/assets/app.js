// Annals web view: the timeline of merged events for an actor or a dyad, the relations curve
// per period, and the evidence of an event highlighted in every source article. Plain
// JavaScript against the JSON API of `annals serve`; no library, no network beyond it.
"use strict";

const $ = (id) => document.getElementById(id);
const state = {
  a: "", b: "", by: "year", historical: false, from: "", to: "", code: "", relation: "", minConfidence: "",
  selected: null, selectedDay: "", rows: [], chart: null, names: {},
};
// Each list request takes the next number; an answer is drawn only if no later request was made
// meanwhile (picking two sides fires two requests, and the first may answer last).
let latest = 0;

async function api(path) {
  const res = await fetch(path);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("data-")) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

// A side as its code and name ("JPN Japan"); "?" when the event names none.
function named(code) {
  if (!code) return "?";
  return state.names[code] ? `${code} ${state.names[code]}` : code;
}

function days(a, b) {
  if (!a) return "undated";
  return a === b ? a : `${a} … ${b}`;
}

// The query string of the chosen actors and filters: what the API is asked, and what the
// address keeps (with the chart's period), so that a view can be shared and reloaded.
function filter() {
  const p = new URLSearchParams();
  if (state.a && state.b) p.set("dyad", `${state.a},${state.b}`);
  else if (state.a || state.b) p.set("actor", state.a || state.b);
  if (state.historical) p.set("historical", "true");
  if (state.from) p.set("from", state.from);
  if (state.to) p.set("to", state.to);
  if (state.code) p.set("code", state.code);
  if (state.relation) p.set("relation", state.relation);
  if (state.minConfidence) p.set("min_confidence", state.minConfidence);
  return p;
}

// The controls as the address says (/?dyad=RUS,JPN&from=2020-01-01&code=19&by=month).
function fromAddress() {
  const q = new URLSearchParams(location.search);
  const dyad = (q.get("dyad") || "").toUpperCase();
  if (dyad.includes(",")) [state.a, state.b] = dyad.split(",");
  else if (q.get("actor")) state.a = q.get("actor").toUpperCase();
  state.by = q.get("by") === "month" ? "month" : "year";
  state.historical = q.get("historical") === "true";
  state.from = q.get("from") || "";
  state.to = q.get("to") || "";
  state.code = q.get("code") || "";
  state.relation = q.get("relation") || "";
  state.minConfidence = q.get("min_confidence") || "";
  $("side-a").value = state.a;
  $("side-b").value = state.b;
  $("by").value = state.by;
  $("historical").checked = state.historical;
  $("from").value = state.from;
  $("to").value = state.to;
  $("code").value = state.code;
  $("relation").value = state.relation;
  $("min-confidence").value = state.minConfidence;
}

async function loadActors() {
  const [sides, roots] = await Promise.all([api("/api/actors"), api("/api/roots")]);
  for (const s of sides) {
    if (s.name) state.names[s.code] = s.name;
    const label = `${s.code}${s.name ? ` ${s.name}` : ""} (${s.events})`;
    $("side-a").append(el("option", { value: s.code }, label));
    $("side-b").append(el("option", { value: s.code }, label));
  }
  for (const r of roots) $("code").append(el("option", { value: r.code }, `${r.code} ${r.name}`));
  fromAddress();
}

async function refresh() {
  $("hits").hidden = true;
  $("timeline").hidden = false;
  const who = state.a && state.b ? `${state.a} – ${state.b}` : state.a || state.b || "all actors";
  $("timeline-title").textContent = `Timeline: ${who}`;
  $("status").textContent = "Loading…";
  const p = filter();
  const ticket = ++latest;
  try {
    const [rows, periods] = await Promise.all([
      api(`/api/timeline?${p}`),
      api(`/api/relations?${p}&by=${state.by}`),
    ]);
    if (ticket !== latest) return;
    state.rows = rows;
    drawTimeline(rows);
    drawChart(periods);
    await drawMap(rows);
    $("status").textContent = `${rows.length} merged event(s)`;
    if (state.by === "month") p.set("by", "month");
    history.replaceState(null, "", p.toString() ? `?${p}` : location.pathname);
  } catch (e) {
    if (ticket === latest) $("status").textContent = `Error: ${e.message}`;
  }
}

function drawTimeline(rows) {
  const list = $("timeline");
  list.replaceChildren();
  let dated = true;
  for (const r of rows) {
    // Undated events come last, in a section of their own (its heading drawn by the style sheet).
    const section = dated && !r.earliest ? "first-undated" : "";
    if (!r.earliest) dated = false;
    const badges = [];
    if (r.historical) badges.push(el("span", { class: "badge historical" }, "historical"));
    if (r.planned) badges.push(el("span", { class: "badge planned" }, "planned"));
    const item = el(
      "li",
      { "data-id": r.id, tabIndex: 0, title: "Show the evidence", class: section },
      el("span", { class: "sources" }, `${r.documents} source${r.documents === 1 ? "" : "s"}`),
      el("div", { class: "date" }, days(r.earliest, r.latest)),
      el("div", { class: "what" }, `${r.name} `, el("span", { class: "badge" }, r.cameo), ...badges),
      el("div", { class: "who" }, `${named(r.source)} → ${named(r.target)}`),
    );
    item.addEventListener("click", () => showEvent(r.id, item));
    item.addEventListener("keydown", (e) => { if (e.key === "Enter") showEvent(r.id, item); });
    list.append(item);
  }
}

const SVG = "http://www.w3.org/2000/svg";

// An SVG drawing of W by H units, scaled to its box.
function svgOf(W, H) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("role", "img");
  return svg;
}

// A new SVG element with its attributes, appended to `parent`.
function svgIn(parent, tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent.append(e);
  return e;
}

// The land outlines of the map, fetched once from the server (embedded: no tiles, no network).
let world = null;

// The events shown, as points where they happened (sized by their sources, coloured by
// cooperation or conflict) on the land outlines; a click opens the evidence.
async function drawMap(rows) {
  const box = $("map");
  if (!world) world = await api("/world.json");
  // Equirectangular, from 84°N to 60°S.
  const W = 640, H = 256, north = 84, south = -60;
  const x = (lon) => ((lon + 180) / 360) * W;
  const y = (lat) => ((north - lat) / (north - south)) * H;
  const svg = svgOf(W, H);
  const add = (parent, tag, attrs) => svgIn(parent, tag, attrs);
  const land = world.rings
    .map((r) => "M" + r.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join("L") + "Z")
    .join("");
  add(svg, "path", { class: "land", d: land });
  const placed = rows.filter((r) => r.place);
  // The biggest first, so that small points stay on top and can be clicked.
  const radius = (r) => 3 + 2 * Math.sqrt(r.documents);
  for (const r of [...placed].sort((a, b) => radius(b) - radius(a))) {
    const dot = add(svg, "circle", {
      class: `point ${r.quad_class >= 3 ? "conf" : "coop"}`,
      cx: x(r.place.lon).toFixed(1), cy: y(r.place.lat).toFixed(1), r: radius(r).toFixed(1),
      "data-id": r.id, tabindex: 0,
    });
    add(dot, "title", {}).textContent =
      `${r.place.name}: ${r.name}, ${named(r.source)} → ${named(r.target)} (${r.documents} source${r.documents === 1 ? "" : "s"})`;
    const open = () => showEvent(r.id, document.querySelector(`#timeline li[data-id="${r.id}"]`));
    dot.addEventListener("click", open);
    dot.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
  }
  box.replaceChildren(svg, el("p", { class: "legend" },
    el("span", { class: "l-coop" }, "cooperation"), el("span", { class: "l-conf" }, "conflict"),
    ` · ${placed.length} of ${rows.length} events placed; size: sources`));
  markOnMap();
}

// The selected event's point, outlined.
function markOnMap() {
  document.querySelectorAll("#map circle.selected").forEach((c) => c.classList.remove("selected"));
  if (state.selected !== null) {
    document.querySelector(`#map circle[data-id="${state.selected}"]`)?.classList.add("selected");
  }
}

// Every year (or month) from the first period to the last, the ones without events as zeros:
// the chart's axis is time, and a quiet year is part of the story.
function withGaps(periods) {
  if (periods.length < 2) return periods;
  const known = new Map(periods.map((p) => [p.period, p]));
  const next = (p) => {
    if (p.length === 4) return String(Number(p) + 1);
    let [y, m] = p.split("-").map(Number);
    if (++m > 12) { m = 1; y++; }
    return `${y}-${String(m).padStart(2, "0")}`;
  };
  const out = [];
  const last = periods[periods.length - 1].period;
  for (let p = periods[0].period; out.length < 1200; p = next(p)) {
    out.push(known.get(p) || { period: p, events: 0, goldstein_sum: 0, cooperation: 0, conflict: 0 });
    if (p === last) break;
  }
  return out;
}

// Bars of cooperation (up) and conflict (down) per period, and the Goldstein sum as a line.
function drawChart(periods) {
  periods = withGaps(periods);
  const box = $("chart");
  box.replaceChildren();
  if (!periods.length) {
    box.append(el("p", { class: "muted" }, "No dated events for this choice."));
    return;
  }
  const W = 640, H = 220, pad = 28, mid = H / 2;
  const n = periods.length, step = (W - 2 * pad) / n;
  const maxCount = Math.max(1, ...periods.map((p) => Math.max(p.cooperation, p.conflict)));
  const maxSum = Math.max(1, ...periods.map((p) => Math.abs(p.goldstein_sum)));
  const svg = svgOf(W, H);
  const add = (tag, attrs, text) => {
    const e = svgIn(svg, tag, attrs);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  add("line", { x1: pad, x2: W - pad, y1: mid, y2: mid, stroke: "#bbb" });
  const points = [];
  periods.forEach((p, i) => {
    const x = pad + i * step;
    const w = Math.max(2, step * 0.7);
    const up = (p.cooperation / maxCount) * (mid - pad);
    const down = (p.conflict / maxCount) * (mid - pad);
    add("rect", { class: "coop", x, y: mid - up, width: w, height: up }).append(
      Object.assign(document.createElementNS(SVG, "title"), { textContent: `${p.period}: ${p.cooperation} cooperation` }));
    add("rect", { class: "conf", x, y: mid, width: w, height: down }).append(
      Object.assign(document.createElementNS(SVG, "title"), { textContent: `${p.period}: ${p.conflict} conflict` }));
    points.push(`${x + w / 2},${mid - (p.goldstein_sum / maxSum) * (mid - pad)}`);
    if (n <= 16 || i % Math.ceil(n / 16) === 0) add("text", { x, y: H - 6 }, p.period);
  });
  add("polyline", { class: "sum", points: points.join(" ") });
  // The scale: events per period up (cooperation) and down (conflict) from the middle line.
  add("text", { x: 2, y: 12 }, `max ${maxCount} events`);
  add("text", { class: "tick", x: 2, y: pad + 4 }, `${maxCount}`);
  add("text", { class: "tick", x: 2, y: mid + 4 }, "0");
  add("text", { class: "tick", x: 2, y: H - pad + 4 }, `${maxCount}`);
  state.chart = { svg, periods, x: (i) => pad + i * step + Math.max(2, step * 0.7) / 2, top: pad / 2, bottom: H - pad / 2 };
  markSelected();
  box.append(svg, el("div", { class: "legend" },
    el("span", { class: "l-coop" }, "cooperation"), el("span", { class: "l-conf" }, "conflict"),
    el("span", { class: "l-sum" }, `Goldstein sum (±${maxSum.toFixed(1)})`)));
}

// A line on the chart at the period of the selected event, if the chart shows it.
function markSelected() {
  const c = state.chart;
  if (!c) return;
  c.svg.querySelector(".selected-mark")?.remove();
  const day = state.selectedDay;
  const i = day ? c.periods.findIndex((p) => day.startsWith(p.period)) : -1;
  if (i < 0) return;
  const line = document.createElementNS(SVG, "line");
  const x = c.x(i);
  for (const [k, v] of Object.entries({ class: "selected-mark", x1: x, x2: x, y1: c.top, y2: c.bottom })) line.setAttribute(k, v);
  line.append(Object.assign(document.createElementNS(SVG, "title"), { textContent: `selected event: ${c.periods[i].period}` }));
  c.svg.append(line);
}

// The evidence of a merged event: each report's sentence, highlighted in its article.
// Sources of an event shown at once; the next ones load on request (an event of a large store
// has hundreds of reports, and each is a whole article).
const PAGE = 5;

async function showEvent(id, item) {
  document.querySelectorAll("#timeline li.selected").forEach((li) => li.classList.remove("selected"));
  if (item) item.classList.add("selected");
  state.selected = id;
  markOnMap();
  const box = $("evidence");
  box.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  try {
    const m = await api(`/api/merged/${id}`);
    if (state.selected !== id) return;
    const e = m.event;
    state.selectedDay = e.earliest;
    markSelected();
    box.replaceChildren(el("p", {}, el("strong", {}, e.name), ` (${e.cameo}) ${e.source_side || "?"} → ${e.target_side || "?"}, ${days(e.earliest, e.latest)}: `,
      `${m.reports.length} report(s) in ${e.documents} document(s)`));
    await moreSources(box, m.reports, 0, id);
    // On a phone the evidence sits below the timeline: bring it into view.
    if (window.matchMedia("(max-width: 800px)").matches) box.scrollIntoView();
  } catch (err) {
    box.replaceChildren(el("p", {}, `Error: ${err.message}`));
  }
}

// Appends the sources from `from` on, a page of them, and a button for the rest.
async function moreSources(box, reports, from, id) {
  const page = reports.slice(from, from + PAGE);
  const docs = await Promise.all(page.map((r) => api(`/api/documents/${r.doc_ids[0]}`)));
  if (state.selected !== id) return;
  box.querySelector("button.more")?.remove();
  const added = page.map((r, i) => source(r, docs[i]));
  box.append(...added);
  // Each article scrolls inside its own box to its sentence; the page itself stays put.
  for (const article of added) {
    const body = article.querySelector(".body");
    const mark = body.querySelector("mark.evidence");
    body.scrollTop += mark.getBoundingClientRect().top - body.getBoundingClientRect().top - 24;
  }
  const left = reports.length - from - page.length;
  if (left > 0) {
    const more = el("button", { type: "button", class: "more" }, `More sources (${left} more)`);
    more.addEventListener("click", () => { more.disabled = true; moreSources(box, reports, from + PAGE, id); });
    box.append(more);
  }
}

function source(report, doc) {
  const published = doc.published ? doc.published.value : "date unknown";
  const head = el("h3", {}, doc.title || doc.path);
  const meta = el("div", { class: "muted" }, `${report.outlets[0] || doc.outlet || doc.site || "unknown outlet"} · ${published}`,
    doc.url ? " · " : "", doc.url ? el("a", { href: doc.url, rel: "noreferrer" }, "original") : "");
  return el("article", { class: "source", "data-doc": doc.id }, head, meta, highlighted(doc, report));
}

// The body with the report's sentence marked and its trigger in bold. Spans count Unicode
// characters, as Annals does, not UTF-16 units.
function highlighted(doc, report) {
  const chars = Array.from(doc.body);
  const span = doc.sentences[report.sentence] || { start: report.start, end: report.end };
  const text = (a, b) => chars.slice(a, b).join("");
  const mark = el("mark", { class: "evidence" });
  const t0 = Math.max(span.start, Math.min(report.start, span.end));
  const t1 = Math.max(t0, Math.min(report.end, span.end));
  mark.append(text(span.start, t0), el("strong", { class: "trigger" }, text(t0, t1)), text(t1, span.end));
  return el("div", { class: "body" }, text(0, span.start), mark, text(span.end, chars.length));
}

// Search among the articles that report an event of the chosen actors (all articles when none
// is chosen), the words found marked, with a way back to the timeline.
async function search(q) {
  $("timeline").hidden = true;
  const list = $("hits");
  list.hidden = false;
  list.replaceChildren();
  const p = new URLSearchParams({ q });
  const sides = filter();
  for (const k of ["dyad", "actor"]) if (sides.get(k)) p.set(k, sides.get(k));
  const who = state.a && state.b ? `${state.a} – ${state.b}` : state.a || state.b;
  $("timeline-title").textContent = `Search: ${q}${who ? ` (articles on ${who})` : ""}`;
  const ticket = ++latest;
  try {
    const hits = await api(`/api/search?${p}`);
    if (ticket !== latest) return;
    $("status").textContent = `${hits.length} article(s)`;
    const back = el("li", { class: "back" }, el("button", { type: "button", id: "back" }, "← Back to the timeline"));
    back.querySelector("button").addEventListener("click", () => { $("search").value = ""; refresh(); });
    list.append(back);
    for (const h of hits) {
      const item = el("li", { "data-doc": h.doc }, el("div", { class: "what" }, h.title || h.doc),
        el("div", { class: "date" }, h.published || ""), el("div", { class: "who" }, ...marked(h.snippet)));
      item.addEventListener("click", () => showDocument(h.doc));
      list.append(item);
    }
  } catch (e) {
    if (ticket === latest) $("status").textContent = `Error: ${e.message}`;
  }
}

// A snippet's words found, written "[word]" by the API, as marked text.
function marked(snippet) {
  return snippet.split(/(\[[^\]]*\])/).filter(Boolean)
    .map((part) => (part.startsWith("[") && part.endsWith("]") ? el("mark", {}, part.slice(1, -1)) : part));
}

// The merged events shown, as CSV: one row each, the columns of the timeline.
const COLUMNS = ["id", "earliest", "latest", "source", "target", "cameo", "name", "goldstein", "historical",
  "planned", "documents"];
function csv(rows) {
  const cell = (v) => {
    const t = v === null || v === undefined ? "" : String(v);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}

function download(name, type, text) {
  const a = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

async function showDocument(id) {
  const doc = await api(`/api/documents/${id}`);
  $("evidence").replaceChildren(el("article", { class: "source", "data-doc": doc.id }, el("h3", {}, doc.title || doc.path),
    el("div", { class: "muted" }, `${doc.outlet || doc.site || ""} · ${doc.published ? doc.published.value : "date unknown"} · ${doc.events.length} event(s)`),
    el("div", { class: "body" }, doc.body)));
}

$("side-a").addEventListener("change", (e) => { state.a = e.target.value; refresh(); });
$("side-b").addEventListener("change", (e) => { state.b = e.target.value; refresh(); });
$("by").addEventListener("change", (e) => { state.by = e.target.value; refresh(); });
$("historical").addEventListener("change", (e) => { state.historical = e.target.checked; refresh(); });
$("from").addEventListener("change", (e) => { state.from = e.target.value; refresh(); });
$("to").addEventListener("change", (e) => { state.to = e.target.value; refresh(); });
$("code").addEventListener("change", (e) => { state.code = e.target.value; refresh(); });
$("relation").addEventListener("change", (e) => { state.relation = e.target.value; refresh(); });
$("min-confidence").addEventListener("change", (e) => { state.minConfidence = e.target.value; refresh(); });
$("export-csv").addEventListener("click", () => download("annals-timeline.csv", "text/csv", csv(state.rows)));
$("export-json").addEventListener("click", () =>
  download("annals-timeline.json", "application/json", JSON.stringify(state.rows, null, 1)));
$("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = $("search").value.trim();
  if (q) search(q); else refresh();
});

loadActors().then(refresh, (e) => { $("status").textContent = `Error: ${e.message}`; });
