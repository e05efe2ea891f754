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

const app = next({ dev: false, dir: root, port, hostname: "localhost" });
const handle = app.getRequestHandler();

await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
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
server.keepAliveTimeout = 5_000;

server.listen(port, () => {
  console.log(`[verity] app server listening on port ${port}`);
});

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  // Set by instrumentation.ts: pauses running imports and ends the import worker processes.
  const stopImports = globalThis.verityShutdown?.().catch((e) => console.error("[verity] stopping imports:", e)) ?? Promise.resolve();
  server.close(() => void stopImports.finally(() => process.exit(0)));
  // Idle keep-alive sockets would hold close() open; requests in flight get a moment.
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 3_000).unref();
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
