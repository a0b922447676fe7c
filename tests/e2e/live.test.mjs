// The live room's participant page (join.html) against the real room server: a phone (touch,
// 390×844) joins with the room code from the QR address, writes, changes and deletes its own
// cards under the source the facilitator opened, is told plainly when writing is locked,
// places its own dots with the totals hidden until the reveal, and keeps what it did through a
// server killed with SIGKILL and a reload. axe-core on the join and room screens, Dutch and
// English.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { CHROMIUM, shot, workshopFile, workshops } from "./lib.mjs";
import { roomServer, facilitator, roomAxe as noViolations } from "./pages/live.mjs";

let server, browser, room, fac;

before(async () => {
  server = await roomServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  room = await server.createRoom(workshopFile(workshops.clustered(3)));
  fac = await facilitator(browser, server, room);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});


/** A participant's phone: touch, 390×844, the page the room's QR code opens. */
async function phone(lang) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(e.message));
  if (lang) await context.addInitScript((l) => localStorage.setItem("leidraad.lang", l), lang);
  await page.goto(`${server.url}join.html#${room.code}`);
  await page.waitForSelector("#ld-live-code");
  return page;
}

async function join(page, name) {
  assert.equal(await page.inputValue("#ld-live-code"), room.code, "the code comes from the QR address");
  await page.fill("#ld-live-name", name);
  await page.getByRole("button", { name: "Meedoen" }).tap();
  await page.getByText("Verbonden").waitFor();
}

/** The header's language button: its word inside its own border, and the page's margin to its right. */
async function languageButtonFits(page, width) {
  const box = await page.locator(".ld-live-top > button").evaluate((b) => {
    const r = b.getBoundingClientRect();
    const style = getComputedStyle(b);
    const words = document.createRange();
    words.selectNodeContents(b);
    // Where the button's padding begins on the right, and where its word ends.
    const inner = r.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
    return { right: r.right, over: words.getBoundingClientRect().right - inner, page: document.documentElement.clientWidth };
  });
  assert.ok(box.over <= 0.5, `at ${width} px the button's word runs ${box.over} px into its padding`);
  assert.ok(box.page - box.right >= 12, `at ${width} px the button is ${box.page - box.right} px from the screen's edge`);
}

test("the language button keeps its word and the page's margin on a phone (390 and 320 px)", async () => {
  for (const width of [390, 320]) {
    const context = await browser.newContext({ viewport: { width, height: 844 }, hasTouch: true, isMobile: true });
    const p = await context.newPage();
    await p.goto(`${server.url}join.html#${room.code}`);
    await p.waitForSelector("#ld-live-code");
    await languageButtonFits(p, width);
    await join(p, `Smal ${width}`);
    await languageButtonFits(p, width);
    await shot(p, `live-room-${width}-nl`);
    await context.close();
  }
});

