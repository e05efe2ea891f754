import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { isValidBlocks, type Block } from "@/lib/articles/blocks";
import { STANCE_LABEL, VERDICTS, VERDICT_INFO } from "@/lib/claims/constants";
import { claimAnchor, jsonLdScript } from "@/lib/publishing/claimreview";
import { claimReviewsFor, getPublishedFactCheck } from "@/lib/publishing/data";
import { alsoCheckedFor, type AlsoChecked } from "@/lib/publishing/also-checked";
import { originFromHeaders, siteUrl } from "@/lib/site-url";
import { env } from "@/lib/env";
import { Markdown } from "@/components/ui/markdown";
import { formatDate } from "@/components/ui/format";
import { VerdictBadge } from "@/components/workspace/verdict-badge";
import { PublishedArticle } from "@/components/publishing/published-article";

type Props = { params: Promise<{ slug: string }> };

/** "Article by A, Publisher, published 24 June 2019." with only the parts that are known; null when none is. */
function bylineOf(a: { author: string | null; publisher: string | null; publishedAt: Date | null }): string | null {
  const parts: string[] = [];
  if (a.author) parts.push(`by ${a.author}`);
  if (a.publisher) parts.push(a.author ? a.publisher : `from ${a.publisher}`);
  if (a.publishedAt) parts.push(`published ${formatDate(a.publishedAt)}`);
  if (!parts.length) return null;
  return `Article ${parts.join(", ")}.`;
}

/** A fact-check's rating in its publisher's words, else Verity's nearest verdict. */
function ratingOf(a: Extract<AlsoChecked, { kind: "factcheck" }>): string {
  return a.rating || (a.verdict ? VERDICT_INFO[a.verdict].label : "no rating given");
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "another fact-checker";
  }
}

