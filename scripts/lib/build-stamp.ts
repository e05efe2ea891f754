// Decides whether the production build is missing or stale: a hash of every
// input the build reads, compared with the one written after the last build.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUT_DIRS = ["app", "components", "lib", "public", "seeds"];
const INPUT_FILES = ["instrumentation.ts", "proxy.ts", "package-lock.json", "package.json", "next.config.js", "tailwind.config.ts", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", ".next", "generated", ".data"]);

function walk(dir: string, out: string[]) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile() && !/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
}

export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const d of INPUT_DIRS) walk(path.join(root, d), files);
  for (const f of INPUT_FILES) if (fs.existsSync(path.join(root, f))) files.push(path.join(root, f));
  const h = createHash("sha256");
  for (const f of files.sort()) {
    h.update(path.relative(root, f));
    h.update("\0");
    h.update(fs.readFileSync(f));
    h.update("\0");
  }
  return h.digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "verity-build-stamp");

export function isBuildCurrent(root: string): boolean {
  const stamp = stampFile(root);
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  return fs.readFileSync(stamp, "utf8").trim() === sourceHash(root);
}

export function writeBuildStamp(root: string): void {
  fs.writeFileSync(stampFile(root), sourceHash(root));
}
