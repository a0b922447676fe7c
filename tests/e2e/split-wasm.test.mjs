// The cut of the workshop page's wasm in two (scripts/split-wasm.mjs): which functions move,
// the byte patch for Binaryen 108, and the glue's patch. Plain Node, no browser; the page itself
// is tested in first-load.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseLater, subject, lowerTableFill, binaryenName, patchGlue } from "../../scripts/split-wasm.mjs";

test("a function is about its Self type, or else its own path, without generic arguments", () => {
  assert.equal(subject("<leidraad::ui::board::Board as yew::functional::FunctionProvider>::run"), "leidraad::ui::board::Board");
  assert.equal(
    subject("<<leidraad::ui::concretise::View as yew::functional::FunctionProvider>::run::view::{closure#0} as core::ops::function::FnOnce<(u8,)>>::call_once"),
    "leidraad::ui::concretise::View",
  );
  assert.equal(subject("core::ptr::drop_in_place::<alloc::vec::Vec<leidraad::workshop::merge::Tombstone>>"), "core::ptr::drop_in_place::");
  assert.equal(subject("<alloc::raw_vec::RawVec<leidraad::workshop::merge::Tombstone> as core::ops::drop::Drop>::drop"), "alloc::raw_vec::RawVec");
  assert.equal(subject("<leidraad::workshop::merge::Wording>::edit"), "leidraad::workshop::merge::Wording");
});

test("the list picks by name, by subject with @, and keeps what ! names", () => {
  const names = [
    "<leidraad[1a2b]::ui::board::Board as yew[3c4d]::functional::FunctionProvider>::run",
    "<yew[3c4d]::virtual_dom::vcomp::PropsWrapper<leidraad[1a2b]::ui::board::Board> as yew[3c4d]::virtual_dom::vcomp::Mountable>::copy",
    "<leidraad[1a2b]::ui::board::carry::Target as core[5e6f]::clone::Clone>::clone",
    "<leidraad[1a2b]::ui::setup::SetupView as yew[3c4d]::functional::FunctionProvider>::run",
    "<leidraad[1a2b]::workshop::merge::Wording>::edit",
    "core[5e6f]::ptr::drop_in_place::<alloc[7a8b]::vec::Vec<leidraad[1a2b]::workshop::merge::Tombstone>>",
    "<leidraad[1a2b]::workshop::merge::Tombstone as core[5e6f]::clone::Clone>::clone",
    "<[leidraad[1a2b]::workshop::merge::Tombstone]>::to_vec_in::<alloc[7a8b]::alloc::Global>",
    "leidraad[1a2b]::workshop::merge::Wording::Outcome",
  ];
  assert.deepEqual(chooseLater(names, ["ui::board", "@workshop::merge", "!ui::board::carry", "!workshop::merge::Wording::"]), [names[0], names[1], names[4]]);
  assert.deepEqual(chooseLater(names, ["ui::nothing"]), []);
});

test("Binaryen's names escape what may not stand in an identifier", () => {
  assert.equal(binaryenName("<a as b>::c{closure#0}"), "<a\\20as\\20b>::c\\7bclosure#0\\7d");
});

test("table.fill of one slot becomes table.set, in as many bytes; other table.fill stays", () => {
  const fill = [0xd0, 0x6f, 0x41, 0x01, 0xfc, 0x11, 0x02];
  const [out, count] = lowerTableFill(Uint8Array.from([0x00, ...fill, 0x0b]));
  assert.equal(count, 1);
  assert.deepEqual([...out], [0x00, 0xd0, 0x6f, 0x26, 0x02, 0x01, 0x01, 0x01, 0x0b]);
  const two = [0xd0, 0x6f, 0x41, 0x02, 0xfc, 0x11, 0x02];
  assert.equal(lowerTableFill(Uint8Array.from(two))[1], 0);
});

test("the glue gets the stand-ins before it instantiates and the fetch after it starts; a changed glue fails loudly", () => {
  const glue = `function __wbg_init_once() {
    const imports = __wbg_get_imports();

    if (typeof module_or_path !== 'undefined') {}
    wasm.__wbindgen_start();
    return wasm;
}
`;
  const out = patchGlue(glue, "leidraad-later_bg.wasm");
  assert.match(out, /const imports = __wbg_get_imports\(\);\n {4}imports\.placeholder = __ldPlaceholders\(\);/);
  assert.match(out, /wasm\.__wbindgen_start\(\);\n {4}__ldLaterPrefetch\(\);/);
  assert.match(out, /new URL\("leidraad-later_bg\.wasm", import\.meta\.url\)/);
  assert.throws(() => patchGlue("wasm.__wbindgen_start();", "x.wasm"), /wasm-bindgen's glue changed/);
});
