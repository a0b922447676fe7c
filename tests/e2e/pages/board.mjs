// Step 3, Clusteren (the cluster board): named columns of cards. Cards move by keyboard (grip,
// Enter, arrows, Enter), by mouse or touch drag, or by ticking them and "Verplaats naar".

/** The cluster board in `page`. Column headings may be in Dutch or English. */
export function board(page) {
  const column = (heading) => page.locator(".ld-column", { has: page.locator("h3", { hasText: heading }) });
  const live = () => page.locator(".ld-live").textContent();
  return {
    column,
    /** The texts of the cards in a column, by its heading. */
    cards: (heading) => column(heading).locator(".ld-board-card .ld-card-text").allTextContents(),
    /** Waits until a column with this heading is there (or, with `gone`, no longer there). */
    async heading(name, { gone = false } = {}) {
      if (!gone) return page.locator(".ld-column h3", { hasText: name }).waitFor();
      return page.waitForFunction((n) => ![...document.querySelectorAll(".ld-column h3")].some((h) => h.textContent === n), name);
    },
    /** Makes a cluster with this name and waits for its column. */
    async createCluster(name, { label = "Naam voor een nieuw cluster", button = "Cluster maken" } = {}) {
      await page.getByLabel(label).fill(name);
      await page.getByRole("button", { name: button }).click();
      await page.locator(".ld-column h3", { hasText: name }).waitFor();
    },
    /** Carries a card by keyboard: its grip, Enter, ArrowRight until the live region names the
     *  column, Enter; waits until the move is announced. */
    async carry(cardText, heading) {
      await page.getByRole("button", { name: new RegExp(`^[^:]+: ${cardText}`) }).focus();
      await page.keyboard.press("Enter");
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press("ArrowRight");
        const said = await live();
        if (said.startsWith(heading) || said.includes(` ${heading} (`) || said.includes(`${heading} (`)) break;
      }
      await page.keyboard.press("Enter");
      await page.waitForFunction((c) => document.querySelector(".ld-live").textContent.includes(c), heading);
    },
    /** Drags a card's text with the mouse onto a column, `dropY` px into it (default: its
     *  middle), in small steps as a hand would. */
    async drag(cardText, heading, { dropY, scroll = false } = {}) {
      const card = page.locator(".ld-board-card", { hasText: cardText }).locator(".ld-card-text");
      if (scroll) await card.scrollIntoViewIfNeeded();
      const a = await card.boundingBox(); const b = await column(heading).boundingBox();
      await page.mouse.move(a.x + 10, a.y + 5);
      await page.mouse.down();
      await page.mouse.move(a.x + 30, a.y + 20, { steps: 3 });
      await page.mouse.move(b.x + b.width / 2, b.y + (dropY ? dropY(b) : b.height / 2), { steps: 8 });
      await page.mouse.up();
    },
    /** Drags a card by its grip with real touch events (DevTools protocol) onto a column. */
    async touchDrag(gripName, heading) {
      const cdp = await page.context().newCDPSession(page);
      const g = await page.getByRole("button", { name: gripName }).boundingBox();
      const t = await column(heading).boundingBox();
      const touch = (type, x, y) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
      await touch("touchStart", g.x + g.width / 2, g.y + g.height / 2);
      for (let i = 1; i <= 10; i++) {
        await touch("touchMove", g.x + (t.x + t.width / 2 - g.x) * i / 10, g.y + (t.y + t.height / 2 - g.y) * i / 10);
      }
      await touch("touchEnd");
    },
    /** Ticks a card's checkbox (by its accessible name). */
    tick: (name) => page.getByRole("checkbox", { name }).check(),
    /** Moves the ticked cards with "Verplaats naar" to a cluster. */
    async moveTicked(cluster) {
      await page.getByLabel("Verplaats naar").selectOption({ label: cluster });
      await page.getByRole("button", { name: "Verplaats", exact: true }).click();
    },
    /** Opens a column's menu ("details") and returns it. */
    async menu(heading) {
      const menu = column(heading).locator("details");
      await menu.locator("summary").click();
      return menu;
    },
  };
}
