// The facilitator's Live switch on the workshop page, against the real room server: the page
// goes live and shows the join screen (address, code, the server's QR image), two participants
// (one a 390×844 touch phone) write cards that appear on the facilitator's board and in the
// projector window, a locked Verzamelen is told plainly on the phone, a reload rejoins the
// room, the facilitator downloads the room's file and stops, and the workshop stays on the
// page. axe-core on the join screen in Dutch and English. The same page from a static host
// (as every other browser test serves it) has no Live control at all.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import {
  CHROMIUM, shot, workshopFile, workshops, seedStorage, facilitation, download,
  appServer, openPage, header, collect, wasmLoaded, storedText, transferred,
} from "./lib.mjs";
import { roomServer, roomAxe } from "./pages/live.mjs";

const noViolations = roomAxe;

let server, browser;
before(async () => {
  server = await roomServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});


/** The facilitator's workshop page from the room server, with a clustered workshop. */
async function facilitatorPage(lang) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") page.problems.push(`console: ${m.text()}`); });
  if (lang) await context.addInitScript((l) => localStorage.setItem("leidraad.lang", l), lang);
  await seedStorage(page, workshopFile(workshops.clustered(3)));
  await page.goto(server.url);
  await page.waitForSelector(".leidraad .ld-header");
  return page;
}

/** The Live menu, opened. */
async function liveMenu(page) {
  const menu = page.locator(".ld-live-menu");
  if (!(await menu.evaluate((d) => d.open))) await menu.locator(":scope > summary").click();
  return menu;
}

/** Presses the Live switch; resolves to the room's code, read from the join screen. */
async function goLive(page, button = "Live zetten") {
  const menu = await liveMenu(page);
  await menu.getByRole("button", { name: button }).click();
  const code = page.locator(".ld-live-screen .ld-live-bigcode");
  await code.waitFor();
  return code.getAttribute("data-code");
}

