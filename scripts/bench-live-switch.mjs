// What going live costs the facilitator now that the room's code is in the workshop page's
// live build (src/bin/room.rs), against the real room server (target/server/leidraad-server,
// `cargo build --profile server -p leidraad-server`) and the release build in dist/
// (scripts/build.sh), in headless Chromium on loopback. Per run, in a fresh browser context:
//  - switch: press "Live zetten" on the page everyone loads until the join screen shows the code
//    (the workshop written to storage, the reload, the live build fetched and started, the room
//    made): the first time on this device, nothing of the live build in the cache;
//  - again: stop the room, reload into the page everyone loads, and go live once more (the live
//    build from the browser's cache);
//  - in room build: stop, and go live a third time in the live build itself (no reload: what
//    going live cost before the split).
// Prints the median of several runs. Usage: node scripts/bench-live-switch.mjs [runs]
import { chromium } from "playwright-core";
import { CHROMIUM, seedStorage, workshopFile, workshops } from "../tests/e2e/lib.mjs";
import { roomServer } from "../tests/e2e/pages/live.mjs";
import { summary } from "./bench-stats.mjs";

const RUNS = Number(process.argv[2] || 7);

async function goLive(page) {
  const menu = page.locator(".ld-live-menu");
  if (!(await menu.evaluate((d) => d.open))) await menu.locator(":scope > summary").click();
  const t0 = Date.now();
  await menu.getByRole("button", { name: "Live zetten" }).click();
  await page.locator(".ld-live-screen .ld-live-bigcode").waitFor();
  const ms = Date.now() - t0;
  await page.getByRole("button", { name: "Terug naar de werksessie" }).click();
  return ms;
}

async function stop(page) {
  const menu = page.locator(".ld-live-menu");
  if (!(await menu.evaluate((d) => d.open))) await menu.locator(":scope > summary").click();
  await menu.getByRole("button", { name: "Live stoppen" }).click();
  await page.getByRole("button", { name: "Stoppen en van de server halen" }).click();
  await page.getByText("De werksessie is niet meer live.").waitFor();
}

const server = await roomServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
const switching = [], again = [], inRoomBuild = [];
try {
  const file = workshopFile(workshops.clustered(3));
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await seedStorage(page, file);
    await page.goto(server.url);
    await page.waitForSelector(".leidraad .ld-header");
    switching.push(await goLive(page));
    await stop(page);
    await page.reload();
    await page.waitForSelector(".leidraad .ld-header");
    again.push(await goLive(page));
    await stop(page);
    inRoomBuild.push(await goLive(page));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`go live, first time on the device (reload, live build fetched):  ${summary(switching)}`);
console.log(`go live again (reload, live build from the cache):               ${summary(again)}`);
console.log(`go live inside the live build (no reload: the cost before):      ${summary(inRoomBuild)}`);
