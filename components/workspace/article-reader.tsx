"use client";
import { useEffect, useState } from "react";
import type { Block } from "@/lib/articles/blocks";
import { decodeBlocks, decodeClaims, type EncodedBlock, type EncodedClaims } from "@/lib/claims/reader-codec";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ArticleWorkspace } from "./article-workspace";
import type { ClaimSummaryDto, Viewer } from "./types";

type ReaderData = { id: string; revision: number; text: string; blocks: EncodedBlock[] } & EncodedClaims;
type Loaded = { article: { id: string; text: string; blocks: Block[] }; claims: ClaimSummaryDto[] };

/**
 * The reader's text and claims come in one request once the page is in the
 * browser: the page itself carries no article text, so the text travels once
 * (a server-rendered body would travel twice, as HTML and again in the React
 * payload that hydrates it), and the server renders only the page's frame.
 */
export function ArticleReader({ articleId, viewer, initialClaimId }: { articleId: string; viewer: Viewer; initialClaimId?: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void api<ReaderData>("GET", `/api/articles/${encodeURIComponent(articleId)}/reader`).then((r) => {
      if (!live) return;
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      const { id, text, blocks } = r.data;
      setLoaded({ article: { id, text, blocks: decodeBlocks(blocks) }, claims: decodeClaims(r.data, text) });
    });
    return () => {
      live = false;
    };
  }, [articleId, attempt]);

  const retry = () => {
    setError(null);
    setAttempt((n) => n + 1);
  };

  if (error) {
    return (
      <div className="space-y-3">
        <Notice tone="error">The article could not be loaded: {error}</Notice>
        <Button tone="secondary" onClick={retry}>Try again</Button>
      </div>
    );
  }
  if (!loaded) {
    return (
      <p role="status" className="animate-pulse rounded-lg border border-slate-200 bg-white p-6 text-slate-600">
        Loading the article…
      </p>
    );
  }
  return <ArticleWorkspace article={loaded.article} initialClaims={loaded.claims} initialClaimId={initialClaimId} viewer={viewer} />;
}
