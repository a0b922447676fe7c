// Splits a page's wasm in two (scripts/build.sh, workshop page): the first part holds what the
// page needs to start and show its first screen (the header, the step bar, Voorbereiden, the
// domain, the file reader, Yew); the later part holds the views a first visit does not show yet
// (the other steps, the library, the suggestions, the merge panel, the charter and its exports).
// The glue (patchGlue below) fetches the later part right after the page has started, in the
// background, so by the time someone opens another step it is there. Nothing depends on the
// choice being right: a function of the later part called before that part has arrived makes
// the glue fetch it there and then (synchronously), and the call goes on.
//
// The cut itself is Binaryen's wasm-split (scripts/setup.sh installs it): each function named in
// the list moves to the later module, and in the first module its calls go through the function
// table, whose slot holds a stand-in (an import "placeholder" named after the slot) until the
// later module is instantiated and writes the real function into the slot.
//
// Which functions move: those whose name matches scripts/split-later.txt (chooseLater below).
// The names are those of the build with `scripts/cargo-wasm.sh --split`: Rust's v0 names, which
// include the generic types (a Yew component's `view` is named after the component), and no
// function standing in for an identical one under another's name.
//
// Usage: node scripts/split-wasm.mjs IN.wasm FIRST.wasm LATER.wasm   (IN: wasm-bindgen's output,
// with its name section)
//        node scripts/split-wasm.mjs --glue GLUE.js LATER_FILE_NAME
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { pathToFileURL, fileURLToPath } from "node:url";
import { leb, sections, skipLimits } from "./wasm-bytes.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Names of the functions the module defines (not its imports), from its name section. */
export function definedFunctionNames(bytes) {
  const decoder = new TextDecoder();
  let imported = 0;
  const names = new Map();
  for (const [id, start, end] of sections(bytes)) {
    if (id === 2) {
      let at = start, count;
      [count, at] = leb(bytes, at);
      for (let i = 0; i < count; i++) {
        let len;
        [len, at] = leb(bytes, at); at += len; // module
        [len, at] = leb(bytes, at); at += len; // field
        const kind = bytes[at++];
        if (kind === 0) { imported++; [, at] = leb(bytes, at); }
        else if (kind === 1) at = skipLimits(bytes, at + 1); // table: its type, then limits
        else if (kind === 2) at = skipLimits(bytes, at); // memory
        else if (kind === 3) { at += 2; }
        else if (kind === 4) { at++; [, at] = leb(bytes, at); }
        else throw new Error(`unknown import kind ${kind}`);
      }
    }
    if (id === 0) {
      let at = start, len;
      [len, at] = leb(bytes, at);
      if (decoder.decode(bytes.subarray(at, at + len)) !== "name") continue;
      at += len;
      while (at < end) {
        const sub = bytes[at++];
        let size;
        [size, at] = leb(bytes, at);
        if (sub === 1) {
          let p = at, count;
          [count, p] = leb(bytes, p);
          for (let i = 0; i < count; i++) {
            let index, n;
            [index, p] = leb(bytes, p);
            [n, p] = leb(bytes, p);
            names.set(index, decoder.decode(bytes.subarray(p, p + n)));
            p += n;
          }
        }
        at += size;
      }
    }
  }
  if (names.size === 0) throw new Error("the wasm has no function names (wasm-bindgen's output is needed)");
  return [...names].filter(([index]) => index >= imported).map(([, name]) => name);
}