/** A participant at `join.html#code`: a phone (touch, 390×844) or a laptop. */
async function participant(code, name, { phone = false } = {}) {
  const context = await browser.newContext(phone
    ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
    : { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(e.message));
  await page.goto(`${server.url}join.html#${code}`);
  await page.fill("#ld-live-name", name);
  await page.getByRole("button", { name: "Meedoen" }).click();
  await page.getByText("Verbonden").waitFor();
  return page;
}

async function writeCard(page, text) {
  await page.fill("#ld-live-card", text);
  await page.getByRole("button", { name: "Kaart toevoegen" }).click();
}

test("the facilitator goes live; participants' cards reach the board and the projector; lock, reload, download, stop", async () => {
  const page = await facilitatorPage();
  await header(page).step("Clusteren");
  // Until it goes live the page is the one everyone loads; going live reloads it into the
  // build with the room in it (boot.js), on the same step, with the same workshop.
  assert.deepEqual(await wasmLoaded(page), ["leidraad_bg.wasm"]);
  // The room server sends the gzip copy of the page's wasm (scripts/precompress.mjs).
  let t = await transferred(page, "leidraad_bg.wasm");
  assert.ok(t.gzip < t.file / 2 && t.encoded === t.gzip && t.decoded === t.file, JSON.stringify(t));
  const code = await goLive(page);
  assert.deepEqual(await wasmLoaded(page), ["leidraad-room_bg.wasm"]);
  t = await transferred(page, "leidraad-room_bg.wasm");
  assert.ok(t.encoded === t.gzip && t.decoded === t.file, JSON.stringify(t));
  assert.equal(await page.locator(".ld-steps [aria-current=step] .ld-step-label").textContent(), "Clusteren");
  assert.match(code, /^[ACDEFHJKMNPRTUVWXY3479]{6}$/);
  const screen = page.locator(".ld-live-screen");
  // Grouped for reading aloud, the address to type, and the server's own QR image.
  assert.equal(await screen.locator(".ld-live-bigcode").textContent(), `${code.slice(0, 3)} ${code.slice(3)}`);
  assert.equal(await screen.locator(".ld-live-address").textContent(), `${server.url}join.html`);
  const qr = screen.getByRole("img", { name: "QR-code met het adres om mee te doen" });
  assert.equal(await qr.getAttribute("src"), `/live/rooms/${code}/qr.svg`);
  await page.waitForFunction(() => document.querySelector(".ld-live-qr img").naturalWidth > 0);
  assert.equal(await screen.locator("svg").count(), 0, "no SVG markup put into the page");
  // The keyboard is in the join screen, and Escape or the button closes it.
  await page.waitForFunction(() => document.activeElement?.textContent.trim() === "Terug naar de werksessie");
  await shot(page, "live-join-screen-nl");
  await noViolations(page, "the join screen (Dutch)");
  await page.keyboard.press("Escape");
  await screen.waitFor({ state: "detached" });
  assert.ok(JSON.parse(await page.evaluate(() => localStorage.getItem("leidraad.live.host"))).key.length >= 32, "the key stays on this device");

  const proj = await facilitation(page).openProjector();
  await proj.locator(".ld-projector").waitFor();

  // Writing opens for the one source; two participants write.
  const menu = await liveMenu(page);
  await menu.locator("#ld-live-input").selectOption({ label: "Gezin met schulden" });
  const phone = await participant(code, "Fatima", { phone: true });
  const laptop = await participant(code, "Sam");
  await phone.getByText("Gezin met schulden").waitFor();
  await writeCard(phone, "Hulp zonder wachtlijst");
  await writeCard(laptop, "Eén plan per gezin");
  const loose = page.locator(".ld-board");
  await loose.getByText("Hulp zonder wachtlijst").first().waitFor();
  await loose.getByText("Eén plan per gezin").first().waitFor();
  await proj.getByText("Hulp zonder wachtlijst").first().waitFor();
  await proj.getByText("Eén plan per gezin").first().waitFor();
  await shot(page, "live-room-board-nl");

  // Verzamelen locked on the facilitator's page: the phone is told plainly, nothing is added.
  await header(page).step("Verzamelen");
  await facilitation(page).press("Vergrendel deze stap");
  await writeCard(phone, "Te laat");
  await phone.getByRole("alert").getByText(/op slot/).waitFor();
  await facilitation(page).lockbar.waitFor();

  // A reload of the facilitator's page rejoins the room with the kept key.
  await page.reload();
  await page.locator(".ld-live-menu .ld-live-on").waitFor();
  assert.match(await page.locator(".ld-live-on").textContent(), new RegExp(`${code.slice(0, 3)} ${code.slice(3)}`));
  await (await liveMenu(page)).getByText("Verbonden").waitFor();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Ontgrendel deze stap" }).click();
  await writeCard(phone, "Na het slot");
  await header(page).step("Verzamelen");
  await page.getByText("Na het slot").first().waitFor();

  // Download: the room's own file, with everyone's cards.
  const file = await download(page, async () => (await liveMenu(page)).getByRole("button", { name: "Werksessie downloaden" }).click(), { prefix: "live-room-" });
  const texts = JSON.parse(file.text).workshop.cards.map((c) => c.text);
  for (const t of ["Hulp zonder wachtlijst", "Eén plan per gezin", "Na het slot"]) assert.ok(texts.includes(t), `${t} in ${texts}`);
  assert.ok(!texts.includes("Te laat"));

  // Stop: the download is offered first, then the room is deleted; the workshop stays here.
  await (await liveMenu(page)).getByRole("button", { name: "Live stoppen" }).click();
  await page.getByText("Download eerst de werksessie.").waitFor();
  await page.getByRole("button", { name: "Stoppen en van de server halen" }).click();
  await page.getByText("De werksessie is niet meer live.").waitFor();
  await phone.getByText(/De begeleider heeft de werksessie gesloten/).waitFor();
  await (await liveMenu(page)).getByRole("button", { name: "Live zetten" }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("leidraad.live.host")), null, "the key is gone");
  await page.getByText("Na het slot").first().waitFor();
  const gone = await fetch(`${server.url}live/rooms/${code}/file`, { headers: { "x-room-key": "x" } });
  assert.equal(gone.status, 404, "the room is deleted from the server");

  assert.deepEqual([...page.problems, ...phone.problems, ...laptop.problems, ...proj.problems], []);
  await page.context().close();
  await phone.context().close();
  await laptop.context().close();
});

