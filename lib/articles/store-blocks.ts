import "server-only";
import type { Tx } from "@/lib/db";
import type { Block } from "./blocks";

// Prisma turns a Json value into its query node by node, on the event loop:
// the 99,000 blocks of a page of tiny paragraphs (which an import may bring)
// held the app's event loop for 1-2 s per copy, and an article stores two (its
// own and its revision's). Long block lists go to PostgreSQL as one JSON text
// parameter instead, in the same transaction; short ones stay in the Prisma
// call, so the usual article costs no extra statements.

/** Block lists up to this long are written by Prisma itself. */
export const INLINE_BLOCKS_MAX = 1_000;

/** What the Prisma create or update is given: the blocks, or an empty list that writeLongBlocks then replaces. */
export const inlineBlocks = (blocks: Block[]): Block[] => (blocks.length > INLINE_BLOCKS_MAX ? [] : blocks);

/** Writes a long block list to the article and to its revision `revision` (after they were written with inlineBlocks). */
export async function writeLongBlocks(tx: Tx, articleId: string, revision: number, blocks: Block[]): Promise<void> {
  if (blocks.length <= INLINE_BLOCKS_MAX) return;
  const json = JSON.stringify(blocks);
  await tx.$executeRaw`UPDATE "Article" SET blocks = ${json}::jsonb WHERE id = ${articleId}`;
  await tx.$executeRaw`UPDATE "ArticleRevision" SET blocks = ${json}::jsonb WHERE "articleId" = ${articleId} AND revision = ${revision}`;
}
