// The board at scale: headless Chromium against the release build in dist/ (run
// scripts/build.sh first). For 300/40, 1,000/100, 3,000/300 and 20,000/200 cards/clusters (a
// tenth of the cards still loose, the rest spread over the clusters) it prints one table:
//  - render: navigation -> the app's header, with the workshop in storage;
//  - open Clusteren: click on the step -> every card in the DOM, every column in the window built
//    (a column out of view may wait with light stand-ins, `data-asleep`) and the next frame drawn;
//  - move p50/p95: one card in view carried by keyboard to the next cluster (Enter -> DOM updated);
//  - tick: a card's tick box in view clicked -> the card marked selected and the next frame drawn;
//  - save: the autosave's timer callback (serialise + write);
//  - suggest: cluster suggestions for the loose cards, in wasm (the app's own figure);
//  - heap: JS heap in use after a garbage collection, Clusteren open (the wasm memory is apart);
// and a second table of the main thread's CPU time (see `cpu`) for opening and for each move's
// drop (Enter up to the next frame drawn), with the move's script, style and layout parts.
// Medians of several runs; at 20,000 cards fewer (at least 3), so the whole table takes minutes,
// not an hour. The machine's load (`uptime`) is printed beside the table: this 2-core machine is
// shared, so compare two builds on the same run (DIST_DIR=... serves another build's dist/).
// Usage: node scripts/bench-scale.mjs [runs]   (bench.mjs calls it too); SIZES=300,3000 for some rows.
import os from "node:os";
import { pathToFileURL } from "node:url";
import { start, STORAGE_KEY, workshops } from "../tests/e2e/lib.mjs";
import { quantile, median } from "./bench-stats.mjs";

export const SIZES = [[300, 40], [1000, 100], [3000, 300], [20000, 200]];


/** The saved text of a board of `nCards` cards in `nClusters` clusters, a tenth still loose.
 *  Compact JSON: 20,000 cards pretty-printed would come near the 5 MiB a file may be. */
export function scaleWorkshop(nCards, nClusters) {
  return JSON.stringify({ format: "leidraad-workshop", version: 1, workshop: workshops.bigBoard(nCards, nClusters) });
}

/** A context whose page times the app's autosave callbacks (300 ms timers) in `__saves`. */
export async function context(env, storage) {
  const ctx = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  ctx.setDefaultTimeout(600000); // a big board on a busy machine can take long: measure, never give up
  await ctx.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem("seeded")) { localStorage.setItem(key, value); sessionStorage.setItem("seeded", "1"); }
    window.__saves = [];
    const set = window.setTimeout.bind(window);
    window.setTimeout = function (fn, delay, ...args) {
      if (typeof fn !== "function" || delay !== 300) return set(fn, delay, ...args);
      return set(() => { const t0 = performance.now(); try { fn(...args); } finally { window.__saves.push(performance.now() - t0); } }, delay);
    };
    // Resolves once `ready()` holds and the next frame has been drawn (no eval: the strict CSP).
    window.__after = (ready) => new Promise((resolve) => {
      const done = () => requestAnimationFrame(() => set(resolve, 0));
      if (ready()) return done();
      new MutationObserver((_, mo) => { if (ready()) { mo.disconnect(); done(); } })
        .observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    // Whether every column in the window has its cards built (none `data-asleep` in view).
    window.__built = () => [...document.querySelectorAll(".ld-board [data-asleep]")].every((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth;
    });
    window.__firstRender = null;
    new MutationObserver((_, mo) => {
      if (document.querySelector(".ld-header")) { window.__firstRender = performance.now(); mo.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  }, [STORAGE_KEY, storage]);
  return ctx;
}

async function step(page, name) {
  await page.getByRole("navigation").getByRole("button", { name }).click();
}

/** Opening Clusteren: from Voorbereiden, click, until the last card is in the DOM; with its CPU
 *  cost (see `cpu`) up to the next frame drawn. */
export async function openBoard(page, cdp, nCards) {
  await step(page, /Voorbereiden/);
  await page.waitForSelector(".ld-board", { state: "detached" });
  const before = await cpu(cdp);
  const ms = await page.evaluate(async (n) => {
    const button = [...document.querySelectorAll("nav button")].find((b) => /Clusteren/.test(b.textContent));
    const t0 = performance.now();
    button.click();
    await window.__after(() => document.querySelector(`[data-card-id="card-${n}"]`) && window.__built());
    return performance.now() - t0;
  }, nCards);
  return { ms, cpu: (await cpu(cdp)).cpu - before.cpu };
}

/** The main thread's CPU time (ms), and its time in script, style and layout, and how many
 *  style recalculations and layouts it did, so far (Chromium's `Performance.getMetrics`): the
 *  difference around a measurement is its cost in CPU, which other work on a busy machine
 *  changes far less than the time on the clock. */
export async function cpu(cdp) {
  const m = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((x) => [x.name, x.value]));
  return { cpu: m.ThreadTime * 1000, script: m.ScriptDuration * 1000, style: m.RecalcStyleDuration * 1000,
    layout: m.LayoutDuration * 1000, styles: m.RecalcStyleCount, layouts: m.LayoutCount };
}
const minus = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] - b[k]]));

