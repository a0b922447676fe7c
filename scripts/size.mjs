// Prints each page's transfer size (gzip) per file and in total; fails when a page is above
// its budget. Two pages are built (see scripts/build.sh): the workshop, and the tools used
// after the charter; a visitor loads one of them, so each is held to its own budget. Files
// fetched later, only when asked for, are listed too, but do not count for the first load.
import fs from "node:fs";
import zlib from "node:zlib";

const KiB = 1024;
const pages = {
  // The workshop page's target is 330 KiB (340 KiB budget), met at last (see below); it went from
  // 374.4 to 353.0 KiB (Rust's case tables, serde's array readers, low-memory wasm-opt), then
  // back up to 415.3 KiB with one round of features (IndexedDB autosave, merges that keep
  // both wordings and remember deletions, undo as patches, the compact board, the header
  // menu, locked forms), then down to 400.8 KiB: the JS glue and the CSS minified with esbuild
  // (-5.1 KiB), undo's size estimate written compact (-2.7 KiB), splices only for undo's long
  // lists plus the projector's screens and icons as plain functions (-4.7 KiB together), the
  // countdown as a plain function and one BTreeSet key type (-2.1 KiB). Measured but not taken: wasm-opt --gufa (raw smaller, gzip
  // 0.4 KiB larger). Measure with this script (zlib level 9), not the gzip command: GNU gzip
  // gives about 4 KiB less on the same wasm. See scripts/size-breakdown.sh for what takes the space.
  // Then the round that merged the plain-language texts, the charter's why, the cluster
  // suggestions' compounds and second ideas (+8 KiB, the largest), the faster board and the
  // live room's device side: 413.2 KiB, still 2.1 KiB below where this round started.
  // A round only on size then measured these levers one at a time on the workshop page's wasm
  // (395.8 KiB gzip of the 413.2 KiB), and none paid enough to take: opt-level "s" for the
  // whole build +56.2 KiB; wasm-opt -Oz --converge -0.1 KiB, -Oz -Oz -0.0, --gufa-optimizing
  // -0.1, -Os +0.6; the text tables as one array per enum instead of a match +1.3 KiB (most
  // texts are looked up with a constant key, which the match folds away); the Rust target
  // features are already on by default (bulk-memory, nontrapping-fptoint, sign-ext,
  // multivalue, reference-types). What would pay, outside the build: the after-the-charter
  // records kept as raw JSON on this page instead of read into their types (-4.0 KiB), and
  // after.css only on the after page (-1.2 KiB; changes what a host page links).
  // The board building a column's cards only once it nears the window (an IntersectionObserver,
  // the cards' light stand-ins) and undo's shared steps: +3.6 KiB, to 416.8 KiB.
  // Budgets are set just above the sizes reached, so nothing grows further unnoticed.
  // The suggestions' word lists as one string each and their stop words sorted by the app's
  // one sort: 412.8 KiB.
  // Merges that also hold values side by side (a card's cluster, a dot count, ...) and remember
  // decisions: +7.3 KiB on each page (420.5 KiB here), most of it the derived reader of the
  // eight new kinds of difference (twiggy: about 14 KB raw) and the merge rule itself.
  // File format 3 (the set in practice after the workshop: owners, adoption, actions, the
  // results monitor, the evaluation): 427.0 KiB, +13.8 KiB: the domain of its parts (their
  // readers and writers, checks, undo) and its eight actions, each carrying its record so it is
  // read by the record's small reader (twelve actions with named fields were 0.5 KiB more).
  // The facilitator's Live switch (the page leads a live room) took it to 522.5 KiB: +109.3 KiB,
  // far past the 10 KiB the live room's issue allows. Nearly all of it is the derived serde
  // reader of every workshop action (the room's confirmed steps come back as actions; twiggy:
  // Action's visitor 96 KB raw, serde_json's sequence reader 81 KB, the internally tagged
  // frames' buffered reader 20 KB). To win it back: a compact hand-written action reader
  // shared with the participant page, or frames that are not internally tagged.
  // All of this round's branches merged (faster suggestions, the board near the window, merge
  // values, file format 3, the Live switch, A3 posters): 557.7 KiB.
  // File format 4 (the routes' own questions with their answers on the source and the mark on
  // a card, the 80/15/5 lens): 575.1 KiB, +17.4 KiB, of which about 11 KiB is also in the other
  // two pages (below: the domain's readers of the new parts and actions, merge and checks) and
  // about 6 KiB the questions' texts and form in Verzamelen. Not yet looked at with twiggy: the
  // first thing to try is carrying each new action's fields as a record (as format 3 did).
  // The recognition round and the split by group (a voter's group, marks per cluster, their
  // checks, merge values and undo; the radios, the group per voter, the table and the dominance
  // note, also on the projector; two new actions in the derived action reader): 568.8 KiB, +11.1.
  // 571.0 KiB (+13.3 KiB) once a merge keeps both files' set in practice: the merge panel reads
  // a waiting record (JSON) into serde_json's Value tree to show the parts that differ, and the
  // domain reads each record kind from its JSON. Not broken down yet; reading the records into
  // their own types in the panel (no Value tree, as src/format avoids it) should win most back.
  // The table role (measured on its own branch): 567.3 KiB (+9.6 KiB) with
  // the table role: the table link to copy, joining as a table (pasted or from the address, with
  // its question), the table's Live menu and the texts; measured before `live::offers` became a
  // plain match (it asked `permit` of a whole room), so the branch is at or below this.
  // The room's frames named by their one field instead of an inner "t" (serde buffered every
  // frame to find the tag: a second reader of every action and workshop), and an action
  // written and read as one array, its name first, by one small reader (src/live/wire.rs)
  // instead of serde's derived visitor per variant: 488.5 KiB (-69.1 KiB; twiggy: the action
  // reader is now about 21 KB raw inside Op's reader, its writer 13 KB).
  // All of this round's branches merged (routes' questions and the 80/15/5 lens, the recognition
  // round, the table role, merges of the set in practice, the compact live wire, the board's
  // speed and words): 532.2 KiB; 532.4 KiB with the routes' answers in the Markdown. Each
  // branch's figure above was measured on its own.
  // A room step (`live::Op`), a refusal and the domain's errors written and read by hand like
  // actions (src/live/wire.rs) instead of serde's derived enum code: 531.5 KiB (-0.9 KiB).
  // The board's speed (branch `board`): 533.8 KiB (+1.4 KiB): the JS glue's fast path for short
  // strings (scripts/fast-strings.mjs, about 0.1 KiB) and "Verplaats naar" as a component of its
  // own that stays on the page, hidden, between selections (a tick at 3,000 cards about a
  // fifth less CPU time).
  // A size round (smaller readers, each measured on its own): the merge panel reads a waiting
  // record of the set in practice flat instead of into serde_json's Value tree (-2.0 KiB); a
  // Wording by its own reader (-0.3); tombstones, settled and waiting differences by the small
  // record reader, Field and SetupField by name (-1.0); the facilitator's timers and view by
  // the record reader (-0.7): 528.4 KiB. Measured, not taken: wasm-opt --merge-similar-functions
  // (+0.0) and --inlining-optimizing before -Oz (-0.1). -Zlocation-detail=none and build-std
  // need a nightly compiler (or RUSTC_BOOTSTRAP on stable): not tried.
  // Branches live, board, shrink, suggest and ari merged (2026-12-03): 529.9 KiB. Each budget
  // is the measured size plus about 1 KiB, so that a build on another machine (the same
  // toolchain, a few bytes of difference) does not fail on noise.
  // What the live room costs this page, measured by scripts/size-live.sh (this page's wasm and
  // JS glue as shipped minus the same page built without its Live menu, src/bin/workshop-without-live.rs;
  // README's size table): 56.1 KiB gzip, far above the 10 KiB the live room's issue allows. The
  // room's frames, a room state, a device's kept room, the facilitator's kept keys and the new
  // room's answer read by the small record reader (read_struct!), the server's frames by one
  // hand-written reader, roles and problems by name: 526.8 KiB, live share 52.8 KiB (-3.3).
  // What is left of the share, by twiggy (scripts/size-breakdown.sh): the reader of every action
  // (the room's confirmed steps come back as actions; about 22 KB raw) and their writer (14 KB
  // raw; one call per field instead of inlined fields: -0.1 KiB, not taken), the Live menu and
  // its reducer, undo in a room, the texts. Reaching 10 KiB needs a different protocol for the
  // workshop page (e.g. the room's state rather than its steps), not smaller readers.
  // The seat's reader is not in this page (twiggy: no `live::seat` item).
  // With the board's CSS-drawn grips and the faster suggestions merged too: 527.8 KiB (budget
  // measured + about 1 KiB, as above).
  // The board's cluster suggestions moved to a module of their own, fetched when first asked
  // for (src/bin/suggest.rs, built for speed; 70.6 KiB gzip, below under "fetched later"):
  // 518.3 KiB (-9.5 KiB; the engine's reading of the cards stays, Collect's "looks like" uses it).
  // Shared cards (`workshop::Card`, +1.0 KiB), the board's column groups and its rebuilding of
  // only the columns a change touched (+1.9 KiB), measured on their own branch: 530.7 KiB.
  // Both merged: 521.8 KiB (521.5 with one asset_url for the library and the module).
  // The live room (the Live menu, the room's connection, its steps' reader and writer, undo in a
  // room) and the projector view moved out into builds of their own that boot.js picks
  // (src/bin/room.rs, src/bin/projector.rs; both below): this page keeps only a Live switch
  // that reloads into the live build: 464.2 KiB (-57.6).
  // Collect's "looks like a card already there" computed by the suggestion module too (fetched
  // when Collect shows cards; the module 70.6 -> 74.9 KiB with its index of the cards): this
  // page no longer carries the engine's index and scores: 458.5 KiB (-5.7; without the hint at
  // all it was -7.3). The lexicon, stemmer and tokenizer stay: the library's search uses them.
  // Every wasm built with its own standard library and without panics' file and line
  // (scripts/cargo-wasm.sh, -Zbuild-std and -Zlocation-detail=none): 446.0 KiB (-12.6).
  // The library's search by other word forms (stem, compound part, lexicon concept; used only
  // where the literal search finds nothing) computed by the suggestion module too, fetched when
  // the library is opened (the module's wasm + glue 73.1 -> 76.7 KiB with the library's index):
  // this page no longer carries the lexicon, its word lists, the stemmer or the tokenizer
  // (twiggy: of suggest::normalise only `fold` stays, the literal search's): 432.5 KiB (-13.5
  // from 446.0, both built here; before scripts/cargo-wasm.sh it was 458.9 -> 444.8, -14.1; the
  // probe with only the literal search: wasm -16.2 there).
  // What the 330 KiB target would take, measured with probes of this page's wasm (the same
  // build, gzip; 426.4 KiB when all of it was in, before the library's second search moved):
  // without the views of Kiezen, Concreet maken and Charter 385.1 KiB (-41.3); without those of
  // Voorbereiden, Verzamelen and Clusteren 334.7 (-91.7); without any step's view, so the header,
  // the facilitator's tools, the file menu, the domain, its file reader and Yew only, 286.6
  // (-139.8). With the JS glue, CSS and HTML (about 20 KiB) the page without any step's view is
  // about 306 KiB: 330 KiB is within reach only if each step's views are fetched when the step
  // is shown (a module per step with its own Yew app, or a build per group of steps), not by
  // trimming what the page holds now.
  // Done with one app, cut in two after the build (scripts/split-wasm.mjs, Binaryen's
  // wasm-split): the views of the steps after Voorbereiden, the library, the suggestions and
  // merge panels, the charter and its exports (scripts/split-later.txt) are in
  // leidraad-later_bg.wasm, fetched right after the page has started: 319.4 KiB (-113.1; the
  // later part 134.4 KiB, so a first visit transfers about 21 KiB more in all, but starts on
  // three quarters of it). The texts of those views stay (they are data, which wasm-split does
  // not move); the merge panel is mounted only when a merge has something to show (+0.1 KiB on
  // the other workshop builds).
  "workshop (index.html)": {
    budget: 320.5 * KiB,
    files: ["index.html", "boot.js", "leidraad.js", "leidraad_bg.wasm", "leidraad.css"],
    // The workshop's other steps (above): fetched in the background right after the page has
    // started; a step that needs it sooner fetches it there and then (a returning user whose
    // tab was on another step). The inspiration library: fetched when someone first opens it
    // in Collect. The board's cluster suggestions (a wasm module built for speed,
    // src/bin/suggest.rs): fetched when someone first asks for suggestions, when Collect shows
    // cards (its "looks like" hint), or when the library is opened (its search by other word
    // forms).
    later: ["leidraad-later_bg.wasm", "library.json", "leidraad-suggest.js", "leidraad-suggest_bg.wasm"],
  },
  // The same page with the live room in it: started by boot.js instead of the page above only
  // on the room server's page when it leads or joins a room (going live, a reload while live, a
  // table link; src/bin/room.rs). So the room's code (52.8 KiB by scripts/size-live.sh) is no
  // longer in the page everyone loads, and a facilitator pays for it only when going live.
  // 511.2 KiB: the page of before without its projector view. 505.7 KiB (-5.4) once Collect's
  // "looks like" is computed by the suggestion module (see the page above).
  // 491.4 KiB (-14.4) with scripts/cargo-wasm.sh's options (see the page above).
  // 477.3 KiB (-14.1 from 491.4) once the library's search by other word forms is computed by
  // the suggestion module too (before scripts/cargo-wasm.sh: 506.2 -> 491.5, -14.7).
  "workshop, live (index.html from the room server, leading or joining a room)": {
    budget: 478.5 * KiB,
    files: ["index.html", "boot.js", "leidraad-room.js", "leidraad-room_bg.wasm", "leidraad.css"],
    later: ["library.json", "leidraad-suggest.js", "leidraad-suggest_bg.wasm"],
  },
  // The workshop page's projector view (the second window on the projector), a build of its
  // own that boot.js starts for ?leidraad=projector (src/bin/projector.rs).
  // 163.5 KiB (it was the whole workshop page).
  // 159.8 KiB (-3.7) with scripts/cargo-wasm.sh's options.
  "projector view (index.html?leidraad=projector)": {
    budget: 161 * KiB,
    files: ["index.html", "boot.js", "leidraad-projector.js", "leidraad-projector_bg.wasm", "leidraad.css"],
    later: [],
  },
  // 337.9 KiB with the posters, the residents' version and the doorfluister hint (which uses
  // the suggestions' normalisation, compounds included); 337.3 KiB with the suggestions' word
  // lists as one string each; 346.2 KiB with the merge's values.
  // the suggestions' normalisation, compounds included). 381.9 KiB (+44 KiB) with the set in
  // practice: four tabs (owners and adoption, actions, the monitor, the evaluation) and the
  // readers of their actions and data; 381.6 KiB once its actions carry their records.
  // the suggestions' normalisation, compounds included). 339.8 KiB with the app state's hook
  // for a live room (+1.9 KiB; the live code itself is reached only from the workshop page).
  // All branches merged (the set in practice, merge values, the live hook, A3 posters): 392.6 KiB.
  // File format 4 (routes' questions, 80/15/5 lens; the domain's part, see above): 404.5 KiB.
  // The recognition round's domain (marks, a voter's group, their checks, merge values and the
  // two actions' readers; this page shows none of it): 396.9 KiB, +4.3.
  // 405.5 KiB (+12.9 KiB) once a merge keeps both files' set in practice (see the workshop page).
  // 393.3 KiB with the table role (the file menu asks whether the page's role may open files;
  // measured while that asked `permit` of a whole room, now a plain match).
  // All of this round's branches merged: 420.7 KiB, 421.0 with the routes' answers in the
  // Markdown (format 4's domain, the recognition round's
  // domain and the merge of the set in practice, which reads waiting records into serde_json's
  // Value tree: the first place to win some back).
  // The size round's smaller readers (see the workshop page): 416.6 KiB (-4.3).
  // Branches live, board, shrink, suggest and ari merged: 417.7 KiB (the suggestions' lexicon
  // with its general-Dutch terms is used by the doorfluister hint here too).
  // With the faster suggestions (phrase starts per word) merged too: 418.3 KiB. Shared cards
  // (`workshop::Card` a pointer to its fields): 419.2 KiB.
  // 408.3 KiB (-11.4) with scripts/cargo-wasm.sh's options.
  "after the charter (after.html)": {
    budget: 409.5 * KiB,
    files: ["after.html", "boot.js", "leidraad-after.js", "leidraad-after_bg.wasm", "leidraad.css"],
    later: [],
  },
  // A live room's participant page, loaded on phones over the venue's network. Its target is
  // 150 KiB and it is NOT met (243.6 KiB): the derived reader of every workshop action (it
  // replays the room's confirmed steps) and serde_json's readers are most of its wasm
  // (twiggy top: about 200 KB raw of 745 KB). 252.7 KiB with the merge's values (the action
  // reader grew with them).
  // (twiggy top: about 200 KB raw of 745 KB). 260.8 KiB (+17.2 KiB) with file format 3: the
  // readers of its parts of the file and of its eight actions (as twelve actions with named
  // fields, each with serde's derived reader: 270.6 KiB).
  // All branches merged: 270.0 KiB.
  // File format 4 (routes' questions, 80/15/5 lens; the readers of its parts and of its two
  // new actions): 280.4 KiB (+10.4 KiB).
  // The recognition round: the participant's own radios per cluster, voting in their group,
  // and the domain's marks and two actions in the readers: 276.6 KiB, +6.6.
  // 276.3 KiB (+6.3 KiB) once a merge keeps both files' set in
  // practice: the domain's merge reads each record kind from its JSON (no panel on this page).
  // All branches merged: 270.0 KiB. Frames without an inner "t" and the one small action
  // reader (src/live/wire.rs, see the workshop page): 203.4 KiB (-66.5 KiB). What is left is
  // mostly the domain itself (apply, 58 KB raw, and the workshop's check), the workshop's
  // reader and Yew.
  // All of this round's branches merged: 220.6 KiB (the compact wire took 66.5 KiB off, the new
  // domain parts put about 17 back).
  // The page holds no workshop any more: the server sends each participant its seat (what this
  // page shows: the open source, the groups, its own cards, the clusters with its own dots and
  // marks, src/live/seat.rs), and the page predicts only its own few steps on it. No
  // Workshop::apply, no workshop reader, no action reader: 124.5 KiB (-96.1 KiB; target 150 met).
  // The size round's smaller readers of the domain (Wording, tombstones, Field): 218.5 KiB (-2.1),
  // measured before the seat. Both merged: 124.0 KiB.
  // The seat, its parts, the kept room and the frames to a participant read by the small
  // record reader and one hand-written frame reader, roles and problems by name: 121.6 KiB (-2.4).
  // 117.0 KiB (-5.1) with scripts/cargo-wasm.sh's options.
  "live room participant (join.html)": {
    budget: 118 * KiB,
    files: ["join.html", "boot.js", "leidraad-live.js", "leidraad-live_bg.wasm", "live.css"],
    later: [],
  },
};

function line(f) {
  const raw = fs.readFileSync(`dist/${f}`);
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  console.log(`  ${f.padEnd(24)} ${String(raw.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzip`);
  return gz;
}

let failed = false;
for (const [page, { budget, files, later }] of Object.entries(pages)) {
  console.log(`${page}:`);
  let total = 0;
  for (const f of files) total += line(f);
  console.log(`  total transfer (gzip): ${total} B = ${(total / KiB).toFixed(1)} KiB (budget ${budget / KiB} KiB)`);
  if (total > budget) {
    console.error(`  size budget exceeded by ${total - budget} B`);
    failed = true;
  }
  if (later.length) {
    console.log("  fetched later, when asked for (not in the first load):");
    for (const f of later) line(f);
  }
}
process.exit(failed ? 1 : 0);
