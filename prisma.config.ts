import { defineConfig } from "prisma/config";

// The datasource URL only matters to Prisma CLI commands that connect; Verity
// applies migrations with its own applier (scripts/migrate.ts), because the
// Prisma schema engine cannot be downloaded on every machine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/verity" },
});
