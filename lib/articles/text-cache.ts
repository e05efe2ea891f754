import "server-only";
import { prisma } from "@/lib/db";
import { isValidBlocks, type Block } from "./blocks";

// An article's text is fixed for a revision, and it is what the hot paths need
// most: every claim written is checked against it, and the reader sends it. A
// 100 KB text read per claim was most of a claim write's cost. So the text is
// kept per (article, revision), least recently used first out, within a budget
// of characters. It is only a cache: every write still checks the revision in
// its own statement (another app instance may have revised the article), and a
// miss reads the database. Nothing else in another instance depends on it.

const BUDGET_CHARS = 8_000_000;

export type ArticleText = { id: string; revision: number; status: string; text: string; blocks: Block[] };

type Cache = { entries: Map<string, ArticleText>; chars: number };
const g = globalThis as unknown as { verityArticleTexts?: Cache };
const cache = (): Cache => (g.verityArticleTexts ??= { entries: new Map(), chars: 0 });

function remember(a: ArticleText) {
  const c = cache();
  const old = c.entries.get(a.id);
  if (old) {
    c.entries.delete(a.id);
    c.chars -= old.text.length;
  }
  if (a.text.length > BUDGET_CHARS) return;
  c.entries.set(a.id, a);
  c.chars += a.text.length;
  for (const [id, e] of c.entries) {
    if (c.chars <= BUDGET_CHARS) break;
    c.entries.delete(id);
    c.chars -= e.text.length;
  }
}

/**
 * The article's text and blocks as last seen here (maybe an older revision:
 * callers check, or ask for `fresh`), else from the database.
 */
export async function articleText(id: string, opts: { fresh?: boolean } = {}): Promise<ArticleText | null> {
  const c = cache();
  const hit = opts.fresh ? undefined : c.entries.get(id);
  if (hit) {
    // Most recently used last.
    c.entries.delete(id);
    c.entries.set(id, hit);
    return hit;
  }
  const row = await prisma.article.findUnique({ where: { id }, select: { id: true, revision: true, status: true, text: true, blocks: true } });
  if (!row) {
    forgetArticleText(id);
    return null;
  }
  const blocks: Block[] = isValidBlocks(row.blocks, row.text.length) ? row.blocks : [{ type: "paragraph", start: 0, end: row.text.length }];
  const entry = { ...row, blocks };
  remember(entry);
  return entry;
}

export function forgetArticleText(id: string) {
  const c = cache();
  const old = c.entries.get(id);
  if (!old) return;
  c.entries.delete(id);
  c.chars -= old.text.length;
}
