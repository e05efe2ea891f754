// schema.org ClaimReview for one approved claim, to Google's fact-check
// markup requirements. Pure: the page and the API serialise the same objects.
import { VERDICT_INFO, type Verdict } from "@/lib/claims/constants";

export type ClaimReviewInput = {
  pageUrl: string;
  org: { name: string; url: string };
  article: { title: string; author: string | null; publisher: string | null; sourceUrl: string | null; publishedAt: Date | string | null };
  claim: { id: string; claimText: string; verdict: Verdict; approvedAt?: Date | string | null };
  /** When this claim's review first went live (the first publication that carried it). */
  publishedAt: Date | string;
  /** The latest publication of the page (an update); defaults to `publishedAt`. */
  modifiedAt?: Date | string;
};

const iso = (d: Date | string) => (typeof d === "string" ? new Date(d) : d).toISOString();

export function claimAnchor(claimId: string): string {
  return `claim-${claimId}`;
}

/**
 * The organisation's URL for ClaimReview `author.url`: ORG_URL, else the public
 * address (NEXTAUTH_URL), else the address the request came to. Never a made-up host.
 */
export function claimReviewOrgUrl(settings: { ORG_URL?: string; NEXTAUTH_URL?: string }, requestBaseUrl: string): string {
  const configured = settings.ORG_URL || settings.NEXTAUTH_URL;
  return (configured || requestBaseUrl).replace(/\/+$/, "");
}

export function toClaimReview({ pageUrl, org, article, claim, publishedAt, modifiedAt }: ClaimReviewInput) {
  const info = VERDICT_INFO[claim.verdict];
  const claimant = article.author
    ? { "@type": "Person", name: article.author }
    : article.publisher
      ? { "@type": "Organization", name: article.publisher }
      : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `${pageUrl}#${claimAnchor(claim.id)}`,
    claimReviewed: claim.claimText,
    datePublished: iso(publishedAt).slice(0, 10),
    dateModified: iso(modifiedAt && new Date(modifiedAt) > new Date(publishedAt) ? modifiedAt : publishedAt).slice(0, 10),
    author: { "@type": "Organization", name: org.name, url: org.url },
    reviewRating: {
      "@type": "Rating",
      // Verdicts off the true–false scale (misleading, outdated, unverifiable) carry only their name.
      ...(info.rating !== null ? { ratingValue: info.rating, bestRating: 5, worstRating: 1 } : {}),
      alternateName: info.label,
    },
    itemReviewed: {
      "@type": "Claim",
      ...(claimant ? { author: claimant } : {}),
      ...(article.publishedAt ? { datePublished: iso(article.publishedAt).slice(0, 10) } : {}),
      appearance: {
        "@type": "CreativeWork",
        headline: article.title,
        ...(article.sourceUrl ? { url: article.sourceUrl } : {}),
        ...(article.publisher ? { publisher: { "@type": "Organization", name: article.publisher } } : {}),
      },
    },
  };
}

export type ClaimReview = ReturnType<typeof toClaimReview>;

/** JSON for a <script type="application/ld+json">: no "</script>" or HTML comment can break out. */
export function jsonLdScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
