// A job's raw inputs into items: files parsed, pages and feeds fetched, each
// candidate article checked on its own, each ClaimReview record read on its own
// (one item per record, a fact-check). No database: the runner stores what
// comes back. Every failure here is an item's failure, never the job's.
// Pages, feeds and files are parsed in the import worker pool (worker/pool.ts),
// never on the app's event loop.
import { articleInputSchema } from "@/lib/articles/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { zodFields } from "@/lib/validation";
import { FACT_CHECK_INPUT_KEY } from "@/lib/factchecks/schema";
import { safeFetch } from "./fetch/safe-fetch";
import { recordLabel, splitList, type RecordEntry } from "./parsers/claimreviews";
import type { RawArticle } from "./parsers/types";
import { toArticleInput } from "./parsers/validate";
import type { ImportSource } from "./types";
import { readFeed, readFile, readPage } from "./worker/isolated";
import { ImportWorkersStopped } from "./worker/pool";

/** A candidate article or fact-check: its validated input (as JSON; a fact-check's is {factCheck: record}), or why it cannot be one. */
export type ExpandedItem =
  | { label: string; ok: true; input: Record<string, unknown> }
  | { label: string; ok: false; fields?: Record<string, string>; message: string };

export type ExpandOptions = {
  /** Fetch private, loopback and link-local addresses. Default: IMPORT_ALLOW_PRIVATE_HOSTS=1. */
  allowPrivate?: boolean;
};

const MAX_LABEL = 200;
const clip = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

/** Dates become ISO strings: the input is stored as JSON and parsed again when the item runs. */
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

function failure(label: string, e: unknown): ExpandedItem {
  // Shutting down is not the input's fault: the run stops and the job resumes later.
  if (e instanceof ImportWorkersStopped) throw e;
  if (e instanceof AppError && e.code === "invalid_input") {
    const fields = e.fields;
    const message = fields ? Object.values(fields).join("; ") : e.message;
    return { label: clip(label), ok: false, fields, message };
  }
  console.error("[verity] import: could not read an input:", e);
  return { label: clip(label), ok: false, message: "could not be read (an internal error, logged)" };
}

/** Parser output: loose strings, checked against the article schema. */
function fromRaw(label: string, raw: RawArticle): ExpandedItem {
  const r = toArticleInput(raw);
  return r.ok ? { label: clip(label), ok: true, input: asJson(r.input) } : { label: clip(label), ok: false, fields: r.fields, message: r.message };
}

