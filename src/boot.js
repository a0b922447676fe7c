// Starts Leidraad. A separate file (not an inline script), so the page works under a strict
// Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
// `boot.js` starts the workshop; `boot.js?app=after` the after-the-charter page (after.html):
// page `name` is `leidraad-name.js` + `leidraad-name_bg.wasm` (see scripts/build.sh).
const here = new URL(".", import.meta.url);
const page = new URL(import.meta.url).searchParams.get("app");
const app = page && /^[a-z]+$/.test(page) ? `leidraad-${page}` : "leidraad";

import(new URL(`${app}.js`, here).href)
  .then((glue) => glue.default({ module_or_path: new URL(`${app}_bg.wasm`, here) }))
  .catch((error) => {
    const root = document.getElementById("leidraad") || document.body;
    const p = document.createElement("p");
    p.className = "ld-crash";
    p.setAttribute("role", "alert");
    p.textContent =
      "Leidraad kan niet starten in deze browser. / Leidraad cannot start in this browser.";
    root.prepend(p);
    console.error(error);
  });
