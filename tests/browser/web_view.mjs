// End-to-end test of `annals serve` in headless Chromium (Debian's package, driven by
// playwright-core): ingest articles into a new store, serve it, pick a dyad in the page, click
// an event, and check that every source article shows the event's sentence highlighted with
// its trigger. Saves screenshots at desktop (1280×800) and phone (390×844) widths.
//
//   ANNALS_BIN   the annals binary (default: ../../target/release/annals)
//   OUT          where screenshots go (default: ../../target/browser)
// Runs on the examples; also on the seeds (RUS–JPN, the 1945 seizure in 4 articles) when
// ../shared/corpus/seeds is present beside the checkout.
import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const bin = process.env.ANNALS_BIN || join(repo, "target/release/annals");
const out = process.env.OUT || join(repo, "target/browser");
mkdirSync(out, { recursive: true });

function check(ok, message) {
  if (!ok) throw new Error(message);
  console.log(`ok: ${message}`);
}

function ingest(input) {
  const db = join(mkdtempSync(join(tmpdir(), "annals-web-")), "annals.db");
  execFileSync(bin, ["ingest", "--quiet", "--db", db, input], { stdio: ["ignore", "ignore", "inherit"] });
  return db;
}

// Starts the server on a free port; resolves with its address once it prints it.
function serve(db) {
  const child = spawn(bin, ["serve", "--db", db, "--addr", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((ok, fail) => {
    child.on("error", fail);
    child.on("exit", (code) => fail(new Error(`annals serve exited with ${code}`)));
    child.stdout.on("data", (chunk) => {
      const m = /http:\/\/[^\s]+/.exec(chunk.toString());
      if (m) ok({ url: m[0], child });
    });
  });
}

// Picks the dyad in the page's two menus, clicks the event `choose` selects among the rows of
// the timeline API, and checks its evidence in every source.
async function run(page, url, name, pickDyad, choose) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll("#side-a option").length > 1);
  const [a, b] = await pickDyad(page, url);
  await page.selectOption("#side-a", a);
  await page.selectOption("#side-b", b);
  await page.waitForFunction((t) => document.querySelector("#timeline-title").textContent.includes(t), `${a} – ${b}`);
  const rows = await (await fetch(`${url}api/timeline?dyad=${a},${b}`)).json();
  // The title changes at once, the list when the answer comes: wait for it, then count.
  await page
    .waitForFunction((n) => document.querySelectorAll("#timeline li").length === n, rows.length, { timeout: 10000 })
    .catch(() => {});
  const shown = await page.locator("#timeline li").count();
  check(shown === rows.length && shown > 0, `${name}: the ${a}–${b} timeline lists its ${rows.length} merged events`);
  check(await page.locator("#chart svg rect").count() > 0, `${name}: the relations chart is drawn`);
  const who = await page.locator("#timeline li .who").first().innerText();
  check(/^[A-Z]{3} [A-Z][a-z]/.test(who), `${name}: the sides are named ("${who}")`);
  const event = choose(rows);
  await page.click(`#timeline li[data-id="${event.id}"]`);
  await page.waitForSelector("#evidence mark.evidence");
  const merged = await (await fetch(`${url}api/merged/${event.id}`)).json();
  const mark = await page.locator("#chart .selected-mark title").textContent();
  check(mark.endsWith(event.earliest.slice(0, 4)), `${name}: the chart marks the selected event's year (${mark})`);
  const marks = page.locator("#evidence article.source mark.evidence");
  check(await marks.count() === merged.reports.length,
    `${name}: "${event.name}" (${event.earliest}) shows ${merged.reports.length} highlighted source(s)`);
  for (let i = 0; i < merged.reports.length; i++) {
    const r = merged.reports[i];
    const text = (await marks.nth(i).innerText()).replace(/\s+/g, " ").trim();
    const sentence = r.evidence.replace(/\s+/g, " ").trim();
    check(text === sentence, `${name}: source ${i + 1} (${r.outlets[0] || r.doc_ids[0]}) highlights its sentence`);
    const trigger = await marks.nth(i).locator("strong.trigger").innerText();
    check(trigger === r.trigger, `${name}: source ${i + 1} marks the trigger "${r.trigger}"`);
  }
  await page.screenshot({ path: join(out, `${name}-desktop.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `${name}: nothing wider than a phone screen (${overflow}px over)`);
  await page.screenshot({ path: join(out, `${name}-phone.png`), fullPage: false });
  // Full-text search.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.fill("#search", "minister");
  await page.click("#search-form button");
  await page.waitForFunction(() => document.querySelector("#status").textContent.includes("article"));
  check(!(await page.locator("#hits").isHidden()), `${name}: search answers in the page`);
  const hits = await (await fetch(`${url}api/search?q=minister&dyad=${a},${b}`)).json();
  const listed = await page.locator("#hits li[data-doc]").count();
  check(listed === hits.length, `${name}: the search is among the ${a}–${b} articles (${listed} of them)`);
  if (listed > 0) {
    const word = (await page.locator("#hits li[data-doc] mark").first().innerText()).toLowerCase();
    check(word.startsWith("minister"), `${name}: the words found are marked ("${word}")`);
  }
  await page.click("#back");
  await page.waitForFunction((k) => !document.querySelector("#timeline").hidden
    && document.querySelectorAll("#timeline li").length === k, rows.length);
  check(true, `${name}: the way back shows the ${a}–${b} timeline again`);
  return merged.reports.length;
}

// Picking two sides fires two requests. An answer for the first choice that arrives last must
// not replace the list of the second: every timeline answer but the final dyad's is held back.
async function lateAnswers(page, url, name, [a, b]) {
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll("#side-a option").length > 1);
  const pattern = "**/api/timeline?*";
  await page.route(pattern, async (route) => {
    const dyad = new URL(route.request().url()).searchParams.get("dyad");
    if (dyad !== `${a},${b}`) await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.selectOption("#side-a", a);
  await page.selectOption("#side-b", b);
  await new Promise((r) => setTimeout(r, 3000));
  const rows = await (await fetch(`${url}api/timeline?dyad=${a},${b}`)).json();
  const ids = await page.locator("#timeline li").evaluateAll((items) => items.map((li) => li.dataset.id));
  check(ids.length === rows.length && ids.every((id, i) => id === String(rows[i].id)),
    `${name}: a late answer for an earlier choice does not replace the ${a}–${b} list (${ids.length} shown, ${rows.length} wanted)`);
  await page.unroute(pattern);
}

// The address holds the view: a dyad, a kind of event and the chart's period given in it are
// shown in the controls and asked of the API; a filter chosen in the page is written back to
// it, and a reload keeps it; the export button downloads what is shown.
async function addressAndFilters(page, url, name, [a, b]) {
  const all = await (await fetch(`${url}api/timeline?dyad=${a},${b}`)).json();
  const root = all[0].cameo.slice(0, 2);
  const asked = async (q) => (await (await fetch(`${url}api/timeline?${q}`)).json()).length;
  const listed = (n) => page.waitForFunction((k) => document.querySelectorAll("#timeline li").length === k
    && document.querySelector("#status").textContent.startsWith(`${k} merged`), n, { timeout: 10000 });
  await page.goto(`${url}?dyad=${a},${b}&code=${root}&by=month`);
  const wanted = await asked(`dyad=${a},${b}&code=${root}`);
  await listed(wanted);
  const controls = await page.evaluate(() => ["side-a", "side-b", "code", "by"].map((id) => document.getElementById(id).value));
  check(controls.join(" ") === `${a} ${b} ${root} month`,
    `${name}: the address's dyad, event kind and period are the controls' (${controls.join(" ")})`);
  check(await page.locator("#timeline li").count() === wanted, `${name}: the list is the API's for them (${wanted})`);
  await page.selectOption("#min-confidence", "0.85");
  const confident = await asked(`dyad=${a},${b}&code=${root}&min_confidence=0.85`);
  await listed(confident);
  await page.waitForFunction(() => location.search.includes("min_confidence=0.85"));
  check(new URL(page.url()).searchParams.get("code") === root, `${name}: a filter chosen in the page is written to the address`);
  await page.reload();
  await listed(confident);
  const kept = await page.evaluate(() => [document.getElementById("min-confidence").value, document.getElementById("code").value]);
  check(kept.join(" ") === `0.85 ${root}`, `${name}: a reload keeps the view (${kept.join(" ")})`);
  // Cooperation or conflict, from the whole dyad again.
  await page.selectOption("#code", "");
  await page.selectOption("#min-confidence", "");
  await page.selectOption("#relation", "cooperation");
  const cooperation = await asked(`dyad=${a},${b}&relation=cooperation`);
  await listed(cooperation);
  await page.waitForFunction(() => location.search.includes("relation=cooperation"));
  check(cooperation > 0 && await page.locator("#timeline li").count() === cooperation,
    `${name}: cooperation only lists the API's ${cooperation} event(s)`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
  const lines = readFileSync(await download.path(), "utf8").trim().split("\n");
  check(lines[0].startsWith("id,earliest,latest") && lines.length === cooperation + 1,
    `${name}: the CSV export holds the ${cooperation} event(s) shown and a header`);
}

// An event told by seven articles (written here) shows five sources and a button for the other
// two, which loads them.
async function pagedEvidence(page) {
  const dir = mkdtempSync(join(tmpdir(), "annals-paged-"));
  for (let i = 1; i <= 7; i++) {
    writeFileSync(join(dir, `report-${i}.txt`), `Fishermen row, report ${i}\n\nMarch 14, 2022\n\n`
      + `Japan protested to Russia on Monday over the detention of ${i + 2} fishermen near Hokkaido, `
      + `officials said in the report numbered ${i}.\n\nThe boats were held for ${i} days.\n`);
  }
  const s = await serve(ingest(dir));
  servers.push(s.child);
  await page.goto(s.url);
  await page.waitForFunction(() => document.querySelectorAll("#timeline li").length > 0);
  const rows = await (await fetch(`${s.url}api/timeline`)).json();
  const event = rows.find((r) => r.documents === 7);
  check(event !== undefined, "paged: the seven reports merge into one event");
  await page.click(`#timeline li[data-id="${event.id}"]`);
  await page.waitForSelector("#evidence button.more");
  const first = await page.locator("#evidence article.source").count();
  const label = await page.locator("#evidence button.more").innerText();
  check(first === 5 && label.includes("2 more"), `paged: 5 of 7 sources shown first, and "${label}"`);
  await page.click("#evidence button.more");
  await page.waitForFunction(() => document.querySelectorAll("#evidence article.source").length === 7);
  check(await page.locator("#evidence button.more").count() === 0, "paged: the button loads the other 2, then goes");
}

// The map: a point for every placed event the timeline shows, drawn on land outlines the
// server embeds (no tile server); clicking a point opens that event's evidence.
async function mapPoints(page, url) {
  await page.goto(url);
  const rows = await (await fetch(`${url}api/timeline`)).json();
  const placed = rows.filter((r) => r.place);
  await page.waitForFunction((n) => document.querySelectorAll("#map circle.point").length === n, placed.length, { timeout: 10000 })
    .catch(() => {});
  const points = await page.locator("#map circle.point").count();
  check(placed.length > 0 && points === placed.length, `map: ${points} points for the ${placed.length} placed events of ${rows.length}`);
  check(await page.locator("#map path.land").count() === 1, "map: the land is drawn from the embedded outlines");
  // A point of its own: no other within a few pixels (two events at one place are two points on
  // one spot, and neighbouring provinces overlap).
  const centres = await page.locator("#map circle.point").evaluateAll((cs) =>
    cs.map((c) => ({ id: c.dataset.id, x: Number(c.getAttribute("cx")), y: Number(c.getAttribute("cy")) })));
  const clear = (r) => {
    const me = centres.find((c) => c.id === String(r.id));
    return me && centres.every((c) => c.id === me.id || Math.hypot(c.x - me.x, c.y - me.y) > 12);
  };
  const alone = placed.filter(clear);
  const target = alone.find((r) => r.quad_class >= 3) || alone[0];
  await page.click(`#map circle[data-id="${target.id}"]`);
  await page.waitForSelector("#evidence mark.evidence");
  const title = await page.locator("#evidence p strong").first().innerText();
  check(title === target.name, `map: clicking the point of "${target.name}" at ${target.place.name} opens its evidence`);
  check(await page.locator(`#map circle.selected[data-id="${target.id}"]`).count() === 1, "map: the clicked point is marked");
  check(await page.locator(`#map circle.conf[data-id="${target.id}"]`).count() === (target.quad_class >= 3 ? 1 : 0),
    "map: the point is coloured by cooperation or conflict");
  await page.screenshot({ path: join(out, "map.png") });
}

// The dyad of the event told by the most sources.
async function busiestDyad(_page, url) {
  const rows = await (await fetch(`${url}api/timeline`)).json();
  const best = rows.filter((r) => r.source && r.target).sort((x, y) => y.documents - x.documents)[0];
  return [best.source, best.target];
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const servers = [];
let failed = false;
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => { failed = true; console.error(`page error: ${e.message}`); });
  // The page works offline: it asks nothing of any host but the server.
  const elsewhere = [];
  page.on("request", (r) => { if (!r.url().startsWith("http://127.0.0.1:")) elsewhere.push(r.url()); });
  const examples = await serve(ingest(join(repo, "examples/articles")));
  servers.push(examples.child);
  await run(page, examples.url, "examples", busiestDyad, (rows) => [...rows].sort((x, y) => y.documents - x.documents)[0]);
  await lateAnswers(page, examples.url, "examples", await busiestDyad(page, examples.url));
  await addressAndFilters(page, examples.url, "examples", await busiestDyad(page, examples.url));
  await pagedEvidence(page);
  await mapPoints(page, examples.url);
  const seeds = resolve(repo, "../shared/corpus/seeds");
  if (existsSync(seeds)) {
    const s = await serve(ingest(seeds));
    servers.push(s.child);
    const sources = await run(page, s.url, "seeds", async () => ["RUS", "JPN"],
      (rows) => rows.find((r) => r.earliest.startsWith("1945") && r.cameo.startsWith("19")) || rows.find((r) => r.earliest.startsWith("1945")));
    check(sources === 4, "seeds: the 1945 seizure of the islands is highlighted in 4 articles");
  } else {
    console.log(`skipped: ${seeds} is absent`);
  }
  check(!failed, "no script error in the page");
  check(elsewhere.length === 0, `the page asked no other host (${elsewhere.slice(0, 3).join(" ")})`);
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  for (const c of servers) c.kill();
}
