import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./env";

// One client per process. Next's dev server re-evaluates modules on every
// change; keeping the client on globalThis stops each reload opening a new pool.
const globalForPrisma = globalThis as unknown as { verityPrisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.verityPrisma) {
    const adapter = new PrismaPg({
      connectionString: databaseUrl(),
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

/**
 * Postgres gave up a transaction because of a concurrent one (serialization
 * failure 40001 or deadlock 40P01). Prisma reports it as P2034, or, when it
 * surfaces at COMMIT of an interactive transaction, as the driver adapter's raw
 * TransactionWriteConflict.
 */
export function isWriteConflict(e: unknown): boolean {
  const err = e as { code?: string; name?: string; message?: string; cause?: { kind?: string } };
  return err?.code === "P2034" || err?.cause?.kind === "TransactionWriteConflict" || /TransactionWriteConflict/.test(err?.message ?? "");
}

/**
 * Runs a SERIALIZABLE transaction, retrying it when Postgres reports a
 * serialization failure. Such failures are expected under Serializable (its
 * predicate locks cover index pages, so even writes to unrelated rows can
 * collide) and the standard answer is to run the transaction again.
 */
export async function retryOnWriteConflict<T>(run: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (e) {
      if (i >= attempts || !isWriteConflict(e)) throw e;
      // Exponential backoff with full jitter, so the colliding transactions spread out.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(1_000, 20 * 2 ** i)));
    }
  }
}
