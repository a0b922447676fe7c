// Shared harness for the browser tests: a static server on dist/ with the strict CSP, headless
// Debian Chromium through playwright-core, screenshots, axe-core, and page helpers.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist");
export const OUT = path.join(ROOT, "test-output");
export const SHOTS = path.join(OUT, "screenshots");
fs.mkdirSync(SHOTS, { recursive: true });

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Starts server + browser. `extra` adds test pages to the server (see serve.mjs). */
export async function start(extra = {}) {
  if (!fs.existsSync(path.join(DIST, "leidraad_bg.wasm"))) {
    throw new Error("dist/ is not built: run scripts/build.sh first (scripts/test.sh does)");
  }
  // axe-core is served like the app's own files, so injecting it obeys the strict CSP.
  const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const server = await serve(DIST, 0, { "/__test/axe.js": { body: axeSource, type: "text/javascript" }, ...extra });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    url, server, browser,
    async stop() { await browser.close(); await new Promise((r) => server.close(r)); },
  };
}

/** A fresh browser context (its own storage) and page. Records console errors, page errors,
 *  CSP violations and every request, for the tests to assert on. */
export async function openPage(env, { path: p = "", viewport = { width: 1280, height: 900 }, hasTouch = false, storage } = {}) {
  const context = await env.browser.newContext({ viewport, hasTouch, acceptDownloads: true });
  const page = await context.newPage();
  page.problems = [];
  page.requests = [];
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error" && !/favicon/.test(m.text())) page.problems.push(`console: ${m.text()}`); });
  page.on("request", (r) => page.requests.push(r.url()));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (storage !== undefined) {
    await page.addInitScript(([key, value]) => {
      if (!sessionStorage.getItem("seeded")) { localStorage.setItem(key, value); sessionStorage.setItem("seeded", "1"); }
    }, ["leidraad.workshop", storage]);
  }
  await page.goto(env.url + p);
  await page.waitForSelector(".leidraad .ld-header");
  return page;
}

/** Saves a full-page screenshot under test-output/screenshots/. */
export async function shot(page, name) {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Runs axe-core (WCAG 2.x A/AA rules) on the page; returns the violations. */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ url: "/__test/axe.js" });
  }
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

/** Fails with the list of axe-core violations on the page, if there are any. */
export async function noViolations(page, where) {
  const v = await axe(page);
  assert.deepEqual(v, [], `axe violations on ${where}:\n${v.join("\n")}`);
}

/** Goes to a phase by its step button (Dutch or English name). */
export async function goPhase(page, name) {
  await page.getByRole("navigation").getByRole("button", { name: new RegExp(name) }).click();
  await page.waitForSelector(".leidraad .ld-phase");
}

/** Adds a source of a kind ("Casus" | "Bron" | "Waarderend voorbeeld") in the collect phase. */
export async function addSource(page, kind, title, notes = "") {
  await page.getByRole("radio", { name: new RegExp(`^${kind}`) }).check();
  await page.getByLabel("Titel", { exact: true }).fill(title);
  if (notes) await page.getByLabel(/^Aantekeningen/).fill(notes);
  await page.locator(".ld-new-source").getByRole("button", { name: "Toevoegen" }).click();
  await page.locator(".ld-source h3", { hasText: title }).first().waitFor();
}

/** Adds a card under the source with this title, optionally as a group. */
export async function addCard(page, sourceTitle, text, group) {
  const box = page.locator(".ld-source", { has: page.locator("h3", { hasText: sourceTitle }) });
  await box.getByLabel("Nieuw principe op een kaart").fill(text);
  if (group) await box.getByLabel("Geschreven door").selectOption({ label: group });
  await box.getByRole("button", { name: "Kaart toevoegen" }).click();
  await box.locator(".ld-card-row", { hasText: text }).first().waitFor();
}

/** The cards (texts) in a board column, by the column's heading. */
export async function columnCards(page, heading) {
  const col = page.locator(".ld-column", { has: page.locator("h3", { hasText: heading }) });
  return col.locator(".ld-board-card .ld-card-text").allTextContents();
}

/** The workshop as saved in localStorage (after autosave), parsed. */
export async function saved(page) {
  await page.waitForTimeout(450); // autosave is debounced by 300 ms
  const text = await page.evaluate(() => localStorage.getItem("leidraad.workshop"));
  return text ? JSON.parse(text) : null;
}

/** A workshop file (the autosave format) built from a plain object. */
export function workshopFile(workshop) {
  return JSON.stringify({ format: "leidraad-workshop", version: 1, workshop }, null, 2);
}
