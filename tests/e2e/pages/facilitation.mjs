// For the facilitator, on every step: the "Begeleiden" menu in the header (the timer's
// controls, the projector, locking the step), the countdown beside it, and the bar above a
// locked step.

/** The facilitator's controls in `page` (Dutch labels). */
export function facilitation(page) {
  const menu = page.locator(".ld-header .ld-facilitate");
  const fac = {
    menu,
    /** Opens the "Begeleiden" menu if it is closed. */
    async open() {
      if (!(await menu.evaluate((d) => d.open))) await menu.locator("summary").click();
    },
    /** In the menu: locks the step on screen. */
    lockButton: page.getByRole("button", { name: "Vergrendel deze stap" }),
    /** Above a locked step. */
    unlockButton: page.getByRole("button", { name: "Ontgrendel deze stap" }),
    lockbar: page.locator(".ld-lockbar-locked"),
    /** The locked step's controls (a disabled group) and the reason that describes them. */
    lockedArea: page.locator("fieldset.ld-lockable"),
    async lockedReason() {
      const id = await page.locator("fieldset.ld-lockable[disabled]").getAttribute("aria-describedby");
      return page.locator(`#${id}`);
    },
    /** The countdown in the header. */
    clock: page.locator(".ld-header .ld-countdown-clock"),
    countdown: page.locator(".ld-header .ld-countdown"),
    /** Clicks a button of the menu (opening it first): "Start", "Pauze", "Vergrendel deze stap"... */
    async press(name) {
      await fac.open();
      await menu.getByRole("button", { name, exact: true }).click();
    },
    start: () => fac.press("Start"),
    /** Opens the projector window; resolves to its page. */
    async openProjector() {
      await fac.open();
      const [proj] = await Promise.all([
        page.context().waitForEvent("page"),
        page.getByRole("button", { name: "Open het projectiescherm in een nieuw venster" }).click(),
      ]);
      proj.problems = [];
      proj.on("pageerror", (e) => proj.problems.push(`pageerror: ${e.message}`));
      await proj.waitForLoadState();
      return proj;
    },
  };
  return fac;
}
