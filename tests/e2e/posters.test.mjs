// What goes home besides the charter, on the after-the-charter page: a poster per principle,
// printed all at once (one per page, each title on its own page) and downloaded each as SVG
// with what was typed kept as text; the set in plain words for residents, printed and as
// Markdown.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { appServer, openPage, shot, workshopFile, OUT, noViolations, afterCharter, pdfInfo, workshops } from "./lib.mjs";

const env = appServer();

/** Eight principles at every limit, with one hostile title and an unbroken 200-character why. */
function eight() {
  const w = workshops.full(8);
  w.principles.forEach((p, i) => { p.title = `Principe ${i + 1}: ${p.title}`.slice(0, 60); });
  w.principles[2].title = `<img src=x onerror=alert(1)> & "dichtbij"`;
  w.principles[3].text.assumption = "Zorg".repeat(50);
  return w;
}

test("a poster per principle: printed one per page with its title, and each downloaded as SVG", async () => {
  const w = eight();
  const page = await openPage(env, { storage: workshopFile(w) });
  const { open, tab, downloadBy } = afterCharter(page);
  await open();
  await tab("Posters");
  await page.locator(".ld-poster").first().waitFor();
  assert.equal(await page.locator(".ld-poster").count(), 8);
  await noViolations(page, "posters");
  await shot(page, "posters-nl");
  const file = path.join(OUT, "posters.pdf");
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const info = pdfInfo(file);
  console.log(`posters: ${info.pages} pages for ${w.principles.length} principles (${info.size})`);
  assert.equal(info.pages, 8, "one page per poster");
  assert.match(info.size, /^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  for (let i = 0; i < 8; i++) {
    const text = execFileSync("pdftotext", ["-f", `${i + 1}`, "-l", `${i + 1}`, file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const title = w.principles[i].title.replace(/\s+/g, " ");
    assert.ok(text.includes(title.slice(0, 12)), `page ${i + 1} has its title: ${title}`);
    assert.ok(text.includes("Waarom doen we dit?"), `page ${i + 1} says why`);
  }
  // The hostile title stays text, in the page and in the SVG.
  assert.equal(await page.locator(".ld-poster img").count(), 0);
  const svg = await downloadBy("Download poster 3 (SVG)");
  assert.match(svg.name, /^poster-3-.*\.svg$/);
  assert.ok(svg.text.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  assert.ok(svg.text.includes("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;dichtbij&quot;"));
  assert.ok(!svg.text.includes("<img"));
  // The SVG opens as an image in the browser (well-formed), at A4's proportions.
  const size = await page.evaluate(async (text) => {
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, svg.text);
  assert.ok(Math.abs(size[1] / size[0] - 297 / 210) < 0.01, `A4 proportions: ${size}`);
  // Nothing spills off a poster: the unbroken why stays inside it.
  const spill = await page.evaluate(() => [...document.querySelectorAll(".ld-poster")].flatMap((poster) => {
    const box = poster.getBoundingClientRect();
    return [...poster.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > box.right + 0.5).map((e) => e.className);
  }));
  assert.deepEqual(spill, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("posters on A3 for the wall: chosen by keyboard, one per page, every page A3 with its title", async () => {
  const w = eight();
  const page = await openPage(env, { storage: workshopFile(w) });
  const { open, tab } = afterCharter(page);
  await open();
  await tab("Posters");
  await page.locator(".ld-poster").first().waitFor();
  // A4 is the default; A3 is chosen with the keyboard (arrow key in the radio group).
  const a4 = page.getByRole("radio", { name: "A4" });
  assert.ok(await a4.isChecked());
  await a4.focus();
  await page.keyboard.press("ArrowDown");
  assert.ok(await page.getByRole("radio", { name: "A3 (groter, voor aan de muur)" }).isChecked());
  await noViolations(page, "posters-a3");
  await shot(page, "posters-a3-nl");
  const file = path.join(OUT, "posters-a3.pdf");
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const info = pdfInfo(file);
  console.log(`posters on A3: ${info.pages} pages for ${w.principles.length} principles (${info.size})`);
  assert.equal(info.pages, 8, "one A3 page per poster");
  const sizes = execFileSync("pdfinfo", ["-f", "1", "-l", "8", file], { encoding: "utf8" }).match(/Page +\d+ size: +.*/g);
  assert.equal(sizes.length, 8);
  for (const size of sizes) assert.match(size, /841\.\d+ x 119[01]\.\d+ pts \(A3\)/, size);
  for (let i = 0; i < 8; i++) {
    const text = execFileSync("pdftotext", ["-f", `${i + 1}`, "-l", `${i + 1}`, file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    assert.ok(text.includes(w.principles[i].title.replace(/\s+/g, " ").slice(0, 12)), `page ${i + 1} has its title`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the set in plain words for residents: printed and as Markdown, without the method's words", async () => {
  const w = workshops.fivePrinciples();
  const page = await openPage(env, { storage: workshopFile(w) });
  const { open, tab, downloadBy } = afterCharter(page);
  await open();
  await tab("Voor inwoners");
  await page.locator(".ld-residents").waitFor();
  assert.equal(await page.locator(".ld-residents ol > li").count(), 5);
  await noViolations(page, "residents");
  await shot(page, "residents-nl");
  const md = await downloadBy("Download Markdown");
  assert.match(md.name, /^inwoners-.*\.md$/);
  for (const p of w.principles) assert.ok(md.text.includes(p.title), p.title);
  assert.doesNotMatch(md.text.toLowerCase(), /beleidstheorie|transformatiedoel|maatschappelijk resultaat|congruentie/);
  const file = path.join(OUT, "residents.pdf");
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
  assert.match(text, /Wat bedoelen we\?/);
  assert.doesNotMatch(text, /Meetlat|Afdrukken/, "only the text, not the page's controls");
  console.log(`residents: ${pdfInfo(file).pages} page(s)`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
