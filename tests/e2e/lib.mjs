// Shared harness for the browser tests: a static server on dist/ with the strict CSP, headless
// Debian Chromium through playwright-core, screenshots, axe-core, downloads, and waiting for
// the autosave. The tests are grouped by workshop step (setup, collect, board, choose,
// concretise, charter, after) plus cross-cutting files (embedding, trust, accessibility,
// facilitation, files); each step has a small page object in pages/, and the workshops tests
// start from are in fixtures/.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { before, after } from "node:test";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { header } from "./pages/header.mjs";
import { collect } from "./pages/collect.mjs";
import { board } from "./pages/board.mjs";

// One import for a test file: the harness below, a page object per step, the workshops to
// start from.
export { header, collect, board };
export { setup } from "./pages/setup.mjs";
export { choose } from "./pages/choose.mjs";
export { concretise } from "./pages/concretise.mjs";
export { charter, pdfInfo } from "./pages/charter.mjs";
export { afterCharter } from "./pages/after.mjs";
export { facilitation } from "./pages/facilitation.mjs";
export * as workshops from "./fixtures/workshops.mjs";

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// DIST_DIR serves another build (the scale benchmark compares two builds on one busy machine).
export const DIST = process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(ROOT, "dist");
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

/** The shared fixture of a test file: starts server and browser before the file's tests and
 *  stops them after. Returns the environment (url, browser, server), filled in once started. */
export function appServer(extra = {}) {
  const env = {};
  before(async () => { Object.assign(env, await start(extra)); });
  after(async () => { await env.stop?.(); });
  return env;
}

/** A fresh browser context (its own storage) and page. Records console errors, page errors,
 *  CSP violations and every request, for the tests to assert on; watches the autosave so
 *  `saved()` can wait for it. */
export async function openPage(env, { path: p = "", viewport = { width: 1280, height: 900 }, hasTouch = false, storage, prepare } = {}) {
  const context = await env.browser.newContext({ viewport, hasTouch, acceptDownloads: true });
  await watchSaves(context);
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
  if (storage !== undefined) await seedStorage(page, storage);
  // `prepare(page)`: anything else before the page loads (routes, init scripts).
  if (prepare) await prepare(page);
  await page.goto(env.url + p);
  await page.waitForSelector(".leidraad .ld-header");
  return page;
}

/** Puts `text` in the workshop's storage before the app loads, once per tab: a reload then
 *  shows what the app saved, not the seed again. Takes a page or a context. The seed goes to
 *  local storage, where an older build saved: the app reads it from there when IndexedDB holds
 *  no workshop, as it does for a user coming from that build. */
export async function seedStorage(pageOrContext, text) {
  await pageOrContext.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem("seeded")) { localStorage.setItem(key, value); sessionStorage.setItem("seeded", "1"); }
  }, [STORAGE_KEY, text]);
}

/** The wasm files this page's document loaded (their names), to tell which build boot.js started.
 *  The workshop build's later part (leidraad-later_bg.wasm, scripts/split-wasm.mjs) is left out:
 *  it belongs to that build, and whether it has arrived yet depends on timing
 *  (first-load.test.mjs tests it). */
export function wasmLoaded(page) {
  return page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => e.name.split("/").pop())
      .filter((n) => n.endsWith(".wasm") && !n.endsWith("-later_bg.wasm")));
}

/** How a file of dist/ came over the network: the bytes on the wire (`encoded`) and after
 *  decoding (`decoded`), from the browser's resource timing; with the sizes of the file and of
 *  its gzip copy (scripts/precompress.mjs) in dist/, to compare. */
export async function transferred(page, name) {
  const [encoded, decoded] = await page.evaluate((n) => {
    const e = performance.getEntriesByType("resource").find((r) => r.name.split("/").pop() === n);
    return e ? [e.encodedBodySize, e.decodedBodySize] : [undefined, undefined];
  }, name);
  const size = (f) => (fs.existsSync(f) ? fs.statSync(f).size : undefined);
  return { encoded, decoded, file: size(path.join(DIST, name)), gzip: size(path.join(DIST, `${name}.gz`)) };
}

