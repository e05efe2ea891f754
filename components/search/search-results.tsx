import Link from "next/link";
import { CLAIM_STATUS_LABEL, VERDICT_INFO, type ClaimStatus, type Verdict } from "@/lib/claims/constants";
import { firstMarked, textFragment } from "@/lib/search/snippet";
import type { SearchItem, SearchType } from "@/lib/search/schema";
import { ArticleStatusBadge } from "@/components/articles/status-badge";
import { VerdictBadge } from "@/components/workspace/verdict-badge";
import { formatDate } from "@/components/ui/format";
import { SnippetText } from "./snippet-text";

export const TYPE_LABEL: Record<SearchType, string> = { article: "Article", claim: "Claim", source: "Source", factcheck: "Fact-check" };

const isWebUrl = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url);

/**
 * Where a result opens: an article at the first marked words, a claim or a
 * source at its claim in the article (?claim=), a fact-check at its
 * publisher's page. The article's words ride twice: as `?find=` for the reader
 * (its text loads after the page, too late for the browser's own search) and
 * as a text fragment (`#:~:text=`) for a browser that finds them itself.
 */
export function resultHref(item: SearchItem): string | null {
  switch (item.type) {
    case "article": {
      const words = firstMarked(item.snippet);
      return `/articles/${item.id}${words ? `?${new URLSearchParams({ find: words })}${textFragment(words)}` : ""}`;
    }
    case "claim":
      return item.articleId ? `/articles/${item.articleId}?claim=${encodeURIComponent(item.id)}` : null;
    case "source":
      return item.articleId && item.claimId ? `/articles/${item.articleId}?claim=${encodeURIComponent(item.claimId)}` : null;
    case "factcheck":
      return isWebUrl(item.url) ? item.url : null;
  }
}

function Meta({ item }: { item: SearchItem }) {
  const parts: React.ReactNode[] = [];
  if (item.verdict && item.verdict in VERDICT_INFO) parts.push(<VerdictBadge key="v" verdict={item.verdict as Verdict} />);
  if (item.type === "factcheck" && item.rating) parts.push(<span key="r">Rated “{item.rating}”</span>);
  if (item.status && item.type === "article") parts.push(<ArticleStatusBadge key="s" status={item.status} />);
  else if (item.status && item.status in CLAIM_STATUS_LABEL) parts.push(<span key="s">{CLAIM_STATUS_LABEL[item.status as ClaimStatus]}</span>);
  if (item.articleTitle) parts.push(<span key="a">in <cite className="not-italic">{item.articleTitle}</cite></span>);
  if (item.publisher) parts.push(<span key="p">{item.publisher}</span>);
  if (item.date) parts.push(<span key="d">{formatDate(item.date)}</span>);
  if (item.type === "source" && item.url) parts.push(<span key="u" className="break-all">{item.url}</span>);
  return <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">{parts}</p>;
}

export function SearchResults({ items, firstNumber }: { items: SearchItem[]; firstNumber: number }) {
  return (
    <ol aria-label="Results" start={firstNumber} className="space-y-5">
      {items.map((item) => {
        const href = resultHref(item);
        const title = item.title || "(untitled)";
        return (
          <li key={`${item.type}:${item.id}`} className="rounded border border-slate-200 bg-white p-4">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{TYPE_LABEL[item.type]}</p>
            <h2 className="mt-0.5 text-lg font-semibold leading-snug">
              {href && item.type === "factcheck" ? (
                <a href={href} rel="noopener noreferrer" className="text-blue-700 hover:underline">{title}</a>
              ) : href && item.type === "article" ? (
                // A document load, not a client-side route change: only then does the browser follow the text fragment.
                <a href={href} className="text-blue-700 hover:underline">{title}</a>
              ) : href ? (
                <Link href={href} className="text-blue-700 hover:underline">{title}</Link>
              ) : (
                title
              )}
            </h2>
            {item.snippet && (
              <p className="mt-1 text-slate-800">
                <SnippetText snippet={item.snippet} />
              </p>
            )}
            <Meta item={item} />
          </li>
        );
      })}
    </ol>
  );
}