test("a phone joins with the code, writes under the opened source, changes and deletes its own card", async () => {
  const p = await phone();
  await shot(p, "live-join-nl");
  await noViolations(p, "the join screen (Dutch)");
  // A mistyped code is said plainly, and nothing else happens.
  await p.fill("#ld-live-code", "K7XM3O");
  await p.getByRole("button", { name: "Meedoen" }).tap();
  await p.getByRole("alert").getByText("Deze code klopt niet").waitFor();
  // Typed in small letters, the code still works.
  await p.fill("#ld-live-code", room.code.toLowerCase());
  await p.fill("#ld-live-name", "Fatima");
  await p.getByRole("button", { name: "Meedoen" }).tap();
  await p.getByText("Verbonden").waitFor();
  await p.getByText("Schrijven is nu dicht").waitFor();

  await fac.submit({ floor: { input: "s-1", voting: false } });
  await p.getByText("Gezin met schulden").waitFor();
  await p.selectOption("#ld-live-group", { label: "Beleid" });
  await p.fill("#ld-live-card", "Hulp zonder wachtlijst");
  await p.getByRole("button", { name: "Kaart toevoegen" }).tap();
  const mine = p.locator(".ld-live-cards");
  await mine.getByText("Hulp zonder wachtlijst").waitFor();
  await waitFor(async () => (await fac.cardTexts()).includes("Hulp zonder wachtlijst"), "the facilitator gets the card");
  await shot(p, "live-participant-nl");
  await noViolations(p, "the participant page (Dutch)");

  // Only one's own cards can be changed, and only here.
  await p.getByRole("button", { name: "Wijzigen: Hulp zonder wachtlijst" }).tap();
  await p.locator(".ld-live-card textarea").fill("Hulp zonder wachtlijst, in de wijk");
  await p.getByRole("button", { name: "Opslaan" }).tap();
  await waitFor(async () => (await fac.cardTexts()).includes("Hulp zonder wachtlijst, in de wijk"), "the edit reaches the room");
  await p.fill("#ld-live-card", "Weg ermee");
  await p.getByRole("button", { name: "Kaart toevoegen" }).tap();
  await mine.getByText("Weg ermee").waitFor();
  await p.getByRole("button", { name: "Weghalen: Weg ermee" }).tap();
  await waitFor(async () => !(await fac.cardTexts()).includes("Weg ermee") && (await mine.getByText("Weg ermee").count()) === 0, "the card is deleted everywhere");
  assert.equal(await mine.getByText("Normaliseren (kaart 1)").count(), 0, "other people's cards are not listed as the phone's own");

  // The facilitator locks Collect: the phone is told so, in plain words, and nothing is added.
  await fac.submit({ act: ["SetLock", "collect", true] });
  await p.fill("#ld-live-card", "Te laat");
  await p.getByRole("button", { name: "Kaart toevoegen" }).tap();
  await p.getByRole("alert").getByText(/op slot/).waitFor();
  assert.ok(!(await fac.cardTexts()).includes("Te laat"));
  assert.equal(await p.inputValue("#ld-live-card"), "Te laat", "what was typed is kept");
  await p.getByRole("button", { name: "Gelezen" }).tap();
  await fac.submit({ act: ["SetLock", "collect", false] });
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("dots: one's own, hidden totals until the facilitator reveals them", async () => {
  const p = await phone();
  await join(p, "");
  await p.getByText("Stemmen is nu dicht.").waitFor();
  await fac.submit({ floor: { input: null, voting: true } });
  await p.getByRole("button", { name: "Ik ga stemmen" }).tap();
  await p.getByText("Nog 5 stippen over").waitFor();
  await p.getByRole("button", { name: "Stip erbij: Normaliseren" }).tap();
  await p.getByText("Nog 4 stippen over").waitFor();
  await p.getByText("Uw stippen: 1").waitFor();
  await p.getByText(/verborgen/).waitFor();
  assert.equal(await p.getByText(/Totaal/).count(), 0, "totals stay hidden");
  // At most one dot per cluster (the workshop's own rule): said plainly, nothing counted.
  await p.getByRole("button", { name: "Stip erbij: Normaliseren" }).tap();
  await p.getByRole("alert").waitFor();
  await p.getByText("Nog 4 stippen over").waitFor();
  await p.getByRole("button", { name: "Gelezen" }).tap();
  await fac.submit({ act: ["RevealVotes", true] });
  await p.getByText("Totaal: 1").waitFor();
  await shot(p, "live-vote-nl");
  await fac.submit({ act: ["RevealVotes", false] });
  await fac.submit({ floor: { input: "s-1", voting: false } });
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("recognition: a phone marks how strongly it recognises a cluster, by touch, and the room confirms it", async () => {
  const p = await phone();
  await join(p, "Sanne");
  await fac.submit({ floor: { input: null, voting: true } });
  await p.getByRole("button", { name: "Ik ga stemmen" }).tap();
  const group = p.getByRole("group", { name: "Herkent u dit? Normaliseren" });
  await group.waitFor();
  const strong = group.getByRole("radio", { name: "Sterk" });
  // A finger-sized target: the whole label takes the tap.
  const box = await group.locator("label", { hasText: "Sterk" }).boundingBox();
  assert.ok(box.width >= 44 && box.height >= 44, `the "Sterk" label is ${box.width} x ${box.height}`);
  await group.locator("label", { hasText: "Sterk" }).tap();
  // The room confirms the participant's own mark: ["Recognise", voter, cluster, level].
  await fac.page.waitForFunction(() => window.room.frames.some((f) => f.t === "confirmed" && f.op.act?.[0] === "Recognise" && f.op.act[3] === "strong"));
  assert.equal(await strong.isChecked(), true);
  await noViolations(p, "the participant's recognition (Dutch)");
  await shot(p, "live-recognise-nl");
  await fac.submit({ floor: { input: "s-1", voting: false } });
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("the server killed and restarted loses nothing acknowledged; a tab closed while it is down keeps its queue", async () => {
  const p = await phone();
  await join(p, "Bram");
  await p.fill("#ld-live-card", "Bevestigd voor de val");
  await p.getByRole("button", { name: "Kaart toevoegen" }).tap();
  await waitFor(async () => (await fac.cardTexts()).includes("Bevestigd voor de val"), "acknowledged");

  await server.kill();
  await p.getByText(/Geen verbinding/).waitFor();
  await p.fill("#ld-live-card", "Geschreven zonder verbinding");
  await p.getByRole("button", { name: "Kaart toevoegen" }).tap();
  await p.locator(".ld-live-cards").getByText("Geschreven zonder verbinding").waitFor();
  await p.getByText(/Nog niet verstuurd: 1/).waitFor();
  await shot(p, "live-offline-nl");
  // The tab is closed while the server is down (the page itself comes from that server, so it
  // cannot be reloaded then); opened again afterwards, the queued card is still there and sent.
  const context = p.context();
  await p.close();
  await server.restart();
  const again = await context.newPage();
  again.problems = [];
  await again.goto(`${server.url}join.html#${room.code}`);
  await again.locator(".ld-live-cards").getByText("Geschreven zonder verbinding").waitFor();
  await again.getByText("Verbonden").waitFor({ timeout: 15000 });
  await fac.connect();
  await waitFor(async () => {
    const texts = await fac.cardTexts();
    return texts.includes("Bevestigd voor de val") && texts.includes("Geschreven zonder verbinding");
  }, "both cards are in the room after the restart");
  assert.equal((await fac.cardTexts()).filter((t) => t === "Geschreven zonder verbinding").length, 1, "sent once");
  assert.deepEqual(p.problems, []);
  await context.close();
});

test("a card written while the socket is held survives a reload and another room in between, and reaches its room once", async () => {
  // The phone's WebSocket is routed through the test: let through to the room, or held (open on
  // the page's side, never reaching the room: a stalled venue network), while the page itself
  // still loads, so the page can be reloaded with the step still queued.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  let hold = false;
  const sockets = [];
  await context.routeWebSocket(/\/live\/ws$/, (ws) => {
    sockets.push(ws);
    if (!hold) ws.connectToServer();
  });
  await fac.submit({ floor: { input: "s-1", voting: false } });
  const p = await context.newPage();
  p.problems = [];
  p.on("pageerror", (e) => p.problems.push(e.message));
  await p.goto(`${server.url}join.html#${room.code}`);
  await join(p, "Ilse");
  hold = true;
  for (const ws of sockets.splice(0)) await ws.close();
  await p.getByText(/Geen verbinding|Verbinden/).waitFor();
  await p.fill("#ld-live-card", "Vastgehouden en herladen");
  await p.getByRole("button", { name: "Kaart toevoegen" }).tap();
  await p.getByText(/Nog niet verstuurd: 1/).waitFor();
  await p.reload();
  // Back from the device's own storage: the card and the queue, while the socket is still held.
  await p.locator(".ld-live-cards").getByText("Vastgehouden en herladen").waitFor();
  await p.getByText(/Nog niet verstuurd: 1/).waitFor();
  await shot(p, "live-held-reload-nl");
  assert.ok(!(await fac.cardTexts()).includes("Vastgehouden en herladen"), "held: not in the room yet");
  // Still held, the phone joins another room (its QR code): the first room's queue stays kept.
  const other = await server.createRoom(workshopFile(workshops.clustered(3)));
  // (Only the address's code changes: the same page, so it is loaded again, as scanning does.)
  await p.goto(`${server.url}join.html#${other.code}`);
  await p.reload();
  assert.equal(await p.inputValue("#ld-live-code"), other.code);
  await p.fill("#ld-live-name", "Ilse");
  await p.getByRole("button", { name: "Meedoen" }).tap();
  await p.getByText(/Geen verbinding|Verbinden/).waitFor();
  // Let through, and back to the first room: its queued card is sent, once.
  hold = false;
  for (const ws of sockets.splice(0)) await ws.close();
  await p.goto(`${server.url}join.html#${room.code}`);
  await p.reload();
  await p.waitForSelector("#ld-live-code");
  await join(p, "Ilse");
  await waitFor(async () => (await fac.cardTexts()).includes("Vastgehouden en herladen"), "the card reaches the room");
  await p.getByText(/Nog niet verstuurd/).waitFor({ state: "detached" });
  assert.equal((await fac.cardTexts()).filter((t) => t === "Vastgehouden en herladen").length, 1, "sent once");
  assert.deepEqual(p.problems, []);
  await context.close();
});

test("English: the switch, and axe-core on the join and room screens", async () => {
  const p = await phone();
  await p.getByRole("button", { name: "English" }).tap();
  await p.getByRole("button", { name: "Join" }).waitFor();
  await shot(p, "live-join-en");
  await noViolations(p, "the join screen (English)");
  await p.fill("#ld-live-name", "Sam");
  await p.getByRole("button", { name: "Join" }).tap();
  await p.getByText("Connected").waitFor();
  await p.getByRole("button", { name: "Add card" }).waitFor();
  await shot(p, "live-participant-en");
  await noViolations(p, "the participant page (English)");
  // Every button on the phone is a big target.
  const small = await p.$$eval("button", (bs) => bs.filter((b) => b.getBoundingClientRect().height < 44).map((b) => b.textContent));
  assert.deepEqual(small, []);
  await p.context().close();
});

/** Waits until `check` is true: polls, and gives up after many tries (a hang, not a speed
 *  limit: on loopback each of these takes milliseconds). */
async function waitFor(check, what) {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never happened: ${what}`);
}
