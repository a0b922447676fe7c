// Step 2, Verzamelen (collect): sources of three kinds with cards by group; refused input says
// why and changes nothing; look-alike hints while typing; the inspiration library.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, noViolations, saved, workshopFile, assertText, escapeRegExp, header, collect, facilitation, workshops } from "./lib.mjs";

const env = appServer();

test("groups collect a case, a source and an appreciative example with their cards, in Dutch and English", async () => {
  const page = await openPage(env);
  await collect(page).fourCards();
  await shot(page, "collect-nl");
  await noViolations(page, "collect");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("heading", { name: "Collect", level: 2 }).waitFor();
  await shot(page, "collect-en");
  await noViolations(page, "collect (en)");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("refused input gets a clear Dutch message and changes nothing", async () => {
  const page = await openPage(env);
  const c = collect(page);
  await header(page).step("Verzamelen");
  await c.addSource("Situatie", "Casus A");
  const box = page.locator(".ld-source").first();
  await c.typeCard(box, "x".repeat(201));
  assert.match(await box.locator(".ld-add-card .ld-counter").textContent(), /201 \/ 200/);
  await c.pressAddCard(box);
  await page.locator(".ld-notice-error").waitFor();
  assert.match(await page.locator(".ld-notice-error").textContent(), /Maak de kaart korter: hoogstens 200 tekens/);
  assert.equal(await box.locator(".ld-card-row").count(), 0);
  // The typed text is still there to shorten.
  assert.equal((await box.getByLabel("Nieuwe kaart").inputValue()).length, 201);
  // Text that looks like HTML stays text.
  await c.typeCard(box, '<img src=x onerror="window.__pwned=1">');
  await c.pressAddCard(box);
  await box.locator(".ld-card-row").first().waitFor();
  assert.equal(await box.locator(".ld-card-row .ld-card-text").textContent(), '<img src=x onerror="window.__pwned=1">');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator(".leidraad img").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("typing a card that looks like one already there shows it", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.looseCards()) });
  await header(page).step("Verzamelen");
  const box = page.locator(".ld-source").first();
  await collect(page).typeCard(box, "De inwoner houdt zelf de regie");
  const hint = box.locator(".ld-lookalike");
  await hint.locator("li").first().waitFor();
  assert.match(await hint.textContent(), /Lijkt op een kaart die er al is:.*Eigen regie bij de inwoner/);
  await shot(page, "collect-lookalike-nl");
  await collect(page).typeCard(box, "Veiligheid gaat altijd voor");
  await page.waitForFunction(() => document.querySelectorAll(".ld-source .ld-lookalike li").length === 0);
  await page.context().close();
});

