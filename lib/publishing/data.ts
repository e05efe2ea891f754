import "server-only";
import { cache } from "react";
import { prisma, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { claimReviewOrgUrl, toClaimReview } from "./claimreview";
import {
  buildSnapshot,
  diffSnapshots,
  parseSnapshot,
  previewFingerprint,
  STAY_OUT_REASON,
  stayOutCode,
  type LiveClaim,
  type SnapshotClaim,
} from "./snapshot";
import type { PublicationItem, PublishPreview } from "./types";

/** Every claim of an article in its live state, with its latest approval date. */
export async function loadLiveClaims(db: Db, articleId: string): Promise<LiveClaim[]> {
  const rows = await db.claim.findMany({
    where: { articleId },
    orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }],
    select: {
      id: true, exact: true, start: true, end: true, claimText: true, verdict: true, rationale: true, status: true, anchorStatus: true, version: true,
      sources: { orderBy: { position: "asc" }, select: { id: true, url: true, title: true, publisher: true, stance: true, archivedUrl: true, excerpt: true } },
      reviews: { where: { decision: "APPROVE" }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  return rows.map(({ reviews, ...c }) => ({ ...c, approvedAt: reviews[0]?.createdAt.toISOString() ?? null }));
}

export type PublishState = {
  article: { id: string; slug: string; status: "OPEN" | "PUBLISHED" | "ARCHIVED"; revision: number };
  live: LiveClaim[];
  snapshot: SnapshotClaim[];
  latest: { number: number; createdAt: Date; note: string | null; articleRevision: number; claims: SnapshotClaim[] } | null;
};

/** Reads what a publish decides on; `db` is the publish transaction, or the client for a preview. */
export async function loadPublishState(db: Db, article: PublishState["article"]): Promise<PublishState> {
  // One after the other: inside an interactive transaction the queries share one connection.
  const live = await loadLiveClaims(db, article.id);
  const latest = await db.publication.findFirst({
    where: { articleId: article.id },
    orderBy: { number: "desc" },
    select: { number: true, createdAt: true, note: true, articleRevision: true, claims: true },
  });
  return { article, live, snapshot: buildSnapshot(live), latest: latest ? { ...latest, claims: parseSnapshot(latest.claims) } : null };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Claims waiting for an editor's decision: they block publishing. */
export function waitingClaims(state: PublishState) {
  return state.live.filter((c) => c.status === "SUBMITTED").map((c) => ({ id: c.id, claimText: c.claimText, status: c.status }));
}

/** Why publishing now would be refused, in plain words; null when it may go ahead. */
export function publishBlocker(state: PublishState): string | null {
  if (state.article.status === "ARCHIVED") return "Archived articles cannot be published.";
  const waiting = waitingClaims(state);
  if (waiting.length) {
    return `${waiting.length} ${plural(waiting.length, "claim is", "claims are")} still waiting for review: ${waiting.map((p) => `“${p.claimText}”`).join(", ")}. Approve, reject or request changes first.`;
  }
  if (!state.snapshot.length) {
    return state.article.status === "PUBLISHED"
      ? "No approved claim would be left on the public page. Approve a claim, or unpublish instead."
      : "There is no approved claim to publish yet. Approve at least one claim first.";
  }
  return null;
}

export function fingerprintOf(state: PublishState): string {
  return previewFingerprint(state.latest?.number ?? null, state.snapshot, state.article.revision);
}

const articleForPublish = { id: true, slug: true, status: true, revision: true } as const;

/** What "Publish" / "Update publication" would do now: the dialog's preview. */
export async function getPublishPreview(articleId: string): Promise<PublishPreview> {
  const article = await prisma.article.findUnique({ where: { id: articleId }, select: articleForPublish });
  if (!article) throw notFound("Article");
  const state = await loadPublishState(prisma, article);
  const kind = article.status === "PUBLISHED" ? "update" : "publish";
  const diff = diffSnapshots(state.latest?.claims ?? null, state.snapshot);
  const changed = new Map(diff.changed.map((c) => [c.claim.id, c.fields]));
  const added = new Set(diff.added.map((c) => c.id));
  const liveById = new Map(state.live.map((c) => [c.id, c]));
  const pick = (c: SnapshotClaim) => ({ id: c.id, number: c.number, claimText: c.claimText, exact: c.exact, verdict: c.verdict });
  return {
    articleId: article.id,
    slug: article.slug,
    kind,
    nextNumber: (state.latest?.number ?? 0) + 1,
    latest: state.latest ? { number: state.latest.number, createdAt: state.latest.createdAt.toISOString(), note: state.latest.note } : null,
    goesLive: state.snapshot.map((c) => ({
      ...pick(c),
      change: added.has(c.id) ? "added" : changed.has(c.id) ? "changed" : "unchanged",
      changedFields: changed.get(c.id) ?? [],
    })),
    removed: diff.removed.map((c) => {
      const now = liveById.get(c.id);
      const code = now ? stayOutCode(now) : null;
      return { ...pick(c), reason: code ? STAY_OUT_REASON[code] : "Deleted" };
    }),
    staysOut: state.live.flatMap((c) => {
      const code = stayOutCode(c);
      return code ? [{ id: c.id, claimText: c.claimText, verdict: c.verdict, status: c.status, code, reason: STAY_OUT_REASON[code] }] : [];
    }),
    textChanged: !!state.latest && state.latest.articleRevision !== article.revision,
    blocker: publishBlocker(state),
    noteRequired: kind === "update",
    fingerprint: fingerprintOf(state),
  };
}

/** The numbered publications of an article, newest first. */
export async function listPublications(articleId: string): Promise<{ items: PublicationItem[] }> {
  const article = await prisma.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound("Article");
  const rows = await prisma.publication.findMany({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { number: true, note: true, createdAt: true, articleRevision: true, claims: true, editor: { select: { id: true, name: true } } },
  });
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), claims: parseSnapshot(r.claims) })) };
}

