// Runs `prisma generate` without letting the Prisma CLI download its native
// schema engine (this machine has no internet). `generate` never executes the
// engine, it only checks that the path exists, so a placeholder file is enough.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const placeholder = path.join(os.tmpdir(), "verity-prisma-schema-engine-placeholder");
if (!fs.existsSync(placeholder)) fs.writeFileSync(placeholder, "");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const bin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
if (!fs.existsSync(bin)) {
  // `npm ci --omit=dev` has no CLI; the generated client must then already exist.
  console.warn("prisma CLI not installed; skipping prisma generate");
  process.exit(0);
}
const r = spawnSync(bin, ["generate"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