test("undo in a live workshop takes back only one's own step, and says when it cannot", async () => {
  const page = await facilitatorPage();
  const code = await goLive(page);
  await page.keyboard.press("Escape");
  await (await liveMenu(page)).locator("#ld-live-input").selectOption({ label: "Gezin met schulden" });
  await header(page).step("Verzamelen");
  page.on("dialog", (d) => d.accept());
  const phone = await participant(code, "Fatima", { phone: true });
  // The facilitator removes a card; a participant writes one; undo brings back only the card.
  await page.getByRole("button", { name: /Weghalen: Normaliseren \(kaart 1\)/ }).first().click();
  await writeCard(phone, "Van de telefoon");
  await page.getByText("Van de telefoon").first().waitFor();
  assert.equal(await page.getByText("Normaliseren (kaart 1)").count(), 0);
  await page.locator(".ld-header").getByRole("button", { name: "Ongedaan maken" }).click();
  await page.getByText("Normaliseren (kaart 1)").first().waitFor();
  await page.getByText("Van de telefoon").first().waitFor();
  // Nothing of one's own is left: said plainly.
  await page.keyboard.press("Control+z");
  await page.getByText("U heeft hier niets meer om ongedaan te maken.").waitFor();
  await (await liveMenu(page)).getByRole("button", { name: "Live stoppen" }).click();
  await page.getByRole("button", { name: "Stoppen en van de server halen" }).click();
  await page.getByText("De werksessie is niet meer live.").waitFor();
  assert.deepEqual([...page.problems, ...phone.problems], []);
  await page.context().close();
  await phone.context().close();
});

