// Demo data: the three demo accounts and the article Verity was created from.
// Idempotent: running it twice changes nothing.
import fs from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { importArticle, type ImportResult } from "@/lib/imports/mutations";
import { recordAudit } from "@/lib/audit/mutations";
import { ensureSuggestions } from "@/lib/suggestions/store";
import { articleInputSchema } from "@/lib/articles/schema";
import type { Role } from "@/lib/auth/permissions";

export const DEMO_USERS: Array<{ email: string; name: string; role: Role }> = [
  { email: "admin@example.org", name: "Ada Admin", role: "ADMIN" },
  { email: "editor@example.org", name: "Eddie Editor", role: "EDITOR" },
  { email: "reviewer@example.org", name: "Rita Reviewer", role: "REVIEWER" },
];

const SEEDS_DIR = path.join(process.cwd(), "seeds");

type SeedMeta = {
  file: string;
  title: string;
  author: string | null;
  publisher: string | null;
  publishedAt: string;
  language: string;
  storyStartsWith: string;
  storyEndsBefore: string;
};

/** The seed article's story, without the page furniture (date line, ids, the empty comment field). */
export function seedArticleInput() {
  const meta = JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, "iran-cyber-attacks-2019.json"), "utf8")) as SeedMeta;
  const raw = fs.readFileSync(path.join(SEEDS_DIR, meta.file), "utf8");
  const start = raw.indexOf(meta.storyStartsWith);
  const end = raw.indexOf(meta.storyEndsBefore);
  if (start < 0) throw new Error(`seed ${meta.file}: story start "${meta.storyStartsWith}" not found`);
  const text = raw.slice(start, end > start ? end : undefined).trim();
  return articleInputSchema.parse({
    title: meta.title,
    text,
    author: meta.author,
    publisher: meta.publisher,
    publishedAt: meta.publishedAt,
    language: meta.language,
  });
}

export async function seedDemo(opts: { demoPassword: string; log?: (line: string) => void }): Promise<{ usersCreated: number; article: ImportResult }> {
  const log = opts.log ?? (() => {});
  let usersCreated = 0;
  for (const u of DEMO_USERS) {
    const existing = await prisma.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (existing) continue;
    const passwordHash = await hashPassword(opts.demoPassword);
    await prisma.$transaction(async (tx) => {
      // Flagged so admins are told while an account with the published password is active.
      const created = await tx.user.create({ data: { ...u, passwordHash, demoPassword: true } });
      await recordAudit(tx, { actorId: null, action: "user.create", entityType: "User", entityId: created.id, changes: { email: u.email, role: u.role, via: "seed" } });
    });
    usersCreated++;
  }
  const admin = await prisma.user.findUnique({ where: { email: "admin@example.org" }, select: { id: true } });
  const article = await importArticle(admin?.id ?? null, seedArticleInput(), "SEED");
  // A seed article stored before suggestions existed gets them now (a no-op once it has some).
  if (article.status === "duplicate") await ensureSuggestions(article.articleId);
  log(`seed: ${usersCreated} demo user(s) created; seed article ${article.status === "imported" ? "imported" : "already present"} (/articles/${article.articleId})`);
  return { usersCreated, article };
}
