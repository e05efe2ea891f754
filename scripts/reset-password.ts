// `npm run user:reset-password -- EMAIL`: the way back in when no admin can
// sign in. Sets a generated temporary password (printed once), ends the user's
// sessions, and makes them choose their own at next sign-in. Audited.
// Runs with the react-server condition (the app's modules import "server-only").
import { redact, resolveDatabaseUrl, databaseUrlFile } from "./lib/database-url";

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length !== 1 || args[0].startsWith("-")) {
  console.error("usage: npm run user:reset-password -- EMAIL");
  process.exit(2);
}
const target = resolveDatabaseUrl();
if (!target) {
  console.error(
    `[verity] no database: DATABASE_URL is not set and no running npm start was found (${databaseUrlFile()}).\n` +
      `  While npm start runs:      npm run user:reset-password -- admin@example.org\n` +
      `  Any other PostgreSQL:      DATABASE_URL=postgresql://… npm run user:reset-password -- admin@example.org`,
  );
  process.exit(2);
}
process.env.DATABASE_URL = target.url;

async function main() {
  const { prisma } = await import("@/lib/db");
  const { resetPasswordFromCommandLine } = await import("@/lib/users/passwords");
  try {
    const { password, user } = await resetPasswordFromCommandLine(args[0]);
    console.log(`[verity] ${user.email} (${user.name}, ${user.role}) on ${redact(target!.url)}`);
    console.log(`[verity] temporary password: ${password}`);
    console.log("[verity] their sessions have ended; they must choose a new password when they sign in.");
    if (!user.active) console.log("[verity] note: this account is deactivated; an admin must reactivate it before it can sign in.");
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(`[verity] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
