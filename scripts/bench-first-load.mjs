// The workshop page's first load in headless Chromium, served as the app's servers serve it
// (gzip, scripts/precompress.mjs), on loopback and over a throttled network (Chromium's network
// emulation: 10 Mbit/s down, 40 ms latency, about a busy venue's wifi). Times in ms since the
// navigation started, measured in the page (not through Playwright, whose polling lags behind):
//  - header shown: the app's header in the DOM, when a first visit can start;
//  - title typed and shown: a title typed into Voorbereiden the moment the header appears (an
//    input event from a script in the page), and shown in the header;
//  - later part ready: the second part of the page's wasm instantiated (a build that is not cut
//    in two has no later part: "-");
//  - main thread's longest pause: the longest gap between two timer ticks from the header's
//    appearance until 1.5 s later (is the page busy while the later part arrives?).
// Each run in a fresh browser context (nothing cached). Prints the median of several runs.
// Usage: node scripts/bench-first-load.mjs [runs]   (after scripts/build.sh; DIST_DIR=... another
// build's dist/, to compare two builds on one machine: precompress it first).
import fs from "node:fs";
import path from "node:path";
import { start, DIST } from "../tests/e2e/lib.mjs";
import { summary } from "./bench-stats.mjs";

const RUNS = Number(process.argv[2] || 7);
const NETWORKS = {
  loopback: null,
  "10 Mbit/s, 40 ms": { offline: false, latency: 40, downloadThroughput: (10 * 1e6) / 8, uploadThroughput: (5 * 1e6) / 8 },
};
const TITLE = "Meting";

if (!fs.existsSync(path.join(DIST, "leidraad_bg.wasm.gz"))) {
  console.error(`${DIST} has no gzip copies: run node scripts/precompress.mjs ${DIST} first`);
  process.exit(1);
}
const split = fs.existsSync(path.join(DIST, "leidraad-later_bg.wasm"));
const env = await start();
try {
  for (const [name, conditions] of Object.entries(NETWORKS)) {
    const rows = { header: [], typed: [], later: [], pause: [] };
    for (let i = 0; i < RUNS; i++) {
      const ctx = await env.browser.newContext();
      const page = await ctx.newPage();
      if (conditions) {
        const cdp = await ctx.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", conditions);
      }
      await page.addInitScript((title) => {
        const t = (window.__bench = { pause: 0 });
        new MutationObserver((_, mo) => {
          const head = document.querySelector(".ld-header");
          if (!head) return;
          if (!t.header) {
            t.header = performance.now();
            const field = [...document.querySelectorAll("label")].find((l) => l.textContent.includes("Titel van de werksessie"))?.control;
            field.value = title;
            field.dispatchEvent(new Event("input", { bubbles: true }));
            field.dispatchEvent(new Event("change", { bubbles: true }));
            let last = performance.now();
            const tick = () => {
              const now = performance.now();
              t.pause = Math.max(t.pause, now - last);
              last = now;
              if (now < t.header + 1500) setTimeout(tick, 0);
            };
            setTimeout(tick, 0);
          }
          if (!t.typed && head.textContent.includes(title)) t.typed = performance.now();
          if (!t.later && document.documentElement.dataset.leidraadLater === "ready") t.later = performance.now();
        }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      }, TITLE);
      await page.goto(env.url, { waitUntil: "commit" });
      await page.waitForFunction(() => window.__bench?.typed && performance.now() > window.__bench.header + 1500, null, { timeout: 30000 });
      if (split) await page.waitForFunction(() => window.__bench.later, null, { timeout: 30000 });
      const t = await page.evaluate(() => window.__bench);
      rows.header.push(t.header);
      rows.typed.push(t.typed);
      if (t.later) rows.later.push(t.later);
      rows.pause.push(t.pause);
      await ctx.close();
    }
    console.log(`${name}:`);
    console.log(`  header shown:              ${summary(rows.header)}`);
    console.log(`  title typed and shown:     ${summary(rows.typed)}`);
    console.log(`  later part ready:          ${summary(rows.later)}`);
    console.log(`  main thread's longest pause after the header: ${summary(rows.pause)}`);
  }
} finally {
  await env.stop();
}