/**
 * A published fact-check as it went live: the latest publication's snapshot over
 * the article text of that publication's revision. Null when not published.
 */
export const getPublishedFactCheck = cache(async (slug: string) => {
  const article = await prisma.article.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, title: true, author: true, publisher: true, sourceUrl: true, publishedAt: true, language: true,
      text: true, blocks: true, revision: true, status: true, factCheckPublishedAt: true,
    },
  });
  if (!article || article.status !== "PUBLISHED") return null;
  const rows = await prisma.publication.findMany({
    where: { articleId: article.id },
    orderBy: { number: "asc" },
    select: { number: true, note: true, createdAt: true, articleRevision: true, claims: true },
  });
  const latest = rows.at(-1);
  let claims: SnapshotClaim[];
  let text = article.text;
  let blocks: unknown = article.blocks;
  /** When each claim first went live (its ClaimReview's datePublished). */
  const firstLive = new Map<string, Date>();
  if (latest) {
    claims = parseSnapshot(latest.claims);
    for (const r of rows) for (const c of parseSnapshot(r.claims)) if (!firstLive.has(c.id)) firstLive.set(c.id, r.createdAt);
    if (latest.articleRevision !== article.revision) {
      const rev = await prisma.articleRevision.findUnique({ where: { articleId_revision: { articleId: article.id, revision: latest.articleRevision } }, select: { text: true, blocks: true } });
      if (rev) ({ text, blocks } = rev);
    }
  } else {
    // Published before publications were recorded: the approved claims as they are.
    if (!article.factCheckPublishedAt) return null;
    claims = buildSnapshot(await loadLiveClaims(prisma, article.id));
  }
  const firstPublishedAt = rows[0]?.createdAt ?? article.factCheckPublishedAt!;
  const lastPublishedAt = latest?.createdAt ?? article.factCheckPublishedAt!;
  return {
    ...article,
    text,
    blocks,
    claims,
    firstPublishedAt,
    lastPublishedAt,
    firstLive,
    /** Every publication, newest first (empty for an article published before they were recorded). */
    publications: rows.map((r) => ({ number: r.number, note: r.note, createdAt: r.createdAt })).reverse(),
  };
});

export type PublishedFactCheck = NonNullable<Awaited<ReturnType<typeof getPublishedFactCheck>>>;

export function claimReviewsFor(fc: PublishedFactCheck, baseUrl: string) {
  const { ORG_NAME, ORG_URL, NEXTAUTH_URL } = env();
  const pageUrl = `${baseUrl}/fact-checks/${fc.slug}`;
  const org = { name: ORG_NAME, url: claimReviewOrgUrl({ ORG_URL, NEXTAUTH_URL }, baseUrl) };
  return fc.claims.map((c) =>
    toClaimReview({
      pageUrl,
      org,
      article: fc,
      claim: { id: c.id, claimText: c.claimText, verdict: c.verdict, approvedAt: c.approvedAt },
      publishedAt: fc.firstLive.get(c.id) ?? fc.firstPublishedAt,
      modifiedAt: fc.lastPublishedAt,
    }),
  );
}
