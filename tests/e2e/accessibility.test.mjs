// Accessibility: a whole workshop by keyboard alone with visible focus at every stop;
// axe-core on every phase in Dutch and English (menus and warnings open too); reflow at 320 px
// and at 200 % zoom; touch targets of at least 24 by 24 CSS px (or the WCAG 2.5.8 spacing); a
// header that leaves the first screen to the step, with menus that float over the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { appServer, openPage, shot, axe, goPhase, saved, seedStorage, workshopFile, OUT, workshops, header } from "./lib.mjs";

const env = appServer();

/** Something on every screen (see fixtures/workshops.mjs), as the saved text. */
const rich = () => workshopFile(workshops.everyScreen());

// ---------------------------------------------------------------------------------------------
// Keyboard helpers: only page.keyboard; the page is asked only what has focus.

/** Describes the focused element and whether its focus can be seen. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { none: true };
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const name = el.getAttribute("aria-label") || (el.labels && el.labels[0]?.textContent) || el.textContent || el.value || "";
    // A visually hidden control (file input) shows its focus on its label instead.
    const label = el.labels && el.labels[0];
    const shown = (x) => {
      const s = getComputedStyle(x);
      const ring = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
      return ring || (s.boxShadow && s.boxShadow !== "none");
    };
    return {
      none: false,
      tag: el.tagName.toLowerCase(), id: el.id, type: el.type || "", cls: String(el.className || ""),
      name: name.replace(/\s+/g, " ").trim().slice(0, 80),
      inApp: !!el.closest(".leidraad"),
      visible: r.width >= 2 && r.height >= 2 && r.bottom > -1 && r.right > -1 && cs.visibility !== "hidden",
      ring: shown(el) || (label ? shown(label) : false) || (el.matches(".ld-visually-hidden") && !!label),
      focusVisible: el.matches(":focus-visible"),
    };
  });
}

function keyboard(page) {
  const stops = [];
  const problems = [];
  const notes = [];
  async function record() {
    const f = await focused(page);
    if (f.none) return f;
    stops.push(f);
    // The skip link's target (<main tabindex=-1>) is no control; a date field entered with
    // Shift+Tab loses :focus-visible in Chromium but shows the browser's own segment highlight.
    if (f.inApp && !f.ring && f.visible && (f.tag === "main" || f.type === "date")) {
      notes.push(`${f.tag}#${f.id}: no outline (${f.tag === "main" ? "skip-link target, not a control" : "Chromium draws only its segment highlight"})`);
    } else if (f.inApp && (!f.visible || !f.ring)) {
      problems.push(`${f.tag}${f.id ? "#" + f.id : ""}${f.cls ? "." + f.cls.split(" ")[0] : ""} "${f.name}": ${!f.visible ? "focus on an invisible element" : "no visible focus indicator"}`);
    }
    return f;
  }
  return {
    stops, problems, notes,
    async press(key) { await page.keyboard.press(key); return record(); },
    async type(text) { await page.keyboard.type(text); },
    /** Tabs (forward or back) until the focused element matches; fails after `max` presses. */
    async tabTo(match, { back = false, max = 120 } = {}) {
      for (let i = 0; i < max; i++) {
        const f = await this.press(back ? "Shift+Tab" : "Tab");
        if (!f.none && match(f)) return f;
      }
      const last = stops.slice(-8).map((f) => `${f.tag}#${f.id} "${f.name}"`).join(" | ");
      throw new Error(`keyboard: never reached the wanted element (${match}) within ${max} ${back ? "Shift+Tab" : "Tab"} presses; last stops: ${last}`);
    },
  };
}
const byId = (id) => (f) => f.id === id;
const byName = (re) => (f) => re.test(f.name);