// Binaryen escapes every byte of a name that may not stand in a text-format identifier.
const ID = new Set([..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&'*+-./:<=>?@^_`|~"].map((c) => c.charCodeAt(0)));
export function binaryenName(name) {
  return [...new TextEncoder().encode(name)].map((b) => (ID.has(b) ? String.fromCharCode(b) : "\\" + b.toString(16).padStart(2, "0"))).join("");
}

/** What a function is about, by its name: for `<T as Trait>::f` or `<T>::f` (and nested, as a closure's
 *  `<<T as Trait>::f::{closure#0} as FnOnce<..>>::call_once`) the type T, else the function's own
 *  path; either without its generic arguments. So `yew::..::inner_fn<.., ui::board::X>` is Yew's
 *  (generic code, which the compiler may share between instances), `<ui::board::Board as
 *  FunctionProvider>::run` the board's. */
export function subject(name) {
  let s = name;
  while (s.startsWith("<")) {
    // `<T as Trait>::f` or `<T>::f` (an inherent method): T.
    let depth = 0, end = -1;
    for (let i = 0; i < s.length; i++) {
      if (s[i] === "<") depth++;
      else if (s[i] === ">" && --depth === 0) { end = i; break; }
      else if (depth === 1 && s.startsWith(" as ", i)) { end = i; break; }
    }
    if (end < 0) break;
    s = s.slice(1, end);
  }
  let out = "", depth = 0;
  for (const c of s) {
    if (c === "<") depth++;
    else if (c === ">") depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

/** The functions to move: those whose name (crate hashes `[0123abcd]` left out) contains one of
 *  the paths, or for a path marked "@" (a module of this crate) whose subject (above) is in it
 *  and which implement no standard trait, and whose name contains none of the paths marked "!"
 *  (those stay). "@" is for the domain's modules whose types are part of every workshop: their
 *  own functions may move, Vec's, drop's or clone's code for those types not. */
export function chooseLater(names, paths) {
  const keep = paths.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
  const own = paths.filter((p) => p.startsWith("@")).map((p) => p.slice(1));
  const move = paths.filter((p) => !p.startsWith("!") && !p.startsWith("@"));
  return names.filter((name) => {
    const plain = name.replace(/\[[0-9a-f]+\]/g, "");
    if (keep.some((p) => plain.includes(p))) return false;
    if (move.some((p) => plain.includes(p))) return true;
    // Not the standard traits' code for the module's types (clone, compare, drop, read,
    // write): a workshop holding them needs it from the start.
    if (/ as (core|alloc|serde_core)::/.test(plain)) return false;
    const about = subject(plain);
    return own.some((p) => about.startsWith(`leidraad::${p}`));
  });
}

// The wasm-split Debian ships (Binaryen 108) predates `table.fill`, which wasm-bindgen writes in
// two places with a count of one (clearing one slot of its table of JS values after a call):
// `ref.null extern; i32.const 1; table.fill T` becomes `ref.null extern; table.set T; nop; nop; nop`,
// the same thing in the same number of bytes. Any other table.fill fails the build.
export function lowerTableFill(bytes) {
  const out = Uint8Array.from(bytes);
  let count = 0;
  for (let i = 0; i + 6 < out.length; i++) {
    if (out[i] === 0xd0 && out[i + 1] === 0x6f && out[i + 2] === 0x41 && out[i + 3] === 0x01 && out[i + 4] === 0xfc && out[i + 5] === 0x11) {
      const table = out[i + 6];
      if (table & 0x80) continue;
      out.set([0xd0, 0x6f, 0x26, table, 0x01, 0x01, 0x01], i);
      count++;
    }
  }
  return [out, count];
}

// Binaryen 108's wasm-split also points the export of wasm-bindgen's table of JS values
// (`__wbindgen_externrefs`, an externref table) at the function table when it adds its own
// export of the latter. This puts it back on the externref table; the later module imports it
// under that name too.
export function fixExternrefExport(bytes) {
  const out = Uint8Array.from(bytes);
  const decoder = new TextDecoder();
  let externref = -1, fixed = 0;
  for (const [id, start] of sections(out)) {
    if (id === 4) {
      let at = start, count;
      [count, at] = leb(out, at);
      for (let i = 0; i < count; i++) {
        if (out[at] === 0x6f && externref < 0) externref = i;
        at = skipLimits(out, at + 1);
      }
    }
    if (id === 7) {
      let at = start, count;
      [count, at] = leb(out, at);
      for (let i = 0; i < count; i++) {
        let len;
        [len, at] = leb(out, at);
        const name = decoder.decode(out.subarray(at, at + len));
        at += len;
        const kind = out[at++];
        if (name === "__wbindgen_externrefs" && kind === 1) {
          if (externref < 0 || externref > 127 || out[at] & 0x80) throw new Error("unexpected table layout after wasm-split");
          if (out[at] !== externref) { out[at] = externref; fixed++; }
        }
        [, at] = leb(out, at);
      }
    }
  }
  if (externref < 0) throw new Error("no externref table after wasm-split");
  return [out, fixed];
}

/** Where scripts/setup.sh put wasm-split, and the environment it runs in. */
function wasmSplit() {
  const dir = process.env.LEIDRAAD_BINARYEN || path.join(root, ".tools", "binaryen");
  const bin = path.join(dir, "usr", "bin", "wasm-split");
  if (!fs.existsSync(bin)) throw new Error(`no wasm-split at ${bin}: run scripts/setup.sh`);
  const lib = path.join(dir, "usr", "lib", "x86_64-linux-gnu");
  return [bin, { ...process.env, LD_LIBRARY_PATH: [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":") }];
}

// The features Rust's wasm32 output uses (its target_features section), as Binaryen 108 names
// them; the outputs declare exactly these, so wasm-opt afterwards adds no others.
const FEATURES = ["--mvp-features", "--enable-bulk-memory", "--enable-multivalue", "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-sign-ext"];

export function split(input, first, later) {
  const paths = fs.readFileSync(path.join(root, "scripts", "split-later.txt"), "utf8")
    .split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const bytes = fs.readFileSync(input);
  const chosen = chooseLater(definedFunctionNames(bytes), paths);
  if (chosen.length === 0) throw new Error("no function matches scripts/split-later.txt (symbol names changed?)");
  const [lowered, fills] = lowerTableFill(bytes);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "leidraad-split-"));
  try {
    const src = path.join(tmp, "in.wasm"), list = path.join(tmp, "later.txt");
    fs.writeFileSync(src, lowered);
    fs.writeFileSync(list, chosen.map(binaryenName).join("\n") + "\n");
    const [bin, env] = wasmSplit();
    // LEIDRAAD_SPLIT_MAP=FILE: which function each stand-in's slot is (to read the slot the
    // page notes in data-leidraad-later-waited when a stand-in was called; see GLUE).
    const map = process.env.LEIDRAAD_SPLIT_MAP ? ["--placeholdermap"] : [];
    const said = execFileSync(bin, [...FEATURES, ...map, "--split-funcs", `@${list}`, src, "-o1", first, "-o2", later],
      { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    if (/not splitting any functions/.test(said)) throw new Error("wasm-split moved nothing");
    const [fixedFirst] = fixExternrefExport(fs.readFileSync(first));
    fs.writeFileSync(first, fixedFirst);
    if (map.length) fs.copyFileSync(`${first}.placeholders`, process.env.LEIDRAAD_SPLIT_MAP), fs.rmSync(`${first}.placeholders`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.error(`[split] ${chosen.length} functions to ${path.basename(later)} (table.fill lowered: ${fills})`);
}

// What the glue gets: the stand-ins for the first module's import "placeholder", and the fetch of
// the later module once the page has started. Instantiating the later module writes its
// functions into the first module's table, so from then on the stand-ins are not called.
const GLUE = (laterFile) => `
const __ldLaterUrl = new URL(${JSON.stringify(laterFile)}, import.meta.url);
let __ldLaterModule, __ldLaterDone = false, __ldLaterFetch, __ldTable;
function __ldLaterInstantiate(module) {
    if (__ldLaterDone) return;
    new WebAssembly.Instance(module, { primary: wasm });
    // The table the later module writes into: the one it imports from the first.
    __ldTable = wasm[WebAssembly.Module.imports(module).find((i) => i.kind === "table").name];
    __ldLaterDone = true;
    document.documentElement.dataset.leidraadLater = "ready";
}
function __ldLaterNow(slot) {
    if (__ldLaterDone) return;
    // With globalThis.__ldDebug set before the page starts, it says: which stand-in was called early.
    if (globalThis.__ldDebug) console.log("stand-in called before the later part: " + slot);
    if (!__ldLaterModule) {
        // Needed before the fetch below came back (a step other than the first shown at once):
        // fetched here and now, from the browser's cache when it has it.
        const xhr = new XMLHttpRequest();
        xhr.open("GET", __ldLaterUrl, false);
        xhr.overrideMimeType("text/plain; charset=x-user-defined");
        let failed;
        try {
            xhr.send();
            if (xhr.status !== 200) failed = xhr.status;
        } catch (e) {
            failed = e.name; // offline: a synchronous request throws
        }
        if (failed !== undefined) {
            __ldLaterFailed();
            throw new Error(\`failed to fetch \${__ldLaterUrl}: \${failed}\`);
        }
        const text = xhr.responseText, bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
        __ldLaterModule = new WebAssembly.Module(bytes);
        // Which stand-in could not wait (scripts/split-wasm.mjs, LEIDRAAD_SPLIT_MAP).
        document.documentElement.dataset.leidraadLaterWaited = slot;
    }
    __ldLaterInstantiate(__ldLaterModule);
}
function __ldLaterFailed() {
    const root = document.getElementById("leidraad") || document.body;
    if (root.querySelector(":scope > .ld-crash")) return;
    const p = document.createElement("p");
    p.className = "ld-crash";
    p.setAttribute("role", "alert");
    // In the page's language (the app's root carries it).
    p.textContent = document.querySelector(".leidraad")?.lang === "en"
        ? "Part of Leidraad could not be loaded. Your work is saved. Reload the page when you are connected again."
        : "Een deel van Leidraad kon niet worden geladen. Uw werk is opgeslagen. Laad de pagina opnieuw als er weer verbinding is.";
    root.prepend(p);
}
function __ldLaterPrefetch() {
    // Not when the first screen already needed it (a returning user on another step).
    if (__ldLaterDone) return;
    __ldLaterFetch ??= (async () => {
        const response = fetch(__ldLaterUrl);
        let module;
        try {
            module = await WebAssembly.compileStreaming(response);
        } catch {
            const r = await fetch(__ldLaterUrl);
            if (!r.ok) throw new Error(\`failed to fetch \${__ldLaterUrl}: \${r.status}\`);
            module = await WebAssembly.compile(await r.arrayBuffer());
        }
        __ldLaterModule ??= module;
        __ldLaterInstantiate(__ldLaterModule);
    })().catch((e) => console.warn("Leidraad: the rest of the page is fetched when needed", e));
}
function __ldPlaceholders() {
    return new Proxy({}, { get: (_, slot) => (...args) => {
        __ldLaterNow(slot);
        return __ldTable.get(+slot)(...args);
    } });
}
`;

export function patchGlue(glue, laterFile) {
  const once = (what, text) => {
    if (glue.split(what).length !== 2) throw new Error(`expected one "${what.trim()}" in the glue (wasm-bindgen's glue changed?)`);
    glue = glue.replace(what, text);
  };
  once("const imports = __wbg_get_imports();\n\n    if (typeof module_or_path",
    "const imports = __wbg_get_imports();\n    imports.placeholder = __ldPlaceholders();\n\n    if (typeof module_or_path");
  once("    wasm.__wbindgen_start();\n    return wasm;\n}", "    wasm.__wbindgen_start();\n    __ldLaterPrefetch();\n    return wasm;\n}");
  return glue + GLUE(laterFile);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    if (process.argv[2] === "--glue") {
      const [file, laterFile] = process.argv.slice(3);
      fs.writeFileSync(file, patchGlue(fs.readFileSync(file, "utf8"), laterFile));
    } else {
      const [input, first, later] = process.argv.slice(2);
      split(input, first, later);
    }
  } catch (e) {
    console.error(`[split] ${e.message}`);
    process.exit(1);
  }
}
