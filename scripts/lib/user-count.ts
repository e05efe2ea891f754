import pg from "pg";

/** How many users exist: zero means a new, empty database that wants the demo data. */
export async function prismaUserCount(connectionString: string): Promise<number> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "User"`);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}