/** One keyboard move of the first card of cluster 1 to cluster 2 (or back): the card is picked
 *  up and aimed first, then only the drop (Enter -> DOM updated) is timed, and its CPU cost (up
 *  to the next frame drawn) read around it. */
export async function move(page, cdp, back) {
  await page.evaluate(async (back) => {
    const col = (id) => document.querySelector(`[data-drop="${id}"]`);
    const from = col(back ? "cl-2" : "cl-1");
    // In view, as for someone moving it (a board may skip drawing or building what is out of view).
    from.querySelector(".ld-grip").scrollIntoView({ block: "center" });
    await window.__after(() => !from.hasAttribute("data-asleep"));
    const grip = from.querySelector(".ld-grip");
    const key = (k) => grip.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
    const aimed = () => new Promise((r) => setTimeout(r, 0));
    key("Enter");
    await aimed();
    key(back ? "ArrowLeft" : "ArrowRight");
    await aimed();
    await window.__after(() => true);
    window.__carried = { id: grip.dataset.grip, key };
  }, back);
  const before = await cpu(cdp);
  const ms = await page.evaluate(async (back) => {
    const col = (id) => document.querySelector(`[data-drop="${id}"]`);
    const { id, key } = window.__carried;
    const t0 = performance.now();
    key("Enter");
    await new Promise((resolve) => {
      const moved = () => col(back ? "cl-1" : "cl-2").querySelector(`[data-card-id="${id}"]`);
      if (moved()) return resolve();
      new MutationObserver((_, mo) => { if (moved()) { mo.disconnect(); resolve(); } })
        .observe(document.querySelector(".ld-board"), { childList: true, subtree: true });
    });
    const t1 = performance.now();
    // And until the frame that shows it has been drawn (work after the DOM change counts too).
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return [t1 - t0, performance.now() - t0];
  }, back);
  return { ms: ms[0], drawn: ms[1], cost: minus(await cpu(cdp), before) };
}

/** Ticks (or unticks) the first card of cluster 1 by clicking its tick box. */
function tick(page) {
  return page.evaluate(async () => {
    const column = document.querySelector(`[data-drop="cl-1"]`);
    column.querySelector(".ld-board-card").scrollIntoView({ block: "center" });
    await window.__after(() => !column.hasAttribute("data-asleep"));
    const card = column.querySelector(".ld-board-card");
    const was = card.classList.contains("ld-selected");
    const t0 = performance.now();
    card.querySelector("input[type=checkbox]").click();
    await window.__after(() => document.querySelector(`[data-card-id="${card.dataset.cardId}"]`)?.classList.contains("ld-selected") !== was);
    return performance.now() - t0;
  });
}

/** How many times to repeat a measurement at a board of `nCards`: at 20,000 cards opening the
 *  board alone takes seconds, so the big row repeats less (never fewer than 3 times). */
export function repeats(nCards, runs) {
  return nCards >= 10000 ? Math.max(3, Math.ceil(runs / 2)) : runs;
}

