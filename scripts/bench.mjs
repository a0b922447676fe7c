// Benchmarks in headless Chromium against the release build in dist/ (run scripts/build.sh first):
//  - time to first render (navigation start -> the app's header in the DOM),
//  - time to move one card by keyboard on a board of 300 cards in 40 clusters (key press -> DOM updated),
//  - time to compute cluster suggestions in wasm for 100, 300 and 1000 loose cards,
//  - the board at scale, one table for 300 to 20,000 cards (scripts/bench-scale.mjs).
// Prints the median of several runs. Usage: node scripts/bench.mjs [runs] [--only=suggest]
// (--only=suggest times the suggestions alone). DIST_DIR=... benchmarks another build's dist/.
import fs from "node:fs";
import { start, openPage, workshopFile } from "../tests/e2e/lib.mjs";
import { scaleBench } from "./bench-scale.mjs";
import { summary } from "./bench-stats.mjs";

const RUNS = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) || 9);
const ONLY = process.argv.slice(2).find((a) => a.startsWith("--only="))?.slice("--only=".length);

function statements() {
  const file = new URL("../data/principles-dev.json", import.meta.url);
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  const base = data.sets.flatMap((s) => s.principles.map((p) => p.title));
  const extra = ["in de praktijk", "voor iedereen", "samen met partners", "vanaf het begin", "zonder drempels", "in gewone taal"];
  return (n) => Array.from({ length: n }, (_, i) => `${base[i % base.length]}${i >= base.length ? " " + extra[Math.floor(i / base.length) % extra.length] : ""}`);
}

function board(nCards, nClusters) {
  const texts = statements()(nCards);
  const clusters = Array.from({ length: nClusters }, (_, i) => ({ id: `cl-${i + 1}`, name: `Cluster ${i + 1}` }));
  return workshopFile({
    setup: { title: "Benchmark", organisation: "", date: "", facilitator: "", outcomes: [], groups: [{ id: "grp-1", name: "Inwoners" }] },
    sources: [{ id: "src-1", kind: "case", title: "Casus", notes: "" }],
    cards: texts.map((text, i) => ({
      id: `card-${i + 1}`, text: text.slice(0, 200), source: "src-1", group: "grp-1",
      cluster: nClusters ? `cl-${(i % nClusters) + 1}` : null,
    })),
    clusters,
  });
}

const env = await start();
try {
  if (!ONLY) {
  // 1. First render.
  const firsts = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await env.browser.newContext();
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, mo) => {
        if (document.querySelector(".ld-header")) { window.__firstRender = performance.now(); mo.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(env.url);
    await page.waitForSelector(".ld-header");
    firsts.push(await page.evaluate(() => window.__firstRender));
    await ctx.close();
  }
  console.log(`first render (navigation start -> app header): ${summary(firsts, 2)}`);

  // 2. Move one card by keyboard on 300 cards / 40 clusters.
  const page = await openPage(env, { storage: board(300, 40) });
  await page.getByRole("navigation").getByRole("button", { name: /Clusteren/ }).click();
  await page.waitForSelector(".ld-board-card");
  const moves = [];
  for (let i = 0; i < RUNS * 2; i++) {
    // Moves the first card of cluster 1 to cluster 2, then back, and so on.
    const ms = await page.evaluate(async ([from, to, arrow]) => {
      const grip = document.querySelector(`.ld-column:nth-child(${from}) .ld-grip`);
      const id = grip.dataset.grip;
      const key = (k) => grip.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
      key("Enter");
      await new Promise((r) => setTimeout(r, 0));
      key(arrow);
      await new Promise((r) => setTimeout(r, 0));
      const t0 = performance.now();
      key("Enter");
      await new Promise((resolve) => {
        const moved = () => document.querySelector(`.ld-column:nth-child(${to}) [data-card-id="${id}"]`);
        if (moved()) return resolve();
        new MutationObserver((_, mo) => { if (moved()) { mo.disconnect(); resolve(); } })
          .observe(document.querySelector(".ld-board"), { childList: true, subtree: true });
      });
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => r()));
      return t1 - t0;
    }, i % 2 === 0 ? [2, 3, "ArrowRight"] : [3, 2, "ArrowLeft"]);
    moves.push(ms);
  }
  const cards = await page.locator(".ld-board-card").count();
  console.log(`move one card by keyboard, ${cards} cards in 40 clusters (key -> DOM updated): ${summary(moves, 2)}`);
  await page.context().close();

  }
  // 3. Suggestions in wasm.
  for (const n of [100, 300, 1000]) {
    const p = await openPage(env, { storage: board(n, 0) });
    await p.getByRole("navigation").getByRole("button", { name: /Clusteren/ }).click();
    const times = [];
    await p.getByRole("button", { name: "Stel clusters voor" }).click();
    let load = null;
    for (let i = 1; i <= RUNS; i++) {
      await p.waitForSelector(`.ld-suggest[data-run="${i}"]`);
      times.push(Number(await p.locator(".ld-suggest[data-ms]").getAttribute("data-ms")));
      // The first fetch of the suggestion module (builds that have one), apart from the runs.
      load ??= await p.locator(".ld-suggest").getAttribute("data-load-ms");
      await p.getByRole("button", { name: "Opnieuw voorstellen" }).click();
    }
    // data-ms is the whole call as the board makes it (with a module: writing the texts, the
    // call across the two modules, reading the answer).
    console.log(`suggest clusters in the browser (wasm), ${n} cards: ${summary(times, 2)}${load ? `; first fetch of the module ${load} ms` : ""}`);
    await p.context().close();
  }

  // 4. The board at scale (fewer runs: a 20,000-card board takes a while to open).
  if (!ONLY) await scaleBench(env, Math.min(RUNS, 5));
} finally {
  await env.stop();
}