test("participants search the library, add a principle as a card under the owner's source, by keyboard, in both languages", async () => {
  const page = await openPage(env);
  await page.waitForLoadState("networkidle");
  const { library } = collect(page);
  await header(page).step("Verzamelen");
  // The library is a file of its own, fetched only when someone opens it.
  assert.deepEqual(page.requests.filter((u) => u.endsWith("library.json")), [], "library fetched before it was opened");
  assert.equal(await library.toggle.getAttribute("aria-expanded"), "false");
  await library.toggle.focus();
  await page.keyboard.press("Enter");
  await library.search.waitFor();
  await assertText(library.count, /^103 principes gevonden$/);

  await library.search.focus();
  await page.keyboard.type("eigen regie");
  await assertText(library.count, /principes? gevonden/);
  const first = library.items.first();
  const title = (await first.locator(".ld-library-title").textContent()).trim();
  const owner = await first.getAttribute("data-owner");
  assert.match(title.toLowerCase(), /eigen/);
  assert.match(title.toLowerCase(), /regie/);

  // Tab from the search field to the first item's link, then to its button; Enter adds.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
  assert.match(focused, /^Neem over als kaart: /);
  await page.keyboard.press("Enter");
  await assertText(header(page).notices, new RegExp(`Kaart toegevoegd onder de bron ${escapeRegExp(owner)}`));

  // The card is there, under a source of kind Bron named after the owner (and year).
  const source = collect(page).source(owner);
  await source.waitFor();
  assert.equal(await source.locator(".ld-kind").textContent(), "Gegevens");
  await source.locator(".ld-card-row", { hasText: title.slice(0, 40) }).waitFor();
  assert.match(await source.locator(".ld-notes").textContent(), /https?:\/\//);
  // Focus stays on the (now marked) button.
  assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ""), /Staat al als kaart/);
  await page.keyboard.press("Enter");
  assert.equal(await source.locator(".ld-card-row").count(), 1, "the same principle is not added twice");

  const w = (await saved(page)).workshop;
  assert.equal(w.sources.filter((s) => s.kind === "data" && s.title.startsWith(owner)).length, 1);
  await page.locator(".ld-library").scrollIntoViewIfNeeded();
  await shot(page, "collect-library-nl");
  await noViolations(page, "library (nl)");

  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByLabel("Search the inspiration").fill("preventie");
  await assertText(library.count, /principles? found/);
  await page.getByRole("button", { name: /^Add as a card: / }).first().waitFor();
  await shot(page, "collect-library-en");
  await noViolations(page, "library (en)");
  assert.deepEqual(page.problems, []);
  // The library came from the app's own folder, once, and nothing else was fetched.
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(env.url)), []);
  assert.deepEqual(page.requests.filter((u) => u.endsWith("library.json")), [`${env.url}library.json`]);
  await page.context().close();
});

test("the library is fetched on first open and kept for the visit; without a connection it says so plainly and can try again", async () => {
  const page = await openPage(env);
  await page.waitForLoadState("networkidle");
  const fetches = () => page.requests.filter((u) => u.endsWith("library.json"));
  await header(page).step("Verzamelen");
  const open = page.getByRole("button", { name: "Bekijk de inspiratie" });
  const close = page.getByRole("button", { name: "Verberg de inspiratie" });

  // Offline before the library was ever opened: a clear message, not an empty list.
  await page.context().setOffline(true);
  await open.click();
  await assertText(page.locator("#ld-library-body [role=alert]"), /^Zonder internet kan Leidraad de inspiratie niet laden\./);
  await shot(page, "collect-library-offline-nl");

  // Back online (axe is injected over the network): the message passes axe; try again loads it.
  await page.context().setOffline(false);
  await noViolations(page, "library offline (nl)");
  await page.getByRole("button", { name: "Opnieuw proberen" }).click();
  await assertText(page.locator("#ld-library-count"), /^103 principes gevonden$/);
  const afterLoad = fetches().length;

  // Offline again: closing and opening shows the library from memory, without a request.
  await page.context().setOffline(true);
  await close.click();
  await open.click();
  await assertText(page.locator("#ld-library-count"), /^103 principes gevonden$/);
  await page.getByLabel("Zoek in de inspiratie").fill("preventie");
  await page.locator(".ld-library-item").first().waitFor();
  assert.equal(fetches().length, afterLoad, "the library is not fetched again once loaded");
  assert.ok(fetches().every((u) => u === `${env.url}library.json`), fetches().join(", "));
  // The only problems are the browser's own notes about the offline fetch.
  assert.deepEqual(page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to (load resource|fetch)/.test(p)), []);
  await page.context().close();
});