/** Saves a full-page screenshot under test-output/screenshots/. */
export async function shot(page, name) {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Runs axe-core (WCAG 2.x A/AA rules) on the page; returns the violations. */
export async function axe(page, scope = null) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ url: "/__test/axe.js" });
  }
  // `scope`: a CSS selector to check only that part (e.g. an open menu), else the whole page.
  const result = await page.evaluate(async (scope) =>
    // eslint-disable-next-line no-undef
    await axe.run(scope ? { include: [scope] } : document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }),
  scope);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

/** Fails with the list of axe-core violations on the page, if there are any. */
export async function noViolations(page, where) {
  const v = await axe(page);
  assert.deepEqual(v, [], `axe violations on ${where}:\n${v.join("\n")}`);
}

/** Clicks (through `click`) something that downloads, keeps the file under test-output/ as
 *  `prefix` + its suggested name, and returns its name, path, text and size. */
export async function download(page, click, { prefix = "" } = {}) {
  const [dl] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = path.join(OUT, `${prefix}${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file, text: fs.readFileSync(file, "utf8"), bytes: fs.statSync(file).size };
}

/** Waits (up to 5 s) for an element of `locator` whose text matches `re`, then asserts that the
 *  texts match, so a failure shows what was there instead. */
export async function assertText(locator, re) {
  await locator.filter({ hasText: re }).first().waitFor({ timeout: 5000 }).catch(() => {});
  const text = (await locator.allTextContents()).join(" | ");
  assert.match(text, re);
}

/** `s` with the characters that mean something in a regular expression escaped. */
export function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// The helpers below predate the page objects in pages/ and are kept for the test files that
// use them; they do the same as the page objects' methods.

/** Goes to a phase by its step button (Dutch or English name). */
export const goPhase = (page, name) => header(page).step(name);

/** Adds a source of a kind ("Situatie" | "Gegevens" | "Goed voorbeeld") in the collect phase. */
export const addSource = (page, kind, title, notes = "") => collect(page).addSource(kind, title, notes);

/** Adds a card under the source with this title, optionally as a group. */
export const addCard = (page, sourceTitle, text, group) => collect(page).addCard(sourceTitle, text, group);

/** The cards (texts) in a board column, by the column's heading. */
export const columnCards = (page, heading) => board(page).cards(heading);

// ---------------------------------------------------------------------------------------------
// Waiting for the autosave. The app writes the workshop to IndexedDB (local storage where that is
// missing) from a short debounce timer (300 ms after the last change, see the autosave in
// src/ui). A fixed sleep is either too short on a loaded machine or wastes time; instead every
// page opened here counts the app's pending short one-shot timers and writing transactions, and
// `saved()` waits until none is left, then reads what was written.

/** The key the app saves the workshop under. */
export const STORAGE_KEY = "leidraad.workshop";
/** One-shot timers up to this delay count as "a save may be pending" (the debounce is 300 ms;
 *  the margin keeps this right if the debounce is tuned). */
const SHORT_TIMER_MS = 1000;
/** How long `saved()` and `settled()` wait before they fail. */
export const SAVE_TIMEOUT_MS = 5000;

/** Installs the autosave watcher in every page and frame of a browser context: it wraps
 *  `setTimeout`/`clearTimeout` and keeps the ids of short one-shot timers not yet run. */
export async function watchSaves(context) {
  await context.addInitScript((short) => {
    if (window.__leidraadTimers) return;
    const pending = new Set();
    window.__leidraadTimers = pending;
    const set = window.setTimeout.bind(window);
    const clear = window.clearTimeout.bind(window);
    window.setTimeout = function (fn, delay, ...args) {
      if (typeof fn !== "function" || !(delay > 0 && delay <= short)) return set(fn, delay, ...args);
      const id = set(() => { try { fn(...args); } finally { pending.delete(id); } }, delay);
      pending.add(id);
      return id;
    };
    window.clearTimeout = function (id) { pending.delete(id); return clear(id); };
    // The write itself goes to IndexedDB after the timer: a writing transaction counts as
    // pending until it is committed or has failed.
    if (window.IDBDatabase) {
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (...args) {
        const tx = transaction.apply(this, args);
        if (args[1] === "readwrite") {
          const token = {};
          pending.add(token);
          for (const end of ["complete", "error", "abort"]) tx.addEventListener(end, () => pending.delete(token));
        }
        return tx;
      };
    }
  }, SHORT_TIMER_MS);
}

/** Reads, inside the page, what the app stores under `key`, as the app reads it: local storage
 *  first (where the app saves without IndexedDB, an older build saved, or leaving a page wrote
 *  at once), then IndexedDB. */
export function storedText(page, key = STORAGE_KEY) {
  return page.evaluate(readStored, key);
}

/** The same read, as a function that runs in the page. */
async function readStored(key) {
  try {
    const local = localStorage.getItem(key);
    if (local !== null) return local;
  } catch { /* no local storage: IndexedDB only */ }
  let text;
  try {
    text = await new Promise((resolve) => {
      const open = indexedDB.open("leidraad");
      open.onupgradeneeded = () => open.result.createObjectStore("leidraad");
      open.onerror = () => resolve(undefined);
      open.onsuccess = () => {
        const db = open.result;
        try {
          const get = db.transaction("leidraad").objectStore("leidraad").get(key);
          get.onsuccess = () => { db.close(); resolve(get.result); };
          get.onerror = () => { db.close(); resolve(undefined); };
        } catch { db.close(); resolve(undefined); }
      };
    });
  } catch { text = undefined; }
  return typeof text === "string" ? text : null;
}

/** Every key the app keeps in this browser: local storage's `leidraad.` keys and IndexedDB's. */
export function storedKeys(page) {
  return page.evaluate(async () => {
    const local = Object.keys(localStorage).filter((k) => k.startsWith("leidraad."));
    const idb = await new Promise((resolve) => {
      const open = indexedDB.open("leidraad");
      open.onupgradeneeded = () => open.result.createObjectStore("leidraad");
      open.onerror = () => resolve([]);
      open.onsuccess = () => {
        const db = open.result;
        const keys = db.transaction("leidraad").objectStore("leidraad").getAllKeys();
        keys.onsuccess = () => { db.close(); resolve(keys.result.map((k) => `indexedDB ${k}`)); };
        keys.onerror = () => { db.close(); resolve([]); };
      };
    });
    return [...local, ...idb];
  });
}

/** What the page has stored and whether a save is still pending (one look). */
async function look(page) {
  const now = await page.evaluate(async () => {
    // One macrotask first, so a change just dispatched has rendered and scheduled its save.
    await new Promise((r) => setTimeout(r, 0));
    const timers = window.__leidraadTimers;
    return { watched: !!timers, pending: timers ? timers.size : 0 };
  });
  return { ...now, text: await storedText(page) };
}

let warnedUnwatched = false;

/** Waits until no autosave is pending in `page` (a page or a frame opened through `openPage`
 *  or a context with `watchSaves`). Use before asserting that something was NOT written: any
 *  save the app scheduled has happened by then. Fails with a clear message after `timeout`. */
export async function settled(page, { timeout = SAVE_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await look(page);
    if (!now.watched) {
      // A page made without openPage()/watchSaves(): keep working as before (a fixed wait past
      // the debounce), and say once how to make it exact.
      if (!warnedUnwatched) {
        warnedUnwatched = true;
        console.warn("settled()/saved(): a page without the autosave watcher; waiting a fixed 450 ms (open it with openPage() or call watchSaves(context) first)");
      }
      await page.waitForTimeout(450);
      return (await look(page)).text;
    }
    if (now.pending === 0) return now.text;
    if (Date.now() > deadline) throw new Error(`settled()/saved(): an autosave was still pending after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The workshop as saved (IndexedDB, else localStorage), parsed, once the autosave has written it. With
 *  `until` (a test on the parsed file), also waits until the stored workshop passes it: for a
 *  change that is saved without a render to wait for. Fails with what is stored after `timeout`. */
export async function saved(page, until, { timeout = SAVE_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = await settled(page, { timeout: Math.max(0, deadline - Date.now()) });
    const file = text ? JSON.parse(text) : null;
    if (!until || until(file)) return file;
    if (Date.now() > deadline) {
      const stored = file ? JSON.stringify(file.workshop) : String(text);
      throw new Error(`saved(): storage did not hold the expected workshop within ${timeout} ms (expected ${until}); stored workshop: ${stored.slice(0, 600)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A workshop file (the autosave format) built from a plain object. */
export function workshopFile(workshop) {
  return JSON.stringify({ format: "leidraad-workshop", version: 1, workshop }, null, 2);
}
