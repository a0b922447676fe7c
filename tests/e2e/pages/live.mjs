// The live room in the browser tests: the real room server (`leidraad-server`, built with
// `cargo build --profile server -p leidraad-server`) started on a free port with a temporary
// data folder, killed (SIGKILL) and started again on the same port and data; and a stand-in
// facilitator that speaks the room's protocol over a WebSocket from a blank page.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { ROOT, DIST, noViolations } from "../lib.mjs";

// The room server does not serve the test harness's axe-core file: put it in the page directly.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core on a page of the room server: fails with the violations, if any. */
export async function roomAxe(page, where) {
  await page.evaluate(axeSource);
  await noViolations(page, where);
}

const BINARY = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, "target"), "server", "leidraad-server");

/** Starts the room server; `port` 0 picks a free one. Resolves once it listens. */
function launch(port, db) {
  if (!fs.existsSync(BINARY)) {
    throw new Error(`${BINARY} is missing: cargo build --profile server -p leidraad-server (scripts/test.sh does)`);
  }
  const child = spawn(BINARY, [], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), LEIDRAAD_DIST: DIST, LEIDRAAD_DB: db },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on("exit", (code) => reject(new Error(`leidraad-server stopped (${code}): ${out}`)));
  });
}

/** The room server with a temporary data folder: `kill()` is SIGKILL, `restart()` starts it
 *  again on the same port and data. */
export async function roomServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "leidraad-live-"));
  const db = path.join(dir, "rooms.sqlite3");
  let { child, port } = await launch(0, db);
  const server = {
    get url() { return `http://127.0.0.1:${port}/`; },
    async kill() {
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await gone;
    },
    async restart() { ({ child } = await launch(port, db)); },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) await server.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    /** Makes a room from a workshop file; resolves to { code, key, table_key }. */
    async createRoom(fileText) {
      const res = await fetch(`${server.url}live/rooms`, { method: "POST", body: fileText });
      if (res.status !== 201) throw new Error(`room not made: ${res.status} ${await res.text()}`);
      return res.json();
    },
  };
  return server;
}

/** A facilitator's connection from a blank page of `browser`: `submit(op)` resolves when the
 *  room confirms it; `state()` is what the welcome and every confirmed entry brought. */
export async function facilitator(browser, server, room) {
  const page = await (await browser.newContext()).newPage();
  const fac = {
    page,
    async connect() {
      await page.evaluate(([address, code, key]) => new Promise((resolve, reject) => {
        const w = (window.room = { frames: [], cseq: window.room?.cseq ?? 0 });
        const ws = new WebSocket(address);
        w.ws = ws;
        ws.onopen = () => ws.send(JSON.stringify({ hello: { room: code, key, client: "dev-facilitator", seen: 0 } }));
        ws.onmessage = (e) => {
          // A frame is an object with one field, named for the frame: kept as { t, ...fields }.
          const [[t, body]] = Object.entries(JSON.parse(e.data));
          const f = { t, ...body };
          w.frames.push(f);
          if (f.t === "welcome") resolve();
          if (f.t === "problem") reject(new Error(f.problem));
        };
        ws.onerror = () => reject(new Error("no connection"));
      }), [`ws://127.0.0.1:${new URL(server.url).port}/live/ws`, room.code, room.key]);
    },
    async submit(op) {
      return page.evaluate((op) => new Promise((resolve, reject) => {
        const w = window.room;
        const cseq = ++w.cseq;
        const seen = w.frames.length;
        w.ws.send(JSON.stringify({ submit: { cseq, op } }));
        const poll = () => {
          const mine = w.frames.slice(seen).find((f) => (f.t === "confirmed" || f.t === "refused") && f.cseq === cseq && (f.t === "refused" || f.author === w.frames[0].you));
          if (mine?.t === "confirmed") resolve(mine);
          else if (mine) reject(new Error(`refused: ${JSON.stringify(mine.reason)}`));
          else setTimeout(poll, 20);
        };
        poll();
      }), op);
    },
    /** Every card text the room holds, from the welcome's snapshot and the confirmed steps. */
    async cardTexts() {
      return page.evaluate(() => {
        const w = window.room;
        const welcome = w.frames.find((f) => f.t === "welcome");
        const cards = new Map((welcome.snapshot?.workshop.cards ?? []).map((c) => [c.id, c.text]));
        const entries = [...welcome.tail, ...w.frames.filter((f) => f.t === "confirmed")];
        // An action is an array, its name first: ["AddCard", id, source, group, text],
        // ["EditCard", id, text, group], ["RemoveCard", id] (src/live/wire.rs).
        for (const e of entries) {
          const a = e.op.act;
          if (!a) continue;
          if (a[0] === "AddCard") cards.set(a[1], a[4]);
          if (a[0] === "EditCard") cards.set(a[1], a[2]);
          if (a[0] === "RemoveCard") cards.delete(a[1]);
        }
        return [...cards.values()];
      });
    },
  };
  // A page of the server itself: the room accepts WebSockets from its own pages only.
  await page.goto(`${server.url}live.css`);
  await fac.connect();
  return fac;
}
