// Verity's production app server: Next.js behind a plain Node HTTP server, for
// one reason. A route handler cannot see the TCP peer's address, and Next fills
// X-Forwarded-For from the socket only when the client sent none, so the client
// could name any address it liked (sign-in limits bypassed by rotating it, forged
// addresses in the audit log). Here every request gets the socket's address in
// x-verity-peer, overwriting any client-sent value; lib/auth/request-ip.ts reads
// it, trusting X-Forwarded-For only for the TRUST_PROXY hops the operator set.
//
// Plain JavaScript, no loader: it runs for the app's lifetime. Started by
// scripts/start.ts as `node app-server.mjs <port>` with the settings in its env.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const PEER_HEADER = "x-verity-peer";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.argv[2] || process.env.PORT || 3000);

// The resilience tests find this process by name, as they found `next start`'s.
process.title = "next-server (verity)";

/**
 * Addresses Verity cannot serve, refused before Next sees them: a path whose
 * percent-encoding is not UTF-8 (Next fails decoding such a dynamic segment with
 * a bare 500) and NUL characters in the path or query (PostgreSQL refuses them in
 * any query). Done here rather than in proxy.ts for API routes: a proxy runs
 * Next's middleware machinery and buffers every request body for it, which cost
 * the claim write a quarter of its throughput (403-450 req/s without, 303-362
 * with, in the profile run). proxy.ts still checks pages (and `next dev`).
 */
function refusal(url) {
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  try {
    if (decodeURIComponent(pathname).includes("\u0000")) return "The address holds a NUL character";
  } catch {
    return "The address is not valid UTF-8";
  }
  if (q >= 0) {
    for (const [k, v] of new URLSearchParams(url.slice(q + 1))) {
      if (k.includes("\u0000") || v.includes("\u0000")) return `The query parameter ${JSON.stringify(k.replace(/\u0000/g, ""))} holds a NUL character`;
    }
  }
  return null;
}

// The headers next.config.js gives API answers, for the answers given here.
const REFUSAL_HEADERS = {
  "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

// Strict-Transport-Security when the public address is https (API answers no longer pass through proxy.ts, which sets it on pages).
const hsts = (process.env.NEXTAUTH_URL ?? "").startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;

const app = next({ dev: false, dir: root, port, hostname: "localhost" });
const handle = app.getRequestHandler();

await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  if (hsts) res.setHeader("Strict-Transport-Security", hsts);
  const reason = refusal(req.url ?? "/");
  if (reason) {
    const api = (req.url ?? "").startsWith("/api/");
    res.writeHead(400, { ...REFUSAL_HEADERS, "content-type": api ? "application/json" : "text/plain; charset=utf-8" });
    res.end(api ? JSON.stringify({ error: { code: "invalid_input", message: reason } }) : `Bad request: ${reason}.`);
    return;
  }
  handle(req, res).catch((e) => {
    console.error("[verity] unhandled request error:", e);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    }
  });
});
// Node's defaults are generous; these bound a slow client's hold on a socket.
server.headersTimeout = 30_000;
server.requestTimeout = 120_000;
// An idle keep-alive socket is kept longer than a client's or a load balancer's
// own idle timeout (often 60 s), so the other side closes it first: a request
// sent on a socket the server is closing at that moment fails with ECONNRESET
// (seen in a browser test whose API context sat idle about 5 s, Node's default).
server.keepAliveTimeout = 65_000;

server.listen(port, () => {
  console.log(`[verity] app server listening on port ${port}`);
});

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  // Set by instrumentation.ts: pauses running imports and ends the import worker processes.
  const stopImports = globalThis.verityShutdown?.().catch((e) => console.error("[verity] stopping imports:", e)) ?? Promise.resolve();
  // Set by lib/events/hub.ts once a live stream opened: ends the streams (browsers reconnect to
  // another instance and resume), removes this instance's presence rows, closes the listener.
  const stopEvents = globalThis.verityEventsShutdown?.().catch((e) => console.error("[verity] stopping live events:", e)) ?? Promise.resolve();
  server.close(() => void Promise.all([stopImports, stopEvents]).finally(() => process.exit(0)));
  // Idle keep-alive sockets would hold close() open; requests in flight get a moment.
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 3_000).unref();
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