test("each source's 'Geschreven door' is chosen there, and what it shows is what is saved", async () => {
  const page = await openPage(env);
  const c = collect(page);
  await header(page).step("Verzamelen");
  await c.addSource("Situatie", "Casus A");
  await c.addSource("Gegevens", "Bron B");
  const a = c.source("Casus A");
  const b = c.source("Bron B");
  const shown = async (box) => (await box.getByLabel("Geschreven door").locator("option:checked").textContent()).trim();
  const groupOf = async (text) => {
    const w = await saved(page, (w) => w.workshop.cards.some((x) => x.text === text));
    const card = w.workshop.cards.find((x) => x.text === text);
    const g = w.workshop.setup.groups.find((x) => x.id === card.group);
    return g ? g.name : "Geen groep";
  };
  await c.addCard("Casus A", "Kaart a1", "Beleid");
  assert.equal(await groupOf("Kaart a1"), "Beleid");
  // Another source's choice is its own: it does not move A's choice, and B starts with none.
  assert.equal(await shown(b), "Geen groep");
  await c.addCard("Bron B", "Kaart b1", "Uitvoering");
  assert.equal(await groupOf("Kaart b1"), "Uitvoering");
  assert.equal(await shown(a), "Beleid");
  // A card added in A without touching its select gets what A's select shows.
  await c.addCard("Casus A", "Kaart a2");
  assert.equal(await groupOf("Kaart a2"), await shown(a));
  assert.equal(await groupOf("Kaart a2"), "Beleid");
  // Choosing "Geen groep" saves no group.
  await c.addCard("Casus A", "Kaart a3", "Geen groep");
  assert.equal(await groupOf("Kaart a3"), "Geen groep");
  // Another source then chooses a group A's select had shown before: A still shows "Geen
  // groep", and a card added there without touching it is saved with no group. (A group
  // remembered across sources kept A showing "Geen groep" here while saving the card as "Beleid".)
  await c.addCard("Bron B", "Kaart b2", "Beleid");
  assert.equal(await shown(a), "Geen groep");
  await c.addCard("Casus A", "Kaart a4");
  assert.equal(await groupOf("Kaart a4"), await shown(a), "what A's select shows is what is saved");
  assert.equal(await groupOf("Kaart a4"), "Geen groep");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Actions per card, counted as keystroke groups and clicks a participant makes once the source
// is there and its group chosen. Before: click in the field, type, click "Kaart toegevoegd" (or
// by keyboard: type, Tab, Tab, Enter, Shift+Tab, Shift+Tab back to the field). Now: type, Enter.
test("a card takes two actions: type it, press Enter; the focus stays for the next and the group stays chosen", async () => {
  const page = await openPage(env);
  const c = collect(page);
  await header(page).step("Verzamelen");
  await c.addSource("Situatie", "Casus A");
  const a = c.source("Casus A");
  const field = a.getByLabel("Nieuwe kaart");
  // Adding the source puts the focus in its card field; the group is chosen there, in view.
  await page.waitForFunction(() => document.activeElement?.id.startsWith("ld-card-new-"));
  await a.getByLabel("Geschreven door").selectOption({ label: "Beleid" });
  await field.focus();

  for (const text of ["Eén gezin, één plan", "Zorg dichtbij", "Eigen regie"]) {
    await page.keyboard.type(text); // 1
    await page.keyboard.press("Enter"); // 2
    await a.locator(".ld-card-row", { hasText: text }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id.startsWith("ld-card-new-") && document.activeElement.value === "");
  }
  // Shift+Enter is still a new line within a card.
  await page.keyboard.type("Regel een");
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.type("regel twee");
  await page.keyboard.press("Enter");
  await a.locator(".ld-card-row", { hasText: "regel twee" }).waitFor();

  assert.equal((await a.getByLabel("Geschreven door").locator("option:checked").textContent()).trim(), "Beleid");
  const w = (await saved(page, (f) => f.workshop.cards.length === 4)).workshop;
  const beleid = w.setup.groups.find((g) => g.name === "Beleid").id;
  assert.deepEqual(w.cards.map((k) => [k.text, k.group]), [
    ["Eén gezin, één plan", beleid], ["Zorg dichtbij", beleid], ["Eigen regie", beleid], ["Regel een\nregel twee", beleid],
  ]);
  // Another source starts without a group: the choice is made per source, never carried over.
  await c.addSource("Gegevens", "Bron B");
  assert.equal((await c.source("Bron B").getByLabel("Geschreven door").locator("option:checked").textContent()).trim(), "Geen groep");
  await shot(page, "collect-enter-adds-nl");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a refused form keeps what was typed: a source with too long notes, a card refused by a lock", async () => {
  const page = await openPage(env);
  const c = collect(page);
  await header(page).step("Verzamelen");
  await page.getByLabel("Titel", { exact: true }).fill("Casus met lange aantekeningen");
  const notes = "n".repeat(2001);
  await page.getByLabel(/^Aantekeningen/).fill(notes);
  await page.locator(".ld-new-source").getByRole("button", { name: "Toevoegen" }).click();
  await page.locator(".ld-notice-error").waitFor();
  assert.equal(await page.getByLabel("Titel", { exact: true }).inputValue(), "Casus met lange aantekeningen");
  assert.equal((await page.getByLabel(/^Aantekeningen/).inputValue()).length, 2001);
  assert.equal(await page.locator(".ld-source").count(), 0);

  await page.getByLabel(/^Aantekeningen/).fill("Kort.");
  await page.locator(".ld-new-source").getByRole("button", { name: "Toevoegen" }).click();
  const box = c.source("Casus met lange");
  await box.waitFor();
  assert.equal(await page.getByLabel("Titel", { exact: true }).inputValue(), "", "emptied once added");
  // The facilitator locks the step between typing and adding: the card is refused, its text stays.
  await c.typeCard(box, "Zorg dichtbij");
  await facilitation(page).press("Vergrendel deze stap");
  await box.locator(".ld-add-card").evaluate((f) => f.requestSubmit());
  await page.locator(".ld-notice-error", { hasText: /vergrendeld/ }).waitFor();
  await page.getByRole("button", { name: "Ontgrendel deze stap" }).click();
  assert.equal(await box.getByLabel("Nieuwe kaart").inputValue(), "Zorg dichtbij");
  await c.pressAddCard(box);
  await box.locator(".ld-card-row", { hasText: "Zorg dichtbij" }).waitFor();
  assert.equal(await box.getByLabel("Nieuwe kaart").inputValue(), "");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a locked Verzamelen disables its controls and says why next to them", async () => {
  const w = workshops.looseCards();
  w.locks = ["collect"];
  const page = await openPage(env, { storage: workshopFile(w) });
  await header(page).step("Verzamelen");
  const box = page.locator(".ld-source").first();
  for (const control of [
    box.getByLabel("Nieuwe kaart"), box.getByRole("button", { name: "Kaart toevoegen" }),
    box.getByLabel("Geschreven door"), page.getByLabel("Titel", { exact: true }),
    page.locator(".ld-new-source").getByRole("button", { name: "Toevoegen" }),
  ]) {
    assert.equal(await control.isDisabled(), true, await control.evaluate((e) => e.outerHTML.slice(0, 80)));
  }
  // The reason stands above the controls and describes their group for screen readers.
  const reason = await facilitation(page).lockedReason();
  assert.match(await reason.textContent(), /^De stap Verzamelen is vergrendeld door de begeleider/);
  assert.equal(await reason.isVisible(), true);
  await shot(page, "collect-locked-nl");
  await noViolations(page, "locked collect");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the library's 'Kaart toegevoegd' appears where the eye is, in view after scrolling, and is heard", async () => {
  const page = await openPage(env, { viewport: { width: 1280, height: 700 }, storage: workshopFile(workshops.looseCards()) });
  const { library } = collect(page);
  await header(page).step("Verzamelen");
  await library.toggle.click();
  await assertText(library.count, /^103 principes gevonden$/);
  const item = library.items.nth(6);
  await item.getByRole("button", { name: /^Neem over als kaart: / }).click();
  const notice = header(page).notices.filter({ hasText: /Kaart toegevoegd/ });
  await notice.waitFor();
  assert.ok(await page.evaluate(() => window.scrollY > 0), "the page was scrolled to the library item");
  const box = await notice.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 700, `the notice is in view: ${JSON.stringify(box)}`);
  // It is the one polite status region that screen readers hear.
  assert.equal(await notice.evaluate((n) => n.closest("[aria-live]")?.getAttribute("role")), "status");
  await shot(page, "collect-library-notice-nl");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("each route shows its own questions; answers are typed by keyboard, and a card from a question keeps its mark, in Dutch and English", async () => {
  const page = await openPage(env);
  const c = collect(page);
  await header(page).step("Verzamelen");
  await c.addSource("Gegevens", "Cijfers jeugdhulp 2025");
  const box = c.source("Cijfers jeugdhulp");
  const questions = box.locator(".ld-route-questions > li");
  assert.deepEqual(await questions.evaluateAll((els) => els.map((e) => e.dataset.question)), ["data_see", "data_friction", "data_values"]);
  // An answer by keyboard: type, leave the field (Tab) and it is saved on the source.
  await box.getByRole("textbox", { name: "Wat ziet u in de gegevens? En wat vindt u daarvan?", exact: true }).focus();
  await page.keyboard.type("Veel diagnoses op twee scholen.");
  await page.keyboard.press("Tab");
  let w = (await saved(page, (f) => f.workshop.sources[0].answers?.length === 1)).workshop;
  assert.deepEqual(w.sources[0].answers, [{ question: "data_see", text: "Veel diagnoses op twee scholen." }]);

  // "Kaart bij deze vraag" by keyboard: the card field gets the focus, the question is chosen.
  await box.getByRole("button", { name: /^Kaart bij deze vraag: Wat vinden mensen daarbij belangrijk/ }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id.startsWith("ld-card-new-"));
  assert.match(await box.getByLabel("Bij vraag").locator("option:checked").textContent(), /^Vraag 3: Wat vinden mensen/);
  // Still two actions per card: type it, press Enter; the question stays chosen for the next.
  for (const text of ["Niemand is normaal", "Gewoon meedoen"]) {
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
    await box.locator(".ld-card-row", { hasText: text }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id.startsWith("ld-card-new-") && document.activeElement.value === "");
  }
  await box.getByLabel("Bij vraag").selectOption({ label: "Geen vraag" });
  await c.addCard("Cijfers jeugdhulp", "Preventief werken");
  const mark = box.locator(".ld-card-row", { hasText: "Niemand is normaal" }).locator(".ld-question-tag");
  assert.equal((await mark.textContent()).trim(), "Vraag 3: Wat vinden mensen daarbij belangrijk? Welke waarden liggen eronder?");
  assert.equal(await mark.evaluate((e) => e.firstChild.textContent), "Vraag 3");
  assert.equal(await box.locator(".ld-card-row", { hasText: "Preventief werken" }).locator(".ld-question-tag").count(), 0);
  w = (await saved(page, (f) => f.workshop.cards.length === 3)).workshop;
  assert.deepEqual(w.cards.map((k) => [k.text, k.question]), [
    ["Niemand is normaal", "data_values"], ["Gewoon meedoen", "data_values"], ["Preventief werken", undefined],
  ]);

  // A case has the case's own questions.
  await c.addSource("Situatie", "Gezin met schulden");
  const caseQuestions = c.source("Gezin met schulden").locator(".ld-route-questions > li");
  assert.deepEqual(await caseQuestions.evaluateAll((els) => els.map((e) => e.dataset.question)), ["case_story", "case_outsider", "case_keep"]);
  await box.scrollIntoViewIfNeeded();
  await shot(page, "collect-routes-nl");
  await noViolations(page, "collect routes");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("heading", { name: "Collect", level: 2 }).waitFor();
  await box.getByText("Questions for the talk").waitFor();
  await box.getByRole("textbox", { name: "What do you see in the data? And what do you think of it?", exact: true }).waitFor();
  assert.equal(await mark.evaluate((e) => e.firstChild.textContent), "Question 3");
  await shot(page, "collect-routes-en");
  await noViolations(page, "collect routes (en)");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