/** API items: the same strict check as POST /api/articles, so unknown fields and wrong types are named. */
function fromApiItem(label: string, item: unknown): ExpandedItem {
  if (!item || typeof item !== "object" || Array.isArray(item)) return { label: clip(label), ok: false, fields: { item: "must be an object" }, message: "item: must be an object" };
  const r = articleInputSchema.safeParse(item);
  if (r.success) return { label: clip(label), ok: true, input: asJson(r.data) };
  const fields = zodFields(r.error);
  return { label: clip(label), ok: false, fields, message: Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ") };
}

/** A ClaimReview record as an item: the fact-check to store, or the field to blame. */
function fromRecord(where: string, entry: RecordEntry): ExpandedItem {
  const label = clip(recordLabel(where, entry));
  if (entry.read.ok) return { label, ok: true, input: asJson({ [FACT_CHECK_INPUT_KEY]: entry.read.record }) };
  const { field, message } = entry.read;
  return { label, ok: false, fields: { [field]: message }, message: `${field}: ${message}` };
}

const titled = (base: string, title: unknown) => (typeof title === "string" && title.trim() ? `${base}: ${title.trim()}` : base);

async function expandFile(name: string, content: string): Promise<ExpandedItem[]> {
  let entries: Awaited<ReturnType<typeof readFile>>;
  try {
    entries = await readFile(name, content);
  } catch (e) {
    return [failure(name, e)];
  }
  const lower = name.toLowerCase();
  if (entries.length === 1 && entries[0].kind === "article" && !lower.endsWith(".json") && !lower.endsWith(".csv")) return [fromRaw(name, entries[0].raw)];
  // CSV rows count as a spreadsheet shows them: the header is row 1.
  const unit = (i: number) => (lower.endsWith(".csv") ? `row ${i + 2}` : `item ${i + 1}`);
  if (entries.length === 0) {
    const reason = `${name}: has no articles${lower.endsWith(".json") ? " or ClaimReview records" : ""}`;
    return [{ label: name, ok: false, fields: { files: reason }, message: reason }];
  }
  return entries.map((e) => (e.kind === "article" ? fromRaw(`${name}, ${unit(e.index)}`, e.raw) : fromRecord(e.member !== undefined ? `${name}, item ${e.member}` : name, e)));
}

async function expandUrl(url: string, opts: ExpandOptions): Promise<ExpandedItem[]> {
  try {
    const page = await safeFetch(url, { accept: "html", field: "url", allowPrivate: opts.allowPrivate });
    const read = await readPage(page.body, page.url);
    // A fact-checker's page: its ClaimReview records, one fact-check each (not the page as an article).
    if (read.kind === "factchecks") return read.records.map((entry) => fromRecord(url, entry));
    const raw = read.article;
    return [fromRaw(url, { ...raw, sourceUrl: raw.sourceUrl ?? page.url })];
  } catch (e) {
    return [failure(url, e)];
  }
}

async function expandFeed(url: string, opts: ExpandOptions): Promise<ExpandedItem[]> {
  try {
    const res = await safeFetch(url, { accept: "feed", field: "feedUrl", allowPrivate: opts.allowPrivate });
    const max = env().IMPORT_MAX_FEED_ITEMS;
    const feed = await readFeed(res.body, res.url, max);
    if (feed.total === 0) return [{ label: url, ok: false, fields: { feedUrl: "has no items" }, message: "feedUrl: has no items" }];
    const items = feed.items.map((raw, i) => fromRaw(raw.title ?? raw.sourceUrl ?? `${url}, item ${i + 1}`, raw));
    if (feed.total > max) {
      // One failed entry says what was not imported and why, so the job ends PARTIAL rather than quietly short.
      const reason = `${feed.total - max} of its ${feed.total} items left out: at most ${max} items are read from a feed (IMPORT_MAX_FEED_ITEMS)`;
      items.push({ label: clip(url), ok: false, fields: { feedUrl: reason }, message: `feedUrl: ${reason}` });
    }
    return items;
  } catch (e) {
    return [failure(url, e)];
  }
}

/** Every candidate article in one input, in order. Never throws, except ImportWorkersStopped (the app is shutting down). */
export async function expandSource(source: ImportSource, opts: ExpandOptions = {}): Promise<ExpandedItem[]> {
  switch (source.type) {
    case "file":
      return expandFile(source.name, source.content);
    case "url":
      return expandUrl(source.url, opts);
    case "feed":
      return expandFeed(source.url, opts);
    case "items":
      // A member that is (or holds) ClaimReview records gives one item per record; any other is an article.
      return splitList(source.items).map((e) =>
        e.kind === "article" ? fromApiItem(titled(`Item ${e.index + 1}`, (e.value as { title?: unknown } | null)?.title), e.value) : fromRecord(`Item ${e.member}`, e),
      );
    case "paste":
      return [fromApiItem(titled("Pasted article", source.article.title), source.article)];
  }
}

/** For people: what a job was asked to import. */
export function describeSources(sources: ImportSource[]): string {
  const files = sources.filter((s) => s.type === "file").map((s) => s.name);
  const parts: string[] = [];
  if (files.length) parts.push(files.length === 1 ? files[0] : `${files.length} files: ${files.join(", ")}`);
  for (const s of sources) {
    if (s.type === "url") parts.push(s.url);
    if (s.type === "feed") parts.push(`feed ${s.url}`);
    if (s.type === "items") parts.push(`${s.items.length} item${s.items.length === 1 ? "" : "s"}`);
    if (s.type === "paste") parts.push(titled("Pasted article", s.article.title));
  }
  return clip(parts.join("; "));
}
