import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guards";
import { ARTICLE_STATUSES } from "@/lib/articles/schema";
import { CLAIM_STATUSES, CLAIM_STATUS_LABEL, VERDICTS, VERDICT_INFO } from "@/lib/claims/constants";
import { plainFieldMessage } from "@/lib/messages";
import { search } from "@/lib/search/data";
import { SEARCH_TYPES, searchQuerySchema, type SearchQuery, type SearchResult, type SearchType } from "@/lib/search/schema";
import { SearchResults } from "@/components/search/search-results";
import { Alert } from "@/components/ui/alert";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filters";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/table";

export const metadata: Metadata = { title: "Search" };

const KEYS = ["q", "type", "verdict", "status", "publisher", "from", "to", "page"] as const;
type SP = Partial<Record<(typeof KEYS)[number], string | string[]>>;

const TAB_LABEL: Record<SearchType, string> = { article: "Articles", claim: "Claims", source: "Sources", factcheck: "Fact-checks" };
const capitalized = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
const STATUS_OPTIONS = [
  ...ARTICLE_STATUSES.map((s) => ({ value: s, label: `${capitalized(s)} article` })),
  ...CLAIM_STATUSES.map((s) => ({ value: s, label: `${CLAIM_STATUS_LABEL[s]} claim` })),
];

/** The address's filters, those that do not parse left out (and named in `problems`). */
function readQuery(raw: Record<string, string>): { query: SearchQuery | null; problems: string[] } {
  const first = searchQuerySchema.safeParse(raw);
  if (first.success) return { query: first.data, problems: [] };
  const bad = new Map(first.error.issues.map((i) => [String(i.path[0] ?? "q"), i.message]));
  const problems = [...bad].filter(([k]) => k !== "q" || raw.q?.trim()).map(([k, why]) => plainFieldMessage(k, why));
  if (bad.has("q")) return { query: null, problems };
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)));
  const second = searchQuerySchema.safeParse(kept);
  return { query: second.success ? second.data : null, problems };
}

function DateInput({ name, label, value }: { name: string; label: string; value?: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <input id={name} name={name} type="date" defaultValue={value ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1.5" />
    </div>
  );
}

const countText = (r: SearchResult, t: SearchType) => `${r.counts[t].toLocaleString("en")}${r.capped[t] ? "+" : ""}`;

export default async function SearchPage({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  const raw: Record<string, string> = {};
  for (const k of KEYS) {
    const v = Array.isArray(sp[k]) ? sp[k][0] : sp[k];
    if (v) raw[k] = v;
  }
  // Signing in comes back to this very search.
  await requirePermission("search:read", Object.keys(raw).length ? `/search?${new URLSearchParams(raw)}` : "/search");
  const { query, problems } = readQuery(raw);
  const result = query ? await search(query) : null;

  const href = (over: Partial<Record<(typeof KEYS)[number], string | undefined>>) => {
    const params = new URLSearchParams();
    for (const k of KEYS) {
      const v = k in over ? over[k] : raw[k];
      if (v && !(k === "page" && v === "1")) params.set(k, v);
    }
    return `/search?${params}`;
  };
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  const allCount = result ? SEARCH_TYPES.reduce((n, t) => n + result.counts[t], 0) : 0;
  const anyCapped = result ? SEARCH_TYPES.some((t) => result.capped[t]) : false;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Search</h1>
      <FilterForm action="/search" label="Search" search>
        <FilterInput name="q" label="Search for" type="search" value={raw.q} className="w-72" />
        {query?.type && <input type="hidden" name="type" value={query.type} />}
        <FilterSelect name="verdict" label="Verdict" value={query?.verdict} anyLabel="Any" options={VERDICTS.map((v) => ({ value: v, label: VERDICT_INFO[v].label }))} />
        <FilterSelect name="status" label="Status" value={query?.status} anyLabel="Any" options={STATUS_OPTIONS} />
        <FilterInput name="publisher" label="Publisher" value={query?.publisher} className="w-44" />
        <DateInput name="from" label="From" value={query?.from ? raw.from : undefined} />
        <DateInput name="to" label="To" value={query?.to ? raw.to : undefined} />
      </FilterForm>
      <p className="text-sm text-slate-700">
        Words match in any form (“runs” finds “running”) and without accents. Use <kbd>{'"exact phrase"'}</kbd>, <kbd>OR</kbd> and <kbd>-word</kbd>; press <kbd>/</kbd> anywhere to search.
      </p>
      {problems.length > 0 && (
        <Alert tone="warning" title={query ? "Some filters were left out" : "Check the search"}>
          <ul className="list-disc pl-5">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </Alert>
      )}
      {result && query && (
        <>
          <nav aria-label="Result types">
            <ul className="flex flex-wrap gap-2 border-b border-slate-200 text-sm">
              {[undefined, ...SEARCH_TYPES].map((t) => {
                const current = query.type === t;
                const label = t ? `${TAB_LABEL[t]} (${countText(result, t)})` : `All (${allCount.toLocaleString("en")}${anyCapped ? "+" : ""})`;
                return (
                  <li key={t ?? "all"}>
                    <Link
                      href={href({ type: t, page: undefined })}
                      aria-current={current ? "page" : undefined}
                      className={`-mb-px inline-block border-b-2 px-3 py-2 ${current ? "border-blue-700 font-semibold text-blue-800" : "border-transparent text-slate-700 hover:text-blue-700"}`}
                    >
                      {label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <p className="text-sm text-slate-700" aria-live="polite">
            {result.total === 0
              ? "No results."
              : `${result.total.toLocaleString("en")}${query.type ? (result.capped[query.type] ? "+" : "") : anyCapped ? "+" : ""} result${result.total === 1 ? "" : "s"}${query.type ? ` in ${TAB_LABEL[query.type].toLowerCase()}` : ""}`}
            {(query.type ? result.capped[query.type] : anyCapped) && " — only the first 1,000 matches of a type are ranked: add words or filters to narrow the search."}
          </p>
          {result.items.length > 0 ? (
            <SearchResults items={result.items} firstNumber={(result.page - 1) * result.pageSize + 1} />
          ) : (
            <EmptyState>{result.total > 0 ? "No results on this page." : `Nothing matches “${query.q}”. Try fewer words, or other forms of them.`}</EmptyState>
          )}
          <Pagination page={result.page} pages={pages} href={(p) => href({ page: String(p) })} />
        </>
      )}
      {!result && !problems.length && <EmptyState>Type words to search articles, claims, sources and imported fact-checks.</EmptyState>}
    </div>
  );
}
