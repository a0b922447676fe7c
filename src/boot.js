// Starts Leidraad. A separate file (not an inline script), so the page works under a strict
// Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
// `boot.js` starts the workshop; `boot.js?app=after` the after-the-charter page (after.html):
// page `name` is `leidraad-name.js` + `leidraad-name_bg.wasm` (see scripts/build.sh).
// The workshop page has a second build with the live room in it (`leidraad-room`, see
// src/bin/room.rs). It is started only on a page the room's server sent (its mount element has
// `data-live`) that leads or joins a room: going live was just asked for in this tab, a room is
// kept on this device (a reload while live), or the address holds a table link. Everyone else
// loads the workshop page without any of the room's code.
const here = new URL(".", import.meta.url);
const page = new URL(import.meta.url).searchParams.get("app");
// The projector view (the workshop page's address with ?leidraad=projector) is a build of its own.
const app = page && /^[a-z]+$/.test(page)
  ? `leidraad-${page}`
  : projector() ? "leidraad-projector" : inRoom() ? "leidraad-room" : "leidraad";

function projector() {
  return new URLSearchParams(location.search).get("leidraad") === "projector";
}

function inRoom() {
  try {
    if (!document.getElementById("leidraad")?.hasAttribute("data-live")) return false;
    return (
      sessionStorage.getItem("leidraad.live.go") !== null ||
      localStorage.getItem("leidraad.live.host") !== null ||
      localStorage.getItem("leidraad.live.table") !== null ||
      location.hash.startsWith("#table=")
    );
  } catch {
    return false; // storage switched off: no room can be kept, so none to go back to
  }
}

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