test("English: the join screen, and axe-core on it", async () => {
  const page = await facilitatorPage("en");
  await goLive(page, "Go live");
  await page.getByRole("heading", { name: "Take part on your own phone or laptop" }).waitFor();
  await shot(page, "live-join-screen-en");
  await noViolations(page, "the join screen (English)");
  await page.getByRole("button", { name: "Back to the workshop" }).click();
  await (await liveMenu(page)).getByRole("button", { name: "Stop live" }).click();
  await page.getByRole("button", { name: "Stop and remove from the server" }).click();
  await page.getByText("The workshop is no longer live.").waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** The table link, from the facilitator's Live menu (folded away until asked for). */
async function tableLink(page) {
  const menu = await liveMenu(page);
  const tables = menu.locator(".ld-live-tables");
  if (!(await tables.evaluate((d) => d.open))) await tables.locator(":scope > summary").click();
  return tables.locator("#ld-live-table-link").inputValue();
}

/** A table's laptop: the workshop page from the room server, with a workshop of its own. */
async function tableLaptop(address, lang) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") page.problems.push(`console: ${m.text()}`); });
  if (lang) await context.addInitScript((l) => localStorage.setItem("leidraad.lang", l), lang);
  await seedStorage(page, workshopFile(workshops.emptyWorkshop()));
  await page.goto(address);
  await page.waitForSelector(".leidraad .ld-header");
  return page;
}

test("a table joins with the table link: cards both ways, no facilitator controls, a lock told, reload, undo", async () => {
  const page = await facilitatorPage();
  const code = await goLive(page);
  const screen = page.locator(".ld-live-screen");
  await page.keyboard.press("Escape");
  await screen.waitFor({ state: "detached" });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url.replace(/\/$/, "") });
  const link = await tableLink(page);
  const key = JSON.parse(await page.evaluate(() => localStorage.getItem("leidraad.live.host"))).table_key;
  assert.equal(link, `${server.url}#table=${code}.${key}`);
  // Copied for sending to the tables; never on the join screen the projector shows.
  await (await liveMenu(page)).getByRole("button", { name: "Tafellink kopiëren" }).click();
  await page.getByText("De tafellink is gekopieerd.", { exact: false }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await shot(page, "live-table-link-nl");
  await (await liveMenu(page)).getByRole("button", { name: "Code laten zien" }).click();
  assert.ok(!(await screen.innerHTML()).includes(key), "no table key on the join screen");
  await page.keyboard.press("Escape");

  // The table's laptop opens the link and says yes: it shows the room's workshop, live as a table.
  const table = await tableLaptop(link);
  const ask = table.getByRole("dialog", { name: "Meedoen als tafel" });
  await ask.getByText(`${code.slice(0, 3)} ${code.slice(3)}`).waitFor();
  await shot(table, "live-table-ask-nl");
  await roomAxe(table, "the question to join as a table (Dutch)");
  await ask.getByRole("button", { name: "Meedoen als tafel" }).click();
  await table.locator(".ld-live-on", { hasText: `Live als tafel: ${code.slice(0, 3)} ${code.slice(3)}` }).waitFor();
  await (await liveMenu(table)).getByText("Verbonden").waitFor();
  await shot(table, "live-table-menu-nl");
  await roomAxe(table, "the table's Live menu (Dutch)");
  const menu = await liveMenu(table);
  for (const name of ["Live stoppen", "Code laten zien", "Tafels laten meedoen"]) {
    assert.equal(await menu.getByText(name).count(), 0, `${name} not on a table`);
  }
  assert.equal(await menu.locator("#ld-live-input").count(), 0, "participants' writing is the facilitator's");
  await table.keyboard.press("Escape");

  // Cards both ways.
  await header(table).step("Verzamelen");
  await header(page).step("Verzamelen");
  await collect(table).addCard("Gezin met schulden", "Van tafel 2");
  await page.getByText("Van tafel 2").first().waitFor();
  await collect(page).addCard("Gezin met schulden", "Van de begeleider");
  await table.getByText("Van de begeleider").first().waitFor();
  // Undo on the table: its own card only, through the room.
  await header(table).undo();
  await page.getByText("Van tafel 2").waitFor({ state: "detached" });
  assert.equal(await table.getByText("Van de begeleider").count() > 0, true, "the facilitator's card stays");

  // What only the facilitator does: not offered on the table, with the reason.
  const fac = facilitation(table);
  await fac.open();
  await fac.menu.getByText("Alleen de begeleider kan een stap vergrendelen.").waitFor();
  assert.equal(await fac.lockButton.count(), 0);
  await table.keyboard.press("Escape");
  await header(table).file.open();
  assert.equal(await table.getByText("Open een bestand").count(), 0);
  assert.equal(await table.getByText("Voeg een bestand samen").count(), 0);
  await table.getByText("In een live werksessie opent of voegt alleen de begeleider een bestand samen.").waitFor();
  await table.keyboard.press("Escape");
  await header(table).step("Kiezen");
  await table.getByText("Alleen de begeleider kan de uitslag tonen.").waitFor();
  assert.equal(await table.getByRole("button", { name: "Uitslag tonen" }).count(), 0);
  await header(table).step("Charter");
  await table.getByText("Alleen de begeleider kan de set afronden of weer openen.").waitFor();
  assert.equal(await table.getByRole("button", { name: /Set afronden/ }).count(), 0);

  // The facilitator locks Verzamelen: the table is told, offered no unlock, and cannot add.
  await facilitation(page).press("Vergrendel deze stap");
  await header(table).step("Verzamelen");
  const bar = facilitation(table).lockbar;
  await bar.getByText("Alleen de begeleider kan deze stap weer openen.").waitFor();
  assert.equal(await facilitation(table).unlockButton.count(), 0);
  assert.equal(await table.getByLabel("Nieuwe kaart").first().isDisabled(), true);
  await shot(table, "live-table-locked-nl");

  // A reload of the table's laptop rejoins as a table, without asking again.
  await table.reload();
  await table.locator(".ld-live-on", { hasText: "Live als tafel" }).waitFor();
  await (await liveMenu(table)).getByText("Verbonden").waitFor();
  assert.equal(await table.getByRole("dialog").count(), 0);
  await table.getByText("Van de begeleider").first().waitFor();
  // The table stops taking part; the room goes on.
  await (await liveMenu(table)).getByRole("button", { name: "Stoppen als tafel" }).click();
  await table.getByText("Deze laptop doet niet meer mee.", { exact: false }).waitFor();
  assert.equal(await table.evaluate(() => localStorage.getItem("leidraad.live.table")), null);
  await (await liveMenu(table)).getByRole("button", { name: "Live zetten" }).waitFor();
  assert.ok(JSON.parse(await page.evaluate(() => localStorage.getItem("leidraad.live.host"))).key, "the facilitator is still live");

  assert.deepEqual([...page.problems, ...table.problems], []);
  await page.context().close();
  await table.context().close();
});