/** Measures one board size; returns the row of the table. */
export async function measure(env, [nCards, nClusters], allRuns) {
  const runs = repeats(nCards, allRuns);
  const storage = scaleWorkshop(nCards, nClusters);
  const row = { size: `${nCards} / ${nClusters}`, render: [], open: [], openCpu: [], move: [], moveDrawn: [], moveCost: [], tick: [], save: [], suggest: [], heap: null };
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
    const ctx = await context(env, storage);
    const page = await ctx.newPage();
    await page.goto(env.url);
    await page.waitForSelector(".ld-header");
    row.render.push(await page.evaluate(() => window.__firstRender));
    await ctx.close();
  }
  const ctx = await context(env, storage);
  const page = await ctx.newPage();
  await page.goto(env.url);
  await page.waitForSelector(".ld-header");
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  for (let i = 0; i < runs; i++) {
    const { ms, cpu } = await openBoard(page, cdp, nCards);
    row.open.push(ms);
    row.openCpu.push(cpu);
  }
  await cdp.send("HeapProfiler.collectGarbage");
  row.heap = (await cdp.send("Runtime.getHeapUsage")).usedSize / 1024 / 1024;
  for (let i = 0; i < runs * 2; i++) {
    const { ms, drawn, cost } = await move(page, cdp, i % 2 === 1);
    row.move.push(ms);
    row.moveDrawn.push(drawn);
    row.moveCost.push(cost);
  }
  for (let i = 0; i < runs * 2; i++) row.tick.push(await tick(page));
  await page.waitForFunction(() => window.__saves.length > 0);
  row.save = await page.evaluate(() => window.__saves);
  await page.getByRole("button", { name: "Stel clusters voor" }).click();
  await page.waitForSelector(`.ld-suggest[data-run="1"]`);
  row.suggest.push(Number(await page.locator(".ld-suggest[data-ms]").getAttribute("data-ms")));
  await ctx.close();
  return row;
}

/** The table, one line per size. */
export function table(rows) {
  const f = (x) => (x == null ? "-" : x < 10 ? x.toFixed(1) : Math.round(x).toString());
  const load = os.loadavg().map((x) => x.toFixed(1)).join(", ");
  const lines = [
    `Load average (1, 5, 15 min) at the end: ${load} on ${os.cpus().length} cores.`,
    "",
    "| cards / clusters | render | open Clusteren | move p50 | move p95 | tick | save | suggest | JS heap |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    lines.push(`| ${r.size} | ${f(median(r.render))} ms | ${f(median(r.open))} ms | ${f(median(r.move))} ms | ${f(quantile(r.move, 0.95))} ms | ${f(median(r.tick))} ms | ${f(median(r.save))} ms | ${f(median(r.suggest))} ms | ${f(r.heap)} MiB |`);
  }
  if (rows.some((r) => r.openCpu.length)) {
    // The same work as CPU time of the page's main thread (see `cpu`): less moved by a busy machine.
    lines.push("", "Main thread CPU time (medians; a move: from its Enter to the next frame drawn), and a move's time on",
      "the clock up to the start of the frame after the one that shows it (its work after the DOM change counts):", "",
      "| cards / clusters | open Clusteren | move | move p95 | move: script / style / layout | move: style recalcs / layouts | move to frame p50 / p95 |",
      "| --- | --- | --- | --- | --- | --- | --- |");
    for (const r of rows) {
      const m = (k) => median(r.moveCost.map((c) => c[k]));
      lines.push(`| ${r.size} | ${f(median(r.openCpu))} ms | ${f(m("cpu"))} ms | ${f(quantile(r.moveCost.map((c) => c.cpu), 0.95))} ms | ${f(m("script"))} / ${f(m("style"))} / ${f(m("layout"))} ms | ${m("styles")} / ${m("layouts")} | ${f(median(r.moveDrawn))} / ${f(quantile(r.moveDrawn, 0.95))} ms |`);
    }
  }
  return lines.join("\n");
}

/** Runs every size in `env` and prints the table. */
export async function scaleBench(env, runs) {
  const rows = [];
  for (const size of SIZES) {
    if (process.env.SIZES && !process.env.SIZES.split(",").includes(String(size[0]))) continue;
    const t0 = Date.now();
    rows.push(await measure(env, size, runs));
    console.error(`${size[0]} / ${size[1]}: measured in ${Math.round((Date.now() - t0) / 1000)} s`);
    console.error(table(rows.slice(-1)).split("\n").pop());
  }
  console.log(table(rows));
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = await start();
  try {
    await scaleBench(env, Number(process.argv[2] || 5));
  } finally {
    await env.stop();
  }
}
