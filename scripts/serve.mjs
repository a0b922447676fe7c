// A tiny static server for dist/ on 127.0.0.1, with the strict Content-Security-Policy the app
// is built to run under. Used by the browser tests (for their test host pages); `scripts/serve.sh`
// starts the live room server (server/), which sends the same headers.
//   node scripts/serve.mjs [port] [dir]
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** Whether an Accept-Encoding header allows gzip: a `gzip` (or `x-gzip`) entry whose q is not 0. */
export function acceptsGzip(header = "") {
  return header.split(",").some((entry) => {
    const [name, ...params] = entry.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    return (name === "gzip" || name === "x-gzip") && !(q && Number(q.slice(2)) === 0);
  });
}

/** Starts serving `root`; resolves to the server once it listens. `extra` maps URL paths to
 *  { body, type, headers } for test pages (e.g. a host page that embeds the app). */
export function serve(root, port = 0, extra = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const page = extra[url.pathname];
    if (page) {
      res.writeHead(200, { "content-type": page.type || TYPES[".html"], "content-security-policy": CSP, ...(page.headers || {}) });
      res.end(page.body);
      return;
    }
    let file = path.join(base, decodeURIComponent(url.pathname));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (file.endsWith(path.sep)) file = path.join(file, "index.html");
    // The gzip copy scripts/precompress.mjs wrote beside the file, to a browser that accepts it
    // (as the app's server does: server/src/http.rs).
    const packed = fs.existsSync(`${file}.gz`);
    const gzip = packed && acceptsGzip(req.headers["accept-encoding"]);
    fs.readFile(gzip ? `${file}.gz` : file, (err, body) => {
      if (err) { res.writeHead(404, { "content-type": "text/plain" }).end("not found"); return; }
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] || "application/octet-stream",
        "content-security-policy": CSP,
        "cache-control": "no-cache",
        ...(packed ? { vary: "accept-encoding" } : {}),
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] || 8080);
  const dir = process.argv[3] || "dist";
  serve(dir, port).then(() => console.log(`Leidraad: http://127.0.0.1:${port}/  (Ctrl+C stops)`));
}
