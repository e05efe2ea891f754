import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "./env";

// One client per process. Next's dev server re-evaluates modules on every
// change; keeping the client on globalThis stops each reload opening a new pool.
const globalForPrisma = globalThis as unknown as { verityPrisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.verityPrisma) {
    const adapter = new PrismaPg({
      connectionString: env().DATABASE_URL,
      max: 10,
      // A request must fail fast (503) when Postgres is down, not hang.
      connectionTimeoutMillis: 5_000,
    });
    globalForPrisma.verityPrisma = new PrismaClient({
      adapter,
      // Prisma's defaults (2 s to start an interactive transaction, 5 s to finish it)
      // fail ordinary bursts: 20 people signing in at once keep the event loop busy
      // with bcrypt for seconds, and every write's transaction then died with P2028
      // (a 500, or a refused sign-in). A down database still fails fast: connecting
      // is refused at once, or gives up after connectionTimeoutMillis.
      transactionOptions: { maxWait: 10_000, timeout: 20_000 },
    });
  }
  return globalForPrisma.verityPrisma;
}

// Created on first use, so importing a module that uses the database (as
// `next build` does while collecting routes) needs no DATABASE_URL.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type Db = PrismaClient | Tx;
