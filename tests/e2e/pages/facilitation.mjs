// For the facilitator, on every step: the lock of a step, the timer per step and the
// projector window.

/** The facilitator's controls in `page` (Dutch labels). */
export function facilitation(page) {
  return {
    lockButton: page.getByRole("button", { name: "Vergrendel deze stap" }),
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
    start: () => page.getByRole("button", { name: "Start", exact: true }).click(),
    /** Opens the projector window; resolves to its page. */
    async openProjector() {
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
}
