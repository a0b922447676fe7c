// Starts Leidraad's after-the-charter page (yardstick, congruence, doorfluister-check, versions).
// A separate file (not an inline script), so the page works under a strict
// Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
import init from "./leidraad-after.js";

const here = new URL(".", import.meta.url);
init({ module_or_path: new URL("leidraad-after_bg.wasm", here) }).catch((error) => {
  const root = document.getElementById("leidraad") || document.body;
  const p = document.createElement("p");
  p.className = "ld-crash";
  p.setAttribute("role", "alert");
  p.textContent =
    "Leidraad kan niet starten in deze browser. / Leidraad cannot start in this browser.";
  root.prepend(p);
  console.error(error);
});
