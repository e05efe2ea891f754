import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, env } from "./env";

// One client per process. Next's dev server re-evaluates modules on every
// change; keeping the client on globalThis stops each reload opening a new pool.
const globalForPrisma = globalThis as unknown as { verityPrisma?: PrismaClient; verityPool?: pg.Pool };

/**
 * The process's one connection pool, shared by Prisma and by the few hot paths
 * that send plain SQL themselves (see `sql`).
 */
function pool(): pg.Pool {
  if (!globalForPrisma.verityPool) {
    globalForPrisma.verityPool = new pg.Pool({
      connectionString: databaseUrl(),
      max: env().DATABASE_POOL_SIZE,
      // A request must fail fast (503) when Postgres is down, not hang.
      connectionTimeoutMillis: 5_000,
      // Columns are `timestamp` without a zone holding UTC (as Prisma writes them): a statement's
      // own now() must be UTC too, whatever the server's TimeZone, or its rows sort out of order.
      options: "-c TimeZone=UTC",
    });
  }
  return globalForPrisma.verityPool;
}

function client(): PrismaClient {
  if (!globalForPrisma.verityPrisma) {
    // Prisma ends the pool when it disconnects, as it would its own.
    const adapter = new PrismaPg(pool(), { disposeExternalPool: true });
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

/**
 * One statement straight through the pool, for hot paths where Prisma's query
 * engine costs more than the query (the claim write, the session's user): a
 * named statement, so Postgres parses and plans it once per connection.
 * Values arrive as pg parses them: select a `timestamp` column as
 * `col AT TIME ZONE 'UTC'` so it comes back as the right instant whatever the
 * process's time zone.
 */
export async function sql<T extends pg.QueryResultRow>(name: string, text: string, values: unknown[]): Promise<T[]> {
  client(); // the pool is Prisma's too: make sure both exist
  const result = await pool().query<T>({ name, text, values });
  return result.rows;
}

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
