// schema.org ClaimReview records in, fact-checks out. A newsroom's archive
// comes as one object, an array, an ItemList, a DataFeed, an @graph, or the
// JSON-LD of its published pages; each ClaimReview found becomes one fact-check
// or one error naming the record and the field. Bounded walk (no trust in one
// shape, no unbounded recursion). Pure.
import { absoluteHttpUrl, cleanText, joinNames, languageTag, toIsoDate } from "@/lib/imports/parsers/normalize";
import { mapRating, type MappedRating } from "./rating";

export type FactCheckRecord = {
  url: string;
  claimReviewed: string;
  /** The review's headline (ClaimReview name, else headline). */
  title: string | null;
  /** The rating as the publisher wrote it. */
  rating: { alternateName: string | null; ratingValue: number | null; bestRating: number | null; worstRating: number | null };
  mapped: MappedRating;
  publisher: string | null;
  /** Who made the claim (itemReviewed.author). */
  claimant: string | null;
  /** Where the claim appeared (itemReviewed.appearance / firstAppearance). */
  appearanceUrl: string | null;
  datePublished: string | null;
  language: string | null;
};

export type RecordError = { index: number; field: string; message: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const MAX_DEPTH = 8;
/** An archive is large; a walk over more nodes than this stops (the records found so far count). */
export const MAX_NODES = 500_000;
const MAX_CLAIM = 2_000;
const MAX_NAME = 300;
const MAX_TITLE = 500;

function typeNames(node: Obj): string[] {
  const t = node["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string").map((x) => x.replace(/^.*[/:#]/, ""));
}

export const isClaimReview = (v: unknown): v is Obj => isObj(v) && typeNames(v).includes("ClaimReview");

/**
 * Every ClaimReview object in a JSON value, in document order: the value
 * itself, array members, ItemList itemListElement (ListItem.item or the item
 * itself), DataFeed dataFeedElement (DataFeedItem.item), @graph, and any
 * other nesting up to MAX_DEPTH. A ClaimReview's own insides are not searched.
 */
export function findClaimReviews(root: unknown): Obj[] {
  const found: Obj[] = [];
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  for (let seen = 0; stack.length && seen < MAX_NODES; seen++) {
    const { value, depth } = stack.pop()!;
    if (isClaimReview(value)) {
      found.push(value);
      continue;
    }
    if (depth >= MAX_DEPTH) continue;
    const children = Array.isArray(value) ? value : isObj(value) ? Object.values(value) : [];
    // Reversed onto the stack so that records come out in document order.
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (typeof c === "object" && c !== null) stack.push({ value: c, depth: depth + 1 });
    }
  }
  return found;
}

function name(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  return joinNames(list.map((v) => (typeof v === "string" ? (/^https?:\/\//i.test(v.trim()) ? undefined : v) : isObj(v) ? cleanText(v.name) : undefined)));
}

function urlOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return absoluteHttpUrl(first);
  if (isObj(first)) return absoluteHttpUrl(first.url) ?? absoluteHttpUrl(first["@id"]);
  return undefined;
}

function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

const clip = (s: string | undefined, max: number) => (s && s.length > max ? s.slice(0, max) : s);

/**
 * One ClaimReview as a fact-check, or the first problem with it. `pageUrl`
 * (for a record found in a page's JSON-LD) resolves a relative url and stands
 * in for a missing one.
 */
export function readClaimReview(node: Obj, pageUrl?: string): { ok: true; record: FactCheckRecord } | { ok: false; field: string; message: string } {
  const url = absoluteHttpUrl(node.url, pageUrl) ?? absoluteHttpUrl(node["@id"], pageUrl) ?? (pageUrl ? absoluteHttpUrl(pageUrl) : undefined);
  // Messages read after the field's name, as the API's do: "claimReviewed: is required (…)".
  if (!url) return { ok: false, field: "url", message: "is required: the http or https address of the fact-check" };
  const claimReviewed = cleanText(node.claimReviewed) ?? (isObj(node.itemReviewed) ? cleanText(node.itemReviewed.name) : undefined);
  if (!claimReviewed) return { ok: false, field: "claimReviewed", message: "is required: the claim the record reviews" };
  if (claimReviewed.length > MAX_CLAIM) return { ok: false, field: "claimReviewed", message: `must be at most ${MAX_CLAIM} characters` };
  const r = (Array.isArray(node.reviewRating) ? node.reviewRating[0] : node.reviewRating) as unknown;
  const rating = {
    alternateName: clip(isObj(r) ? (cleanText(r.alternateName) ?? cleanText(r.name)) : undefined, MAX_NAME) ?? null,
    ratingValue: (isObj(r) ? num(r.ratingValue) : undefined) ?? null,
    bestRating: (isObj(r) ? num(r.bestRating) : undefined) ?? null,
    worstRating: (isObj(r) ? num(r.worstRating) : undefined) ?? null,
  };
  if (rating.alternateName === null && rating.ratingValue === null) {
    return { ok: false, field: "reviewRating", message: "is required: a rating with an alternateName or a ratingValue" };
  }
  const item = isObj(node.itemReviewed) ? node.itemReviewed : {};
  return {
    ok: true,
    record: {
      url,
      claimReviewed,
      title: clip(cleanText(node.name) ?? cleanText(node.headline), MAX_TITLE) ?? null,
      rating,
      mapped: mapRating({
        alternateName: rating.alternateName ?? undefined,
        ratingValue: rating.ratingValue ?? undefined,
        bestRating: rating.bestRating ?? undefined,
        worstRating: rating.worstRating ?? undefined,
      }),
      publisher: clip(name(node.author) ?? name(node.publisher), MAX_NAME) ?? null,
      claimant: clip(name(item.author), MAX_NAME) ?? null,
      appearanceUrl: urlOf(item.appearance) ?? urlOf(item.firstAppearance) ?? null,
      datePublished: toIsoDate(node.datePublished) ?? toIsoDate(node.dateCreated) ?? null,
      language: languageTag(typeof node.inLanguage === "string" ? node.inLanguage : isObj(node.inLanguage) ? node.inLanguage.alternateName : undefined) ?? null,
    },
  };
}

/** Every ClaimReview in a JSON value: the records read, and an error for each one that could not be, by its position among the ClaimReviews found. */
export function readClaimReviews(root: unknown, pageUrl?: string): { records: FactCheckRecord[]; errors: RecordError[] } {
  const records: FactCheckRecord[] = [];
  const errors: RecordError[] = [];
  findClaimReviews(root).forEach((node, index) => {
    const r = readClaimReview(node, pageUrl);
    if (r.ok) records.push(r.record);
    else errors.push({ index, field: r.field, message: r.message });
  });
  return { records, errors };
}