// ---------------------------------------------------------------------------------------------
test("a whole workshop by keyboard alone, setup to charter, with visible focus at every stop", async () => {
  const page = await openPage(env);
  const k = keyboard(page);
  const step = async (name) => {
    // The step buttons are in the header: back up to them, press Enter.
    await k.tabTo((f) => f.cls.includes("ld-step") && f.name.includes(name), { back: true });
    await k.press("Enter");
    await page.waitForFunction((n) => document.querySelector(".ld-step-current")?.textContent.includes(n), name);
  };

  // The skip link comes first and is visible when focused.
  const first = await k.press("Tab");
  assert.equal(first.name, "Naar de inhoud");
  await shot(page, "a11y-kbd-00-skip-link");
  await k.press("Enter");

  // Voorbereiden
  await k.tabTo(byId("ld-title"));
  await k.type("Leidende principes Sociaal Domein");
  await k.tabTo(byId("ld-org"));
  await k.type("Gemeente Voorbeeld");
  await k.tabTo(byId("ld-outcome-new"));
  await k.type("Inwoners doen mee naar vermogen");
  await k.press("Enter");
  await page.locator("#ld-outcome-1").waitFor();
  await k.tabTo(byId("ld-group-new"));
  await k.type("Jongerenraad");
  await k.press("Enter");
  await page.waitForFunction(() => [...document.querySelectorAll(".ld-plain-list input")].some((i) => i.value === "Jongerenraad"));
  await shot(page, "a11y-kbd-01-setup");

  // Verzamelen: a case with two cards, a source with one.
  await step("Verzamelen");
  const source = async (arrows, title, cards) => {
    await k.tabTo((f) => f.type === "radio");
    for (let i = 0; i < arrows; i++) await k.press("ArrowDown");
    await k.tabTo(byId("ld-source-title"));
    await k.type(title);
    await k.press("Enter");
    // Focus goes to the new source's card field.
    await page.locator(".ld-source h3", { hasText: title }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "TEXTAREA" && document.activeElement.id.startsWith("ld-card-new-"));
    // The group sits just above the card field: back to it, choose, on to the field, type,
    // Enter adds the card and leaves the focus in the field.
    for (const [text, downs] of cards) {
      await k.tabTo((x) => x.tag === "select" && x.id.startsWith("ld-card-group-"), { back: true });
      for (let i = 0; i < downs; i++) await k.press("ArrowDown");
      await k.tabTo((x) => x.id.startsWith("ld-card-new-"));
      await k.type(text);
      await k.press("Enter");
      await page.locator(".ld-card-row", { hasText: text }).waitFor();
      assert.match((await focused(page)).id, /^ld-card-new-/);
    }
  };
  await source(0, "Gezin met schulden", [["Eigen regie bij de inwoner", 1], ["Eén gezin, één plan, één regisseur", 3]]);
  await source(1, "Cijfers jeugdhulp", [["Normaliseren: niet alles is een probleem", 2]]);
  await shot(page, "a11y-kbd-02-collect");
  let w = (await saved(page)).workshop;
  assert.deepEqual(w.sources.map((s) => s.kind), ["case", "data"]);
  assert.equal(w.cards.length, 3);
  assert.equal(w.cards[0].group, w.setup.groups[0].id);

  // Clusteren: two clusters; cards moved with the grip and arrows, and by ticking + "Verplaats".
  await step("Clusteren");
  for (const name of ["Regie", "Normaal"]) {
    await k.tabTo(byId("ld-new-cluster"));
    await k.type(name);
    await k.press("Enter");
    await page.locator(".ld-column h3", { hasText: name }).waitFor();
  }
  const grip = async (text, rights) => {
    await k.tabTo((f) => f.cls.includes("ld-grip") && f.name.includes(text));
    await k.press("Enter");
    for (let i = 0; i < rights; i++) await k.press("ArrowRight");
    await k.press("Enter");
    await page.waitForFunction(() => document.querySelector(".ld-live").textContent.includes("verplaatst naar"));
  };
  await grip("Eigen regie", 1);
  await grip("Normaliseren", 2);
  await k.tabTo((f) => f.type === "checkbox" && f.name.includes("Eén gezin"), { back: true });
  await k.press("Space");
  await k.tabTo((f) => f.tag === "select");
  // The list starts on "Kies een cluster"; past "Nog niet ingedeeld" to the first cluster.
  await k.press("ArrowDown");
  await k.press("ArrowDown");
  await k.tabTo(byName(/^Verplaats$/));
  await k.press("Enter");
  await page.waitForFunction(() => document.querySelector(".ld-live").textContent.includes("1 kaart verplaatst naar"));
  // The bar hides with the selection; the focus goes to the moved card's grip, not to nowhere.
  await page.waitForFunction(() => document.activeElement?.matches(".ld-grip") && document.activeElement.closest("[data-card-id]")?.textContent.includes("Eén gezin"));
  await shot(page, "a11y-kbd-03-cluster");
  w = (await saved(page)).workshop;
  assert.ok(w.cards.every((c) => c.cluster), "every card in a cluster");
  // Undo by keyboard shortcut (outside a field), then redo.
  await k.press("Control+z");
  await page.waitForFunction(() => document.querySelectorAll(".ld-column")[0].querySelectorAll(".ld-board-card").length === 1);
  await k.press("Control+Shift+z");
  await page.waitForFunction(() => document.querySelectorAll(".ld-column")[0].querySelectorAll(".ld-board-card").length === 0);

  // Kiezen: the groups vote, the result is shown, both clusters promoted, one own principle, a tension.
  await step("Kiezen");
  await k.tabTo(byName(/^De groepen aan tafel laten stemmen$/));
  await k.press("Enter");
  await page.locator(".ld-voter-list li").first().waitFor();
  await k.tabTo(byId("ld-turn"));
  await k.press("ArrowDown");
  await k.tabTo(byName(/^Stip geven: Regie$/));
  await k.press("Enter");
  await page.waitForFunction(() => document.querySelector(".ld-dots-left").textContent.includes("Nog 4 van 5"));
  await k.tabTo(byName(/^Uitslag tonen$/));
  await k.press("Enter");
  await page.locator(".ld-ranked").waitFor();
  for (const name of ["Regie", "Normaal"]) {
    await k.tabTo((f) => f.name === `Maak er een principe van: ${name}` && f.tag === "button");
    await k.press("Enter");
    await page.locator(".ld-chosen li", { hasText: name }).first().waitFor();
  }
  await k.tabTo(byId("ld-own-principle"));
  await k.type("Vertrouwen");
  await k.press("Enter");
  await page.locator(".ld-chosen li", { hasText: "Vertrouwen" }).first().waitFor();
  await k.tabTo(byName(/Spanning toevoegen tussen /));
  await k.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "ld-tension-note");
  await k.type("Regie kan botsen met snelle hulp.");
  await k.tabTo((f) => f.type === "radio");
  await k.press("ArrowDown");
  await k.tabTo(byName(/^Spanning opslaan$/));
  await k.press("Enter");
  await page.locator(".ld-tension-list li").first().waitFor();
  await shot(page, "a11y-kbd-04-reduce");
  w = (await saved(page)).workshop;
  assert.equal(w.principles.length, 3);
  assert.equal(w.voting.votes.length, 1);
  assert.equal(w.tensions.length, 1);
  assert.ok(w.tensions[0].priority, "a priority chosen");

  // Concretiseren: meaning and one implication for the first principle, then the next.
  await step("Concretiseren");
  await k.tabTo((f) => f.tag === "textarea" || f.tag === "input" && /^Wat bedoelen we/.test(f.name));
  const meaningField = await focused(page);
  await k.type("Inwoners houden zelf de regie, met hulp als het nodig is.");
  await k.tabTo((f) => /Aanbod en activiteiten/.test(f.name));
  await k.type("Vrij toegankelijke hulp in de wijk.");
  await k.press("Tab");
  await k.tabTo(byName(/^Volgende/));
  await k.press("Enter");
  await page.waitForTimeout(200);
  await shot(page, "a11y-kbd-05-concretise");
  w = (await saved(page)).workshop;
  assert.equal(w.principles[0].text.meaning, "Inwoners houden zelf de regie, met hulp als het nodig is.", `typed in ${meaningField.id}`);
  assert.equal(w.principles[0].text.offer, "Vrij toegankelijke hulp in de wijk.");

  // Charter: finalise with a reason (three principles), download the Markdown.
  await step("Charter");
  await k.tabTo(byId("ld-reason"));
  await k.type("Wij beginnen met drie en breiden na een jaar uit.");
  await k.tabTo(byName(/^Toch afronden/));
  await k.press("Enter");
  await page.locator(".ld-finalised").waitFor();
  await k.tabTo(byName(/^Download Markdown$/), { back: true });
  const [dl] = await Promise.all([page.waitForEvent("download"), k.press("Enter")]);
  const md = path.join(OUT, "a11y-keyboard.md");
  await dl.saveAs(md);
  assert.match(fs.readFileSync(md, "utf8"), /Wij beginnen met drie/);
  await shot(page, "a11y-kbd-06-charter");
  w = (await saved(page)).workshop;
  assert.ok(w.finalised, "the set is finalised");

  // Menus open and close by keyboard: "Dit apparaat".
  await k.tabTo((f) => f.tag === "summary" && f.name === "Dit apparaat", { back: true });
  await k.press("Enter");
  assert.equal(await page.locator(".ld-device").evaluate((d) => d.open), true);
  await k.press("Enter");

  console.log(`keyboard: ${k.stops.length} focus stops, ${new Set(k.problems).size} without visible focus; notes: ${[...new Set(k.notes)].join("; ")}`);
  assert.deepEqual([...new Set(k.problems)], [], "focus stops without a visible indicator");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("Tab order passes every control once, in a sensible order, with visible focus (collect and cluster)", async () => {
  const page = await openPage(env, { storage: rich() });
  const results = {};
  for (const [slug, nl] of [["collect", "Verzamelen"], ["cluster", "Clusteren"], ["reduce", "Kiezen"], ["charter", "Charter"]]) {
    await goPhase(page, nl);
    await page.locator("body").click({ position: { x: 1, y: 1 } });
    const k = keyboard(page);
    const seen = [];
    for (let i = 0; i < 400; i++) {
      const f = await k.press("Tab");
      if (f.none || !f.inApp) break;
      seen.push(f);
    }
    results[slug] = { stops: seen.length, problems: [...new Set(k.problems)] };
  }
  console.log(`tab stops per phase: ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.stops])))}`);
  const problems = Object.entries(results).flatMap(([p, r]) => r.problems.map((x) => `${p}: ${x}`));
  assert.deepEqual(problems, []);
  await page.context().close();
});

/** Every step the header offers (also ones added later), by position: yields each phase's slug. */
async function* everyStep(page) {
  const n = await page.getByRole("navigation").first().getByRole("button").count();
  for (let i = 0; i < n; i++) {
    await page.getByRole("navigation").first().getByRole("button").nth(i).click();
    await page.waitForSelector(".leidraad .ld-phase");
    yield await page.locator(".leidraad").getAttribute("data-phase");
  }
}

// ---------------------------------------------------------------------------------------------
const axeReport = {};

for (const lang of ["nl", "en"]) {
  test(`axe-core finds no violations on any phase, with menus and warnings open (${lang})`, async () => {
    const page = await openPage(env, { storage: rich() });
    if (lang === "en") {
      await page.getByRole("button", { name: "Switch to English" }).click();
      await page.locator(".leidraad[lang=en]").waitFor();
    }
    const all = [];
    for await (const slug of everyStep(page)) {
      let v = await axe(page);
      // Each menu open, one at a time as a user opens them, and checked as a whole: what opens
      // is new on screen (the rest was checked above). An open menu floats over the page and
      // may cover part of a link under it until it closes, which is how a menu works.
      const menus = page.locator(".leidraad details");
      for (const d of await menus.all()) {
        await d.evaluate((el) => { el.open = true; el.setAttribute("data-axe-open", ""); });
        const name = (await d.locator("summary").first().textContent()).trim();
        v = v.concat((await axe(page, "details[data-axe-open]")).map((x) => `(menu "${name}" open) ${x}`));
        await d.evaluate((el) => { el.open = false; el.removeAttribute("data-axe-open"); });
      }
      axeReport[`${slug}-${lang}`] = v.length;
      all.push(...v.map((x) => `${slug}: ${x}`));
      await shot(page, `a11y-axe-${slug}-${lang}`);
    }
    // Warnings: storage failed (quota).
    // Every write fails, in IndexedDB (the autosave) and in local storage (its fallback).
    await page.evaluate(() => {
      const full = function () { throw new DOMException("full", "QuotaExceededError"); };
      Storage.prototype.setItem = full;
      IDBObjectStore.prototype.put = full;
    });
    await goPhase(page, lang === "nl" ? "Voorbereiden" : "Set up");
    await page.locator("#ld-facilitator").fill("Iemand anders");
    await page.locator("#ld-facilitator").press("Tab");
    await page.locator(".ld-banner[role=alert]").waitFor();
    all.push(...(await axe(page)).map((x) => `storage warning: ${x}`));
    console.log(`axe ${lang}: ${JSON.stringify(Object.fromEntries(Object.entries(axeReport).filter(([k]) => k.endsWith(lang))))}`);
    assert.deepEqual(all, [], `axe violations (${lang}):\n${all.join("\n")}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

// ---------------------------------------------------------------------------------------------
/** Horizontal overflow of the page, and the app elements that stick out to the right. */
function overflow(page) {
  return page.evaluate(() => {
    const de = document.documentElement;
    const wide = [...document.querySelectorAll(".leidraad *")].filter((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest(".ld-visually-hidden, .ld-skip")) return false;
      // Inside a scroll container of its own (e.g. the A4 preview) is fine.
      for (let p = el.parentElement; p && !p.classList.contains("leidraad"); p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden") return false;
      }
      return r.right > innerWidth + 1;
    }).map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: de.scrollWidth, innerWidth, wide: [...new Set(wide)].slice(0, 8) };
  });
}

for (const [label, viewport, dsf] of [["320px", { width: 320, height: 640 }, 1], ["200pct-zoom", { width: 640, height: 450 }, 2]]) {
  test(`reflow at ${label}: no horizontal scrolling on any phase, in both languages`, async () => {
    const context = await env.browser.newContext({ viewport, deviceScaleFactor: dsf });
    await seedStorage(context, rich());
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(env.url);
    await page.waitForSelector(".leidraad .ld-header");
    const bad = [];
    for (const lang of ["nl", "en"]) {
      if (lang === "en") await page.getByRole("button", { name: "Switch to English" }).click();
      for await (const slug of everyStep(page)) {
        for (const d of await page.locator(".leidraad details").all()) await d.evaluate((el) => { el.open = false; });
        const o = await overflow(page);
        if (o.scrollWidth > o.innerWidth) bad.push(`${slug} (${lang}): page ${o.scrollWidth} px wide in ${o.innerWidth} px; sticking out: ${o.wide.join(", ")}`);
        if (lang === "nl" || slug === "cluster") await shot(page, `a11y-reflow-${label}-${slug}-${lang}`);
      }
    }
    // The header menus, opened, also fit.
    for (const sel of [".ld-facilitate", ".ld-file-menu", ".ld-device"]) {
      await page.locator(`${sel} summary`).click();
      const o = await overflow(page);
      if (o.scrollWidth > o.innerWidth) bad.push(`${sel} open: page ${o.scrollWidth} px wide; sticking out: ${o.wide.join(", ")}`);
      await shot(page, `a11y-reflow-${label}-menu-${sel.slice(1)}`);
      await page.locator(`${sel} summary`).click();
    }
    assert.deepEqual(bad, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// ---------------------------------------------------------------------------------------------
/** Every visible target in the app smaller than 24 x 24 CSS px that also fails the WCAG 2.5.8
 *  spacing exception (a 24 px circle on its centre touches another target or its circle). */
function smallTargets(page) {
  return page.evaluate(() => {
    const sel = ".leidraad button, .leidraad a[href], .leidraad input, .leidraad select, .leidraad textarea, .leidraad summary, .leidraad [role=button], .leidraad label.ld-button";
    const rectOf = (el) => {
      let r = el.getBoundingClientRect();
      // A checkbox or radio is also hit through its label; the union is the target.
      if ((el.type === "checkbox" || el.type === "radio") && el.labels?.length) {
        const rs = [r, ...[...el.labels].map((l) => l.getBoundingClientRect())].filter((x) => x.width > 0);
        const left = Math.min(...rs.map((x) => x.left)), top = Math.min(...rs.map((x) => x.top));
        const right = Math.max(...rs.map((x) => x.right)), bottom = Math.max(...rs.map((x) => x.bottom));
        // Only when the label touches the box (no gap bigger than 8 px).
        if (rs.every((x) => x === r || Math.abs(x.left - r.right) < 8 || Math.abs(x.top - r.bottom) < 8 || (x.left <= r.left && x.right >= r.right))) r = { left, top, right, bottom, width: right - left, height: bottom - top };
      }
      return r;
    };
    const targets = [...document.querySelectorAll(sel)].filter((el) => {
      if (el.closest(".ld-skip") || el.matches(".ld-skip")) return false;
      if (el.matches(".ld-visually-hidden") || el.type === "hidden") return false;
      if (el.disabled) return false;
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      // Under an open header menu (they float over the page) a control cannot be hit at all.
      const hit = r.width > 0 && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const underMenu = hit && !el.contains(hit) && hit.closest(".ld-tools details[open]") && !el.closest(".ld-tools details[open]");
      return r.width > 0 && r.height > 0 && cs.visibility !== "hidden" && !el.closest("[hidden], details:not([open]) > :not(summary)") && !underMenu;
    }).map((el) => ({ el, r: rectOf(el) }));
    const dist = (cx, cy, r) => Math.hypot(Math.max(r.left - cx, 0, cx - r.right), Math.max(r.top - cy, 0, cy - r.bottom));
    const out = [];
    const spaced = [];
    for (const t of targets) {
      if (t.r.width >= 24 && t.r.height >= 24) continue;
      const cx = (t.r.left + t.r.right) / 2, cy = (t.r.top + t.r.bottom) / 2;
      const clash = targets.find((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && (
        dist(cx, cy, o.r) < 12 ||
        ((o.r.width < 24 || o.r.height < 24) && Math.hypot(cx - (o.r.left + o.r.right) / 2, cy - (o.r.top + o.r.bottom) / 2) < 24)));
      const e = t.el;
      const name = (e.getAttribute("aria-label") || e.textContent || e.value || e.id || "").replace(/\s+/g, " ").trim().slice(0, 50);
      const desc = `${e.tagName.toLowerCase()}${e.type && e.tagName === "INPUT" ? `[${e.type}]` : ""}.${String(e.className).split(" ").filter(Boolean).join(".")} "${name}" ${Math.round(t.r.width)}x${Math.round(t.r.height)}`;
      if (!clash) { spaced.push(desc); continue; }
      out.push(`${desc} (too close to ${o2s(clash.el)})`);
    }
    function o2s(e) { return `${e.tagName.toLowerCase()} "${(e.getAttribute("aria-label") || e.textContent || e.id || "").replace(/\s+/g, " ").trim().slice(0, 30)}"`; }
    return { count: targets.length, small: out, spaced };
  });
}

for (const [label, opts] of [["desktop 1280 px", { viewport: { width: 1280, height: 900 } }], ["touch 320 px", { viewport: { width: 320, height: 640 }, hasTouch: true }]]) {
  test(`touch targets are at least 24 x 24 CSS px or spaced per WCAG 2.5.8 (${label})`, async () => {
    const page = await openPage(env, { storage: rich(), ...opts });
    const bad = [];
    let counted = 0;
    const spacedAll = [];
    for await (const slug of everyStep(page)) {
      for (const menusOpen of [false, true]) {
        for (const d of await page.locator(".leidraad details").all()) await d.evaluate((el, o) => { el.open = o; }, menusOpen);
        const { count, small, spaced } = await smallTargets(page);
        counted += count;
        spacedAll.push(...spaced.map((x) => `${slug}: ${x}`));
        bad.push(...small.map((s) => `${slug}${menusOpen ? " (menus open)" : ""}: ${s}`));
      }
      // Closed again: the header's menus float over the page, the step bar too.
      for (const d of await page.locator(".leidraad details").all()) await d.evaluate((el) => { el.open = false; });
    }
    const unique = [...new Set(bad)];
    const spacedU = [...new Set(spacedAll)];
    console.log(`targets checked (${label}): ${counted}; under 24 px but spaced enough: ${spacedU.length}${spacedU.length ? " (" + spacedU.join("; ") + ")" : ""}; too small and too close: ${unique.length}${unique.length ? "\n" + unique.join("\n") : ""}`);
    assert.deepEqual(unique, []);
    await page.context().close();
  });
}

// ---------------------------------------------------------------------------------------------
/** Where the header ends and the step's content starts, and whether the page scrolls sideways. */
function headerLayout(page) {
  return page.evaluate(() => {
    const h = document.querySelector(".ld-header").getBoundingClientRect();
    const heading = document.querySelector(".ld-main h2").getBoundingClientRect();
    const main = document.querySelector(".ld-main").getBoundingClientRect();
    return { header: Math.round(h.height), headingBottom: Math.round(heading.bottom), mainTop: Math.round(main.top + scrollY) };
  });
}

for (const [label, viewport, maxHeader] of [["1280 px", { width: 1280, height: 800 }, 130], ["a phone, 390 x 844", { width: 390, height: 844 }, 281]]) {
  test(`the header at ${label}: compact, the step's content in the upper half of the first screen, menus float over the page`, async () => {
    const page = await openPage(env, { viewport, storage: rich() });
    const bad = [];
    const seen = [];
    for (const lang of ["nl", "en"]) {
      if (lang === "en") await header(page).toEnglish();
      for await (const slug of everyStep(page)) {
        const m = await headerLayout(page);
        seen.push(`${slug}-${lang}: header ${m.header} px, heading ends at ${m.headingBottom} px`);
        // At most two rows at 1280 px (title and tools, then the steps); a third of a phone's screen.
        if (m.header > maxHeader) bad.push(`${slug} (${lang}): header ${m.header} px > ${maxHeader} px`);
        if (m.headingBottom > viewport.height / 2) bad.push(`${slug} (${lang}): the step's heading ends at ${m.headingBottom} px, below half the screen`);
      }
      if (lang === "nl") await shot(page, `a11y-header-${viewport.width}-nl`);
    }
    console.log(`header at ${label}:\n${seen.join("\n")}`);
    assert.deepEqual(bad, []);

    // Each menu of the header floats: opening it does not move the page; it stays on screen;
    // Escape closes it and puts focus back on its button.
    await goPhase(page, "Cluster");
    for (const sel of [".ld-facilitate", ".ld-file-menu", ".ld-device"]) {
      const menu = page.locator(`.ld-header ${sel}`);
      const before = (await headerLayout(page)).mainTop;
      await menu.locator("summary").focus();
      await page.keyboard.press("Enter");
      assert.equal(await menu.evaluate((d) => d.open), true, `${sel} opens by keyboard`);
      assert.equal((await headerLayout(page)).mainTop, before, `${sel}: opening the menu moved the page`);
      const box = await menu.locator(":scope > :not(summary)").boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `${sel}: panel ${Math.round(box.x)}..${Math.round(box.x + box.width)} px within ${viewport.width} px`);
      await shot(page, `a11y-header-${viewport.width}-menu-${sel.slice(4)}-en`);
      await page.keyboard.press("Escape");
      assert.equal(await menu.evaluate((d) => d.open), false, `${sel} closes on Escape`);
      assert.equal(await page.evaluate((s) => document.activeElement === document.querySelector(`.ld-header ${s} > summary`), sel), true, `${sel}: focus back on its button`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test("on a phone the charter preview is the whole A4 page scaled to the screen's width, not a sideways scroll", async () => {
  const phone = await openPage(env, { viewport: { width: 390, height: 844 }, storage: rich() });
  await goPhase(phone, "Charter");
  const m = await phone.evaluate(() => {
    const wrap = document.querySelector(".ld-sheet-wrap");
    const sheet = document.querySelector(".ld-sheet").getBoundingClientRect();
    return { wrap: wrap.clientWidth, scroll: wrap.scrollWidth, sheet: Math.round(sheet.width), ratio: sheet.height / sheet.width, density: document.querySelector(".ld-sheet").dataset.density };
  });
  assert.ok(m.scroll <= m.wrap + 1, `the preview scrolls sideways: ${m.scroll} px in ${m.wrap} px`);
  assert.ok(m.sheet <= m.wrap && m.sheet >= m.wrap - 2, `the sheet (${m.sheet} px) fills the width (${m.wrap} px)`);
  assert.ok(Math.abs(m.ratio - 297 / 210) < 0.01, `still A4 in proportion (${m.ratio.toFixed(3)})`);
  await shot(phone, "a11y-charter-phone-nl");
  // The same sheet as on a wide screen: scaling does not change how its text is fitted.
  const wide = await openPage(env, { storage: rich() });
  await goPhase(wide, "Charter");
  assert.equal(await wide.locator(".ld-sheet").getAttribute("data-density"), m.density);
  assert.deepEqual(phone.problems, []);
  await phone.context().close();
  await wide.context().close();
});
