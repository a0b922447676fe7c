// Ctrl+Z inside a text field: while the field holds typing not yet committed, the field's own
// undo takes it; otherwise the workshop's undo does. The browser's page-wide text undo never
// reverts another field on screen, and what the screen shows is what is saved.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, setup, saved, settled } from "./lib.mjs";

const env = appServer();

test("Ctrl+Z in a text field undoes its own typing first, then the workshop, and the screen matches what is saved", async () => {
  const page = await openPage(env);
  const s = setup(page);
  const organisation = page.getByLabel(/^Organisatie/);
  await s.setTitle("Eerste titel");
  await s.setOrganisation("Gemeente Oost");
  await saved(page, (f) => f.workshop.setup.organisation === "Gemeente Oost");

  // In the title field, nothing typed yet: Ctrl+Z undoes the workshop's last change (the
  // organisation), on screen and in what is saved; the title stays.
  await s.title.click();
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => document.querySelector("#ld-org")?.value === "");
  let file = await saved(page, (f) => f.workshop.setup.organisation === "");
  assert.equal(file.workshop.setup.title, "Eerste titel");
  assert.equal(await s.title.inputValue(), "Eerste titel");
  assert.equal(await organisation.inputValue(), "");

  // Typing in the title, not yet committed: Ctrl+Z takes back the typing in the field only.
  await s.title.press("End");
  await page.keyboard.type("!");
  assert.equal(await s.title.inputValue(), "Eerste titel!");
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => document.activeElement?.value === "Eerste titel");
  assert.equal(await organisation.inputValue(), "", "another field is not touched");
  file = JSON.parse(await settled(page));
  assert.equal(file.workshop.setup.title, "Eerste titel");
  assert.equal(file.workshop.setup.organisation, "");

  // Back at what is committed: the next Ctrl+Z is the workshop's again (the title).
  await page.keyboard.press("Control+z");
  file = await saved(page, (f) => f.workshop.setup.title === "");
  await page.waitForFunction(() => document.activeElement?.value === "");
  assert.equal(await organisation.inputValue(), "");
  // And redo brings it back, on screen and saved.
  await page.keyboard.press("Control+Shift+z");
  await saved(page, (f) => f.workshop.setup.title === "Eerste titel");
  await page.waitForFunction(() => document.activeElement?.value === "Eerste titel");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
