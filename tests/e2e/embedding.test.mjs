// Embedding: the README snippet on a host page whose own CSS conflicts with the app,
// the app inside an <iframe>, the data- attributes, and no use of the host's URL hash or history.
// Every page is served with the strict Content-Security-Policy; any violation fails a test.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { appServer, openPage, shot, goPhase, addSource, addCard, columnCards, saved, watchSaves, workshopFile, ROOT, DIST, OUT, noViolations, board, workshops, facilitation, header, charter, pdfInfo, afterCharter } from "./lib.mjs";

// ---------------------------------------------------------------------------------------------
// The documented snippet, taken from the README itself, so the test checks what users copy.
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const embeddingSection = README.split(/^## /m).find((s) => /^Embedding/i.test(s)) ?? "";
const SNIPPETS = [...embeddingSection.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
const SNIPPET = SNIPPETS[0] ?? "";
/** The README's snippet for the after-the-charter page (the one that starts `boot.js?app=after`). */
const AFTER_SNIPPET = SNIPPETS.find((s) => s.includes("boot.js?app=after")) ?? "";
/** An attribute's value in a snippet, as printed. */
const attr = (snippet, name) => (new RegExp(`${name}="([^"]*)"`).exec(snippet) || [])[1];
/** Where the README puts each page: the two snippets name each other's address. */
const README_PAGES = { workshop: attr(AFTER_SNIPPET, "data-workshop-href"), after: attr(SNIPPET, "data-after-href") };
/** A host page with nothing but a README snippet, exactly as printed, in its body. */
const readmePage = (snippet) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Intranet Gemeente Voorbeeld</title><link rel="icon" href="data:,"></head>
<body>
${snippet}</body></html>`;

/** The snippet with the mount element's attributes replaced (e.g. `data-lang="en" data-title=…`). */
function snippet(attrs) {
  return SNIPPET.replace(/<div id="leidraad"[^>]*><\/div>/, `<div id="leidraad" ${attrs}></div>`);
}

// A host page's ordinary CSS that fights the app on every front (no !important).
const CONFLICT_CSS = `
* { font: 30px serif; color: red; letter-spacing: 3px; }
html, body { background: #ffd; }
button { display: none; }
div { padding: 50px; border: 4px dotted green; }
input, textarea, select { width: 10px; height: 60px; }
p { margin: 40px; text-transform: uppercase; }
ul, ol { list-style: square; padding-left: 90px; margin: 30px; }
li { display: inline; }
h1, h2, h3, h4 { font-size: 60px; text-decoration: underline; }
label { display: none; }
a { color: lime; }
section, article, header, nav, main, form, fieldset { display: inline; padding: 20px; }
`;
// The brief's hostile rule with !important: nothing in the page's own cascade can beat it.
const IMPORTANT_CSS = `* { font: 30px serif !important; color: red; } button { display: none; } div { padding: 50px; } input { width: 10px; }`;

const HOST_BODY = (inner) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Intranet Gemeente Voorbeeld</title>
<link rel="icon" href="data:,">
HEAD
</head><body>
<p id="host-p">Intranet van de gemeente: nieuws en werkplaatsen.</p>
<button id="host-button" type="button">Zoeken</button>
<input id="host-input" aria-label="Zoekterm">
<ul id="host-list"><li>Nieuws</li><li>Agenda</li></ul>
${inner}
<p id="host-p-after">Vragen? Bel de servicedesk.</p>
</body></html>`;

function host({ css = "", attrs = 'data-lang="nl"', app = true } = {}) {
  const head = [css ? `<link rel="stylesheet" href="/host/${css}">` : "", app ? snippet(attrs).replace(/<div id="leidraad".*<\/div>/, "") : ""].join("\n");
  const mount = app ? (/<div id="leidraad".*<\/div>/.exec(snippet(attrs)) || [""])[0] : `<div id="leidraad-placeholder"></div>`;
  return HOST_BODY(mount).replace("HEAD", head);
}

/** The built app under /static/leidraad/, as the README tells a facilitator to copy it. */
function staticFolder() {
  const out = {};
  const types = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".html": "text/html; charset=utf-8" };
  // The whole folder, as the README says: the projector view's build, the suggestions' module and
  // the library are fetched from it later too.
  for (const f of fs.readdirSync(DIST).filter((f) => fs.statSync(path.join(DIST, f)).isFile())) {
    out[`/static/leidraad/${f}`] = { body: fs.readFileSync(path.join(DIST, f)), type: types[path.extname(f)] || "application/octet-stream" };
  }
  return out;
}

/** An intranet page with its own header, menu and footer around the app, in a padded grid. */
const INTRANET_PAGE = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Intranet Gemeente Voorbeeld</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/host/intranet.css">
${/<link[^>]*>/.exec(SNIPPET)?.[0] ?? ""}
${/<script[^>]*><\/script>/.exec(SNIPPET)?.[0] ?? ""}
</head><body>
<header class="site-header"><h1>Intranet van de gemeente</h1><nav><a href="#">Nieuws</a> <a href="#">Agenda</a></nav></header>
<div class="layout"><aside>Menu van het intranet</aside>
<main>${/<div id="leidraad".*<\/div>/.exec(SNIPPET)?.[0] ?? ""}</main></div>
<footer class="site-footer">Vragen? Bel de servicedesk.</footer>
</body></html>`;

/** The same intranet page around the after-the-charter snippet (posters, residents' version). */
const INTRANET_AFTER_PAGE = INTRANET_PAGE
  .replace(/<link rel="stylesheet" href="\/static[^>]*>/, /<link[^>]*>/.exec(AFTER_SNIPPET)?.[0] ?? "")
  .replace(/<script[^>]*><\/script>/, /<script[^>]*><\/script>/.exec(AFTER_SNIPPET)?.[0] ?? "")
  .replace(/<div id="leidraad".*<\/div>/, /<div id="leidraad".*<\/div>/.exec(AFTER_SNIPPET)?.[0] ?? "");

const PAGES = {
  "/host/intranet.html": { body: INTRANET_PAGE },
  "/host/intranet-after.html": { body: INTRANET_AFTER_PAGE },
  "/host/intranet.css": {
    body: `body { margin: 20px; font: 16px serif; }
.site-header, .site-footer { height: 180mm; background: #dde; padding: 20px; }
.layout { display: grid; grid-template-columns: 200px 1fr; gap: 30px; padding: 40px; border: 3px solid #888; }`,
    type: "text/css; charset=utf-8",
  },
  "/host/conflict.css": { body: CONFLICT_CSS, type: "text/css; charset=utf-8" },
  "/host/important.css": { body: IMPORTANT_CSS, type: "text/css; charset=utf-8" },
  "/host/clean.html": { body: host() },
  "/host/clean-noapp.html": { body: host({ app: false }) },
  "/host/conflict.html": { body: host({ css: "conflict.css" }) },
  "/host/conflict-noapp.html": { body: host({ css: "conflict.css", app: false }) },
  "/host/important.html": { body: host({ css: "important.css" }) },
  "/host/config.html": {
    body: host({
      attrs: 'data-lang="en" data-title="Principles for Youth &amp; Care" data-groups="Young people, Parents , Schools,," data-phases="setup,collect,cluster"',
    }),
  },
  "/host/phases.html": { body: host({ attrs: 'data-lang="nl" data-phases="cluster, collect, nonsense"' }) },
  "/host/framed.html": { body: host({ attrs: 'data-lang="en" data-title="In a frame"' }) },
  "/host/iframe.html": {
    body: HOST_BODY(`<iframe id="frame" src="/host/framed.html" title="Leidraad" width="700" height="800"></iframe>`)
      .replace("HEAD", '<link rel="stylesheet" href="/host/conflict.css">'),
  },
};

before(() => {
  assert.ok(SNIPPET.includes('<div id="leidraad"'), "README has an Embedding section with an html snippet and the mount <div>");
});
// The README's two pages at the addresses it gives them (when it gives them: see the test).
for (const [page, snippet] of [["workshop", SNIPPET], ["after", AFTER_SNIPPET]]) {
  if (README_PAGES[page]?.startsWith("/")) PAGES[README_PAGES[page]] = { body: readmePage(snippet) };
}
const env = appServer({ ...staticFolder(), ...PAGES });

// ---------------------------------------------------------------------------------------------
const STYLE_PROPS = [
  "display", "visibility", "position", "font-family", "font-size", "font-weight", "font-style", "letter-spacing",
  "text-transform", "text-decoration-line", "color", "background-color", "padding-top", "padding-right",
  "padding-bottom", "padding-left", "margin-top", "margin-right", "margin-bottom", "margin-left",
  "border-top-width", "border-top-style", "border-left-width", "list-style-type", "opacity",
];

/** Computed styles of every element under a root (selector), in document order. */
function stylesOf(page, selector, { self = false } = {}) {
  return page.evaluate(([selector, props, self]) => {
    const root = document.querySelector(selector);
    if (!root) return null;
    return [root, ...(self ? [] : root.querySelectorAll("*"))].map((el) => {
      const cs = getComputedStyle(el);
      const style = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      const cls = typeof el.className === "string" ? el.className.trim().split(/\s+/).filter(Boolean).join(".") : "";
      return { el: `${el.tagName.toLowerCase()}${cls ? "." + cls : ""}`, style };
    });
  }, [selector, STYLE_PROPS, self]);
}

/** Differences between two style snapshots, grouped: "elem prop: a → b (n×)". */
function styleDiff(a, b) {
  assert.equal(b.length, a.length, `same element count (${a.length} vs ${b.length})`);
  const counts = new Map();
  a.forEach((x, i) => {
    const y = b[i];
    assert.equal(y.el, x.el, "same element structure");
    for (const p of Object.keys(x.style)) {
      if (x.style[p] !== y.style[p]) {
        const k = `${x.el} ${p}: ${x.style[p]} → ${y.style[p]}`;
        counts.set(k, (counts.get(k) || 0) + 1);
      }
    }
  });
  return [...counts].map(([k, n]) => `${k}${n > 1 ? ` (${n}×)` : ""}`);
}

/** The small board the comparisons start from. */
const seeded = () => workshopFile(workshops.smallBoard());

// ---------------------------------------------------------------------------------------------
test("the README snippet, from a static folder, on a host page with conflicting CSS: the app looks and works as on a clean page", async () => {
  const clean = await openPage(env, { path: "host/clean.html", storage: seeded() });
  const hostile = await openPage(env, { path: "host/conflict.html", storage: seeded() });
  const diffs = [];
  const narrow = [];
  for (const phase of ["Voorbereiden", "Verzamelen", "Clusteren"]) {
    await goPhase(clean, phase);
    await goPhase(hostile, phase);
    // Open the menus too, so their content is compared as well.
    for (const p of [clean, hostile]) {
      for (const d of await p.locator(".leidraad details").all()) await d.evaluate((el) => { el.open = true; });
    }
    const a = await stylesOf(clean, ".leidraad");
    const b = await stylesOf(hostile, ".leidraad");
    diffs.push(...styleDiff(a, b).map((d) => `${phase}: ${d}`));
    // Text fields keep a usable width (the host says input { width: 10px }).
    narrow.push(...await hostile.evaluate(() => [...document.querySelectorAll(".leidraad input, .leidraad textarea, .leidraad select")]
      .filter((el) => !/radio|checkbox|file/.test(el.type) && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().width < 100)
      .map((el) => `${el.id}: ${Math.round(el.getBoundingClientRect().width)} px`)));
    for (const p of [clean, hostile]) {
      for (const d of await p.locator(".leidraad details").all()) await d.evaluate((el) => { el.open = false; });
    }
    await shot(hostile, `embed-conflict-${phase.toLowerCase()}`);
  }
  await shot(clean, "embed-clean-clusteren");
  // Summary per property: which kinds of element the host's CSS reached.
  const byProp = new Map();
  for (const d of diffs) {
    const m = /^[^:]+: (\S+) ([a-z-]+):/.exec(d);
    if (!m) continue;
    if (!byProp.has(m[2])) byProp.set(m[2], new Set());
    byProp.get(m[2]).add(m[1]);
  }
  const summary = [...byProp].map(([prop, els]) => `${prop}: ${els.size} kinds of element, e.g. ${[...els].slice(0, 4).join(", ")}`);
  if (diffs.length) console.log(`host CSS reaches into the app: ${diffs.length} differences\n${summary.join("\n")}`);
  assert.deepEqual(summary, [], "the host page's CSS changes the app's computed styles (property: elements)");
  assert.deepEqual(narrow, [], "text fields squeezed by the host's input { width: 10px }");
  assert.deepEqual(clean.problems, []);
  assert.deepEqual(hostile.problems, []);
  await clean.context().close();
  await hostile.context().close();
});

test("on a host page with conflicting CSS the app still works: add a source and a card, move cards by keyboard and by mouse", async () => {
  // Tall, so the host's padding does not push the drop target out of view.
  const page = await openPage(env, { path: "host/conflict.html", viewport: { width: 1280, height: 3000 } });
  await goPhase(page, "Verzamelen");
  await addSource(page, "Situatie", "Buurtteam Noord");
  await addCard(page, "Buurtteam Noord", "Eigen regie bij de inwoner", "Inwoners");
  await addCard(page, "Buurtteam Noord", "Zorg dichtbij, in de wijk", "Beleid");
  await goPhase(page, "Clusteren");
  await board(page).createCluster("Regie");
  await board(page).createCluster("Dichtbij");
  await board(page).carry("Eigen regie bij de inwoner", "Regie");
  assert.deepEqual(await columnCards(page, "Regie"), ["Eigen regie bij de inwoner"]);

  await board(page).drag("Zorg dichtbij", "Dichtbij", { scroll: true, dropY: (b) => Math.min(b.height / 2, 40) });
  await board(page).column("Dichtbij").locator(".ld-board-card").first().waitFor();
  assert.deepEqual(await columnCards(page, "Dichtbij"), ["Zorg dichtbij, in de wijk"]);
  const s = await saved(page);
  assert.equal(s.workshop.cards.length, 2);
  assert.ok(s.workshop.cards.every((c) => c.cluster), "both cards clustered");
  await shot(page, "embed-conflict-working");
  await noViolations(page, "cluster on a conflicting host");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the app does not leak styles into the host page: host elements look the same with and without the app", async () => {
  for (const [withApp, without] of [["host/clean.html", "host/clean-noapp.html"], ["host/conflict.html", "host/conflict-noapp.html"]]) {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const bare = await ctx.newPage();
    await bare.goto(env.url + without);
    const app = await openPage(env, { path: withApp, storage: seeded() });
    // The app is open on the cluster board with its menus open: most of its CSS in play.
    await goPhase(app, "Clusteren");
    for (const d of await app.locator(".leidraad details").all()) await d.evaluate((el) => { el.open = true; });
    for (const sel of ["#host-p", "#host-button", "#host-input", "#host-list", "#host-p-after", "body", "html"]) {
      const self = sel === "body" || sel === "html";
      const x = await stylesOf(bare, sel, { self });
      const y = await stylesOf(app, sel, { self });
      const d = styleDiff(x, y);
      assert.deepEqual(d, [], `${withApp}: the app changed the host's ${sel}`);
    }
    assert.deepEqual(app.problems, [], withApp);
    await app.context().close();
    await ctx.close();
  }
});

test("even a host rule with !important on every element leaves the app usable", async () => {
  const page = await openPage(env, { path: "host/important.html" });
  // Every control of the app is still shown and reachable.
  const hidden = await page.evaluate(() => [...document.querySelectorAll(".leidraad button, .leidraad input, .leidraad summary")]
    .filter((el) => !el.classList.contains("ld-visually-hidden") && el.type !== "file" && getComputedStyle(el).display === "none")
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(hidden, []);
  await page.getByLabel("Titel van de werksessie").fill("Met !important");
  await page.getByLabel("Titel van de werksessie").press("Tab");
  await goPhase(page, "Verzamelen");
  await addSource(page, "Gegevens", "Cijfers jeugdhulp");
  await addCard(page, "Cijfers jeugdhulp", "Normaliseren", "Beleid");
  await goPhase(page, "Clusteren");
  await board(page).createCluster("Normaal");
  await board(page).carry("Normaliseren", "Normaal");
  assert.deepEqual(await columnCards(page, "Normaal"), ["Normaliseren"]);
  const font = await page.locator(".ld-card-text").first().evaluate((el) => getComputedStyle(el).fontFamily + " " + getComputedStyle(el).fontSize);
  console.log(`with a host '* { font: 30px serif !important }' the app's text is ${font} (a known limit: only an <iframe> shields against !important)`);
  await shot(page, "embed-important");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("data-lang, data-title, data-groups and data-phases configure a new workshop", async () => {
  const page = await openPage(env, { path: "host/config.html" });
  // English, the preset title and groups (trimmed, empty ones dropped), only three steps.
  await page.getByRole("heading", { name: "Set up", level: 2 }).waitFor();
  assert.equal(await page.locator(".leidraad").getAttribute("lang"), "en");
  assert.equal(await page.locator(".ld-title").textContent(), "Principles for Youth & Care");
  assert.equal(await page.getByLabel("Workshop title").inputValue(), "Principles for Youth & Care");
  const groups = await page.locator(".ld-plain-list input[id^='ld-group-']").evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(groups, ["Young people", "Parents", "Schools"]);
  const steps = await page.getByRole("navigation").getByRole("button").allTextContents();
  assert.deepEqual(steps.map((s) => s.replace(/^\d+/, "").trim()), ["Set up", "Collect", "Cluster"]);
  // The shown steps are numbered 1, 2, 3, and the after-the-charter link after them.
  assert.deepEqual(await page.locator(".ld-steps .ld-step-n").allTextContents(), ["1", "2", "3", "4"]);
  // The preset is the start of a workshop, saved as any other.
  await goPhase(page, "Collect");
  await page.getByRole("radio", { name: /^Case/ }).check();
  await page.getByLabel("Title", { exact: true }).fill("Family with debts");
  await page.locator(".ld-new-source").getByRole("button", { name: "Add" }).click();
  await page.locator(".ld-source h3", { hasText: "Family with debts" }).waitFor();
  const s = await saved(page);
  assert.equal(s.workshop.setup.title, "Principles for Youth & Care");
  assert.deepEqual(s.workshop.setup.groups.map((g) => g.name), ["Young people", "Parents", "Schools"]);
  await shot(page, "embed-config-en");
  await noViolations(page, "configured host (en)");
  assert.deepEqual(page.problems, []);

  // A stored workshop wins over the presets (the title is not forced on a reload).
  await page.getByRole("navigation").getByRole("button", { name: /Set up/ }).click();
  await page.getByLabel("Workshop title").fill("Our own title");
  await page.getByLabel("Workshop title").press("Tab");
  await saved(page);
  await page.reload();
  await page.waitForSelector(".leidraad .ld-header");
  assert.equal(await page.locator(".ld-title").textContent(), "Our own title");
  await page.context().close();

  // data-phases in any order and with an unknown name: the known ones, in workshop order,
  // starting on the first shown.
  const p2 = await openPage(env, { path: "host/phases.html" });
  const steps2 = await p2.getByRole("navigation").getByRole("button").allTextContents();
  assert.deepEqual(steps2.map((s) => s.replace(/^\d+/, "").trim()), ["Verzamelen", "Clusteren"]);
  assert.deepEqual(await p2.locator(".ld-steps .ld-step-n").allTextContents(), ["1", "2", "3"], "numbered as shown, not 2, 3, 7");
  assert.equal(await p2.locator(".leidraad").getAttribute("data-phase"), "collect");
  // The projector counts the steps the way the step bar does.
  const proj = await facilitation(p2).openProjector();
  await proj.locator(".ld-proj-step", { hasText: "Stap 1 / 3: Verzamelen" }).waitFor();
  await goPhase(p2, "Clusteren");
  await proj.locator(".ld-proj-step", { hasText: "Stap 2 / 3: Clusteren" }).waitFor();
  assert.deepEqual(p2.problems, []);
  await p2.context().close();
});

test("using the app leaves the host page's URL hash and history alone", async () => {
  const page = await openPage(env, { path: "host/clean.html#intranet-nieuws", storage: seeded() });
  const before = await page.evaluate(() => ({ href: location.href, length: history.length, state: history.state }));
  const hashChanges = [];
  await page.exposeFunction("__hashChanged", (h) => hashChanges.push(h));
  await page.evaluate(() => { addEventListener("hashchange", () => window.__hashChanged(location.hash)); addEventListener("popstate", () => window.__hashChanged("popstate")); });

  // The skip link, by keyboard and by mouse.
  await page.locator(".ld-skip").focus();
  await page.keyboard.press("Enter");
  await page.locator(".ld-skip").focus();
  await page.locator(".ld-skip").click();
  // Every step, the menus, a card and a move.
  for (const phase of ["Verzamelen", "Clusteren", "Kiezen", "Concretiseren", "Charter", "Voorbereiden"]) await goPhase(page, phase);
  await page.locator(".ld-device summary").click();
  await page.locator(".ld-file-menu summary").click();
  await goPhase(page, "Verzamelen");
  await addCard(page, "Gezin met schulden", "Vertrouwen in de professional");
  await goPhase(page, "Clusteren");
  await board(page).carry("Eigen regie bij de inwoner", "Dichtbij");
  await page.keyboard.press("Control+z");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("button", { name: "Nederlands" }).click().catch(() => {});
  const now = await page.evaluate(() => ({ href: location.href, length: history.length, state: history.state }));
  assert.deepEqual(hashChanges, [], `no hashchange or popstate (location now ${now.href}, history ${before.length} → ${now.length})`);
  assert.deepEqual(now, before, "location and history unchanged");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("in an <iframe> on a host page with conflicting CSS the app starts, is configured, works and saves", async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  await watchSaves(ctx);
  const page = await ctx.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") page.problems.push(`console: ${m.text()}`); });
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(env.url + "host/iframe.html");
  const frame = page.frameLocator("#frame");
  await frame.getByRole("heading", { name: "Set up", level: 2 }).waitFor();
  assert.equal(await frame.locator(".ld-title").textContent(), "In a frame");
  await frame.getByRole("navigation").getByRole("button", { name: /Collect/ }).click();
  await frame.getByRole("radio", { name: /^Data/ }).check();
  await frame.getByLabel("Title", { exact: true }).fill("Youth care figures");
  await frame.locator(".ld-new-source").getByRole("button", { name: "Add" }).click();
  const box = frame.locator(".ld-source", { has: frame.locator("h3", { hasText: "Youth care figures" }) });
  await box.getByLabel("New card").fill("Normalise: not everything is a problem");
  await box.getByRole("button", { name: "Add card" }).click();
  await box.locator(".ld-card-row", { hasText: "Normalise" }).waitFor();
  await frame.getByRole("navigation").getByRole("button", { name: /Cluster/ }).click();
  await frame.getByLabel("Name for a new cluster").fill("Normal");
  await frame.getByRole("button", { name: "Create cluster" }).click();
  await frame.locator(".ld-column h3", { hasText: "Normal" }).waitFor();
  await frame.getByRole("checkbox", { name: /Normalise/ }).check();
  await frame.getByLabel("Move to").selectOption({ label: "Normal" });
  await frame.getByRole("button", { name: "Move", exact: true }).click();
  await frame.locator(".ld-column", { has: frame.locator("h3", { hasText: "Normal" }) }).locator(".ld-board-card").first().waitFor();
  // The frame's document has no horizontal scrolling at 700 px.
  const f = page.frames().find((x) => x.url().endsWith("/host/framed.html"));
  assert.ok(await f.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "no horizontal scroll in the frame");
  const stored = await saved(f);
  assert.equal(stored.workshop.cards[0].cluster, stored.workshop.clusters[0].id);
  assert.equal(await page.evaluate(() => location.hash), "");
  await shot(page, "embed-iframe");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the README's two snippets, exactly as printed: the step bar reaches the host's own after-the-charter page, and its way back returns to the step", async () => {
  assert.ok(AFTER_SNIPPET, "README's Embedding section has a snippet for the after-the-charter page");
  assert.match(README_PAGES.after ?? "", /^\//, "the workshop snippet sets data-after-href to the host's after-the-charter page");
  assert.match(README_PAGES.workshop ?? "", /^\//, "the after-the-charter snippet sets data-workshop-href back to the workshop page");
  const page = await openPage(env, { path: README_PAGES.workshop.slice(1), storage: seeded() });
  const failed = [];
  page.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await goPhase(page, "Clusteren");
  await page.getByRole("link", { name: /Na het charter/ }).click();
  await page.waitForSelector('.leidraad[data-phase="after"] .ld-header');
  assert.equal(new URL(page.url()).pathname, README_PAGES.after);
  await page.locator(".ld-phase h2").first().waitFor();
  await shot(page, "embed-readme-after");
  await page.getByRole("link", { name: /Terug naar de werksessie/ }).click();
  await page.waitForSelector('.leidraad[data-phase="cluster"] .ld-header');
  assert.equal(new URL(page.url()).pathname, README_PAGES.workshop);
  assert.deepEqual(failed, [], "every file the README's pages load is there");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a reload returns to the step the user was on, without touching the host page's URL", async () => {
  const page = await openPage(env, { path: "host/clean.html#intranet-nieuws", storage: seeded() });
  const before = await page.evaluate(() => ({ href: location.href, length: history.length }));
  await goPhase(page, "Kiezen");
  await page.reload();
  await page.waitForSelector(".leidraad .ld-header");
  assert.equal(await page.locator(".leidraad").getAttribute("data-phase"), "reduce");
  assert.equal(await page.getByRole("navigation").getByRole("button", { name: /Kiezen/ }).getAttribute("aria-current"), "step");
  assert.deepEqual(await page.evaluate(() => ({ href: location.href, length: history.length })), before);
  // In the same tab, a page that does not show that step starts at its first shown step.
  await page.goto(env.url + "host/phases.html");
  await page.waitForSelector(".leidraad .ld-header");
  assert.equal(await page.locator(".leidraad").getAttribute("data-phase"), "collect");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("printing the charter from an intranet page with a header and footer gives only the charter, on one page", async () => {
  const page = await openPage(env, { path: "host/intranet.html", storage: workshopFile(workshops.full(8)) });
  await header(page).step("Charter");
  await charter(page).sheet.waitFor();
  await page.waitForTimeout(300); // the fit check may step down once or twice
  // On screen the host's header and footer are there.
  await page.locator(".site-header").waitFor();
  const file = path.join(OUT, "charter-embedded.pdf");
  await charter(page).pdf(file);
  const info = pdfInfo(file);
  assert.equal(info.pages, 1, `embedded: ${info.pages} pages`);
  assert.match(info.size, /^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
  assert.doesNotMatch(text, /Intranet van de gemeente|servicedesk|Menu van het intranet/, "nothing of the host is printed");
  assert.match(text, /Onze leidende principes/);
  await page.emulateMedia({ media: "print" });
  await shot(page, "charter-embedded-print");
  await page.emulateMedia({ media: null });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("printing the posters from an intranet page with a header and footer: one page per principle on A4 and on A3, each title on its own page, nothing of the host", async () => {
  const w = workshops.full(8);
  w.principles.forEach((p, i) => { p.title = `Principe ${i + 1}: ${p.title}`.slice(0, 60); });
  const page = await openPage(env, { path: "host/intranet-after.html", storage: workshopFile(w) });
  assert.ok(INTRANET_AFTER_PAGE.includes("boot.js?app=after"), "the host page carries the README's after-the-charter snippet");
  await afterCharter(page).tab("Posters");
  await page.locator(".ld-poster").first().waitFor();
  // On screen the host's header, menu and footer are there.
  await page.locator(".site-header").waitFor();
  await page.locator(".site-footer").waitFor();
  for (const [paper, size] of [["A4", /^59[45]\.\d+ x 841\.\d+ pts \(A4\)/], ["A3 (groter, voor aan de muur)", /^841\.\d+ x 119[01]\.\d+ pts \(A3\)/]]) {
    await page.getByRole("radio", { name: paper }).check();
    const name = paper === "A4" ? "a4" : "a3";
    const file = path.join(OUT, `posters-embedded-${name}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    const info = pdfInfo(file);
    console.log(`posters embedded on ${name}: ${info.pages} pages for ${w.principles.length} principles`);
    assert.equal(info.pages, w.principles.length, `${name}: one page per poster`);
    const sizes = execFileSync("pdfinfo", ["-f", "1", "-l", `${info.pages}`, file], { encoding: "utf8" }).match(/Page +\d+ size: +.*/g);
    for (const s of sizes) assert.match(s.replace(/Page +\d+ size: +/, ""), size, s);
    const all = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    assert.doesNotMatch(all, /Intranet van de gemeente|servicedesk|Menu van het intranet|Nieuws/, `${name}: nothing of the host is printed`);
    for (let i = 0; i < w.principles.length; i++) {
      const text = execFileSync("pdftotext", ["-f", `${i + 1}`, "-l", `${i + 1}`, file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      const titles = w.principles.filter((p) => text.includes(p.title.replace(/\s+/g, " ").slice(0, 12)));
      assert.deepEqual(titles.map((p) => p.title), [w.principles[i].title], `${name}: page ${i + 1} has its own title and no other`);
    }
    if (name === "a4") execFileSync("pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "1", file, path.join(OUT, "screenshots", "posters-embedded-a4-page")]);
  }
  // The residents' version prints without the host too.
  await afterCharter(page).tab("Voor inwoners");
  await page.locator(".ld-residents").waitFor();
  const file = path.join(OUT, "residents-embedded.pdf");
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
  assert.doesNotMatch(text, /Intranet van de gemeente|servicedesk|Menu van het intranet/, "residents: nothing of the host is printed");
  assert.match(text, /Wat bedoelen we\?/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