test("English: a table joins by pasting the table link; axe-core on its Live menu", async () => {
  const page = await facilitatorPage("en");
  const code = await goLive(page, "Go live");
  await page.getByRole("button", { name: "Back to the workshop" }).click();
  const link = await tableLink(page);
  const table = await tableLaptop(server.url, "en");
  const menu = await liveMenu(table);
  await menu.getByLabel("Table link").fill(`${server.url}join.html#${code}`);
  await menu.getByRole("button", { name: "Join as a table" }).click();
  await menu.getByRole("alert").getByText("This is not a table link.", { exact: false }).waitFor();
  await roomAxe(table, "the Live menu with a wrong table link (English)");
  await menu.getByLabel("Table link").fill(link);
  await menu.getByRole("button", { name: "Join as a table" }).click();
  await table.locator(".ld-live-on", { hasText: "Live as a table" }).waitFor();
  await (await liveMenu(table)).getByText("Connected").waitFor();
  await (await liveMenu(table)).getByText("This laptop takes part as a table.").waitFor();
  await shot(table, "live-table-menu-en");
  await roomAxe(table, "the table's Live menu (English)");
  assert.equal(await table.getByText("Stop live").count(), 0);
  assert.deepEqual([...page.problems, ...table.problems], []);
  await page.context().close();
  await table.context().close();
});

test("going live first saves the workshop: beside an unreadable stored workshop it says why not and changes nothing", async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const newer = JSON.stringify({ format: "leidraad-workshop", version: 99, workshop: {} });
  await seedStorage(page, newer);
  await page.goto(server.url);
  await page.waitForSelector(".leidraad .ld-header");
  await (await liveMenu(page)).getByRole("button", { name: "Live zetten" }).click();
  await page.locator(".ld-notice-error").getByText("Live zetten kan pas als de werksessie op dit apparaat is opgeslagen.", { exact: false }).waitFor();
  await shot(page, "live-save-first-nl");
  assert.equal(await storedText(page), newer, "the unreadable text is untouched");
  assert.deepEqual(await wasmLoaded(page), ["leidraad_bg.wasm"], "no reload into the live build");
  assert.equal(await page.evaluate(() => localStorage.getItem("leidraad.live.host") ?? sessionStorage.getItem("leidraad.live.go")), null);
  await context.close();
});

// The same files from a static host (the embedding case): no Live control, no request for it.
const staticHost = appServer();

test("from a static host the page offers no Live control and asks nothing of a server", async () => {
  const page = await openPage(staticHost, { storage: workshopFile(workshops.clustered(3)) });
  await header(page).step("Clusteren");
  await page.locator(".ld-board").waitFor();
  assert.equal(await page.locator(".ld-live-menu").count(), 0);
  assert.equal(await page.getByRole("button", { name: /live/i }).count(), 0);
  assert.deepEqual(page.requests.filter((u) => u.includes("/live/") || u.includes("leidraad-room")), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