/** "Also checked by Full Fact: False (their fact-check)" and "Also checked in <article>": earlier checks of the same claim, public ones only. */
function AlsoCheckedList({ items }: { items: AlsoChecked[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="space-y-1 border-t border-slate-200 pt-2 text-sm text-slate-800">
      {items.map((a) =>
        a.kind === "factcheck" ? (
          <li key={`f-${a.id}`}>
            Also checked by {a.publisher || hostOf(a.url)}: {ratingOf(a)}
            {/^https?:\/\//i.test(a.url) && <> (<a href={a.url} rel="noopener noreferrer nofollow" className="text-blue-700 underline">their fact-check</a>)</>}
          </li>
        ) : (
          <li key={`c-${a.id}`}>
            Also checked in <a href={`/fact-checks/${a.slug}#${claimAnchor(a.id)}`} className="text-blue-700 underline">{a.articleTitle}</a>
          </li>
        ),
      )}
    </ul>
  );
}

async function baseUrl() {
  return siteUrl(originFromHeaders(await headers()));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const fc = await getPublishedFactCheck(slug);
  if (!fc) return { title: "Not found" };
  const url = `${await baseUrl()}/fact-checks/${fc.slug}`;
  const description = `${fc.claims.length} claim${fc.claims.length === 1 ? "" : "s"} checked in “${fc.title}”: ${fc.claims.map((c) => `${VERDICT_INFO[c.verdict].label}: ${c.claimText}`).join("; ").slice(0, 240)}`;
  return {
    title: `Fact-check: ${fc.title}`,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "article", url, title: `Fact-check: ${fc.title}`, description, siteName: env().ORG_NAME,
      publishedTime: fc.firstPublishedAt.toISOString(), modifiedTime: fc.lastPublishedAt.toISOString(),
    },
    twitter: { card: "summary", title: `Fact-check: ${fc.title}`, description },
  };
}

export default async function FactCheckPage({ params }: Props) {
  const { slug } = await params;
  const fc = await getPublishedFactCheck(slug);
  if (!fc) notFound();
  const reviews = claimReviewsFor(fc, await baseUrl());
  const blocks: Block[] = isValidBlocks(fc.blocks, fc.text.length) ? fc.blocks : [{ type: "paragraph", start: 0, end: fc.text.length }];
  const updated = fc.publications.length > 1;
  const byline = bylineOf(fc);
  const alsoChecked = await alsoCheckedFor(fc.claims.map((c) => c.id), fc.id);
  const counts = VERDICTS.map((v) => [v, fc.claims.filter((c) => c.verdict === v).length] as const).filter(([, n]) => n > 0);

  return (
    <article className="mx-auto max-w-3xl space-y-8">
      {reviews.map((r, i) => (
        <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(r) }} />
      ))}
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-blue-800">Fact-check · {env().ORG_NAME}</p>
        <h1 className="text-3xl font-bold leading-tight">{fc.title}</h1>
        <p className="text-sm text-slate-700">
          {byline && <>{byline} </>}
          {fc.sourceUrl && <><a href={fc.sourceUrl} rel="noopener noreferrer nofollow" className="text-blue-700 underline">Read the original</a>. </>}
          Fact-check published <time dateTime={fc.firstPublishedAt.toISOString()}>{formatDate(fc.firstPublishedAt)}</time>.
          {updated && <> <strong className="font-semibold text-slate-900">Updated <time dateTime={fc.lastPublishedAt.toISOString()}>{formatDate(fc.lastPublishedAt)}</time></strong> (<a href="#updates-h" className="text-blue-700 underline">see the updates</a>).</>}
        </p>
      </header>
      <section aria-labelledby="summary-h" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="summary-h" className="text-lg font-semibold">Verdict summary</h2>
        <ul className="mt-2 flex flex-wrap gap-3">
          {counts.map(([v, n]) => (
            <li key={v} className="flex items-center gap-2"><VerdictBadge verdict={v} /> <span>{n} claim{n === 1 ? "" : "s"}</span></li>
          ))}
          {counts.length === 0 && <li>No claims were checked in this article.</li>}
        </ul>
      </section>
      <section aria-labelledby="checks-h" className="space-y-6">
        <h2 id="checks-h" className="text-xl font-semibold">What we checked</h2>
        {fc.claims.map((c) => (
          <section key={c.id} id={claimAnchor(c.id)} aria-labelledby={`h-${c.id}`} className="scroll-mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h3 id={`h-${c.id}`} className="text-lg font-semibold">{c.claimText}</h3>
            <p className="flex items-center gap-2 text-sm"><span className="font-medium">Verdict:</span> <VerdictBadge verdict={c.verdict} /> <span className="text-slate-600">{VERDICT_INFO[c.verdict].description}</span></p>
            <blockquote className="border-l-4 border-slate-300 pl-3 italic text-slate-700">“{c.exact}”</blockquote>
            {c.rationale && <Markdown>{c.rationale}</Markdown>}
            {c.sources.length > 0 && (
              <div>
                <h4 className="font-semibold">Sources</h4>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                  {c.sources.map((s) => (
                    <li key={s.id}>
                      <a href={s.url} rel="noopener noreferrer nofollow" className="text-blue-700 underline">{s.title}</a>
                      {s.publisher && <> · {s.publisher}</>} <span className="text-slate-600">({STANCE_LABEL[s.stance].toLowerCase()})</span>
                      {s.archivedUrl && <> · <a href={s.archivedUrl} rel="noopener noreferrer nofollow" className="text-blue-700 underline">archived copy</a></>}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <AlsoCheckedList items={alsoChecked.get(c.id) ?? []} />
          </section>
        ))}
      </section>
      <section aria-labelledby="text-h" className="space-y-3">
        <h2 id="text-h" className="text-xl font-semibold">The article, annotated</h2>
        <PublishedArticle text={fc.text} blocks={blocks} claims={fc.claims} />
      </section>
      {updated && (
        <section aria-labelledby="updates-h" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="updates-h" className="scroll-mt-4 text-xl font-semibold">Updates</h2>
          <ol className="space-y-3">
            {fc.publications.map((p) => (
              <li key={p.number} className="text-sm">
                <p className="font-medium">
                  Publication {p.number}{p.number === 1 ? " (first published)" : ""} · <time dateTime={p.createdAt.toISOString()}>{formatDate(p.createdAt)}</time>
                </p>
                {p.note ? <p className="mt-0.5 whitespace-pre-line text-slate-800">{p.note}</p> : p.number > 1 && <p className="mt-0.5 text-slate-700">Published again.</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
