// Step 1, Voorbereiden (set up): title, organisation, outcomes and groups, typed in by a
// facilitator; the screen in Dutch and English without axe violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, noViolations, header, setup } from "./lib.mjs";

const env = appServer();

test("a facilitator sets up the session: title, organisation, an outcome and a group, in Dutch and English", async () => {
  const page = await openPage(env);
  const s = setup(page);
  await s.setTitle("Leidende principes Sociaal Domein");
  await s.setOrganisation("Gemeente Voorbeeld");
  await s.addOutcome("Inwoners doen mee naar vermogen");
  await s.addGroup("Jongerenraad");
  await shot(page, "setup-nl");
  await noViolations(page, "setup");

  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("heading", { name: "Set up", level: 2 }).waitFor();
  await header(page).step("Set up");
  await noViolations(page, "setup (en)");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
