// Claims as W3C Web Annotations (https://www.w3.org/TR/annotation-model/).
// Pure: no Next, no Prisma. The caller loads the data; this only reshapes it.
import { utf16ToCodePointOffsets } from "@/lib/anchoring/code-points";
import { VERDICT_INFO, type Verdict } from "@/lib/claims/constants";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** The media type the model's §3.3 (Serialization) asks for. */
export const ANNO_CONTENT_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;

type DateLike = Date | string;

/** The parts of a ClaimView (lib/claims/data.ts) an annotation needs; a ClaimView fits. */
export type AnnotatableClaim = {
  id: string;
  articleRevision: number;
  selector: { exact: string; prefix: string; suffix: string; start: number; end: number };
  anchorStatus: string;
  claimText: string;
  verdict: Verdict;
  rationale: string;
  author: { id: string; name: string };
  createdAt: DateLike;
  updatedAt: DateLike;
};

export type AnnotationInput = {
  /** Origin (optionally with a base path) every IRI is built on, without a trailing slash. */
  baseUrl: string;
  article: { id: string; title: string; sourceUrl: string | null; text: string };
  /** Revision number -> when that revision was imported (ArticleRevision.createdAt). */
  revisions: Map<number, DateLike> | Record<number, DateLike>;
  claims: readonly AnnotatableClaim[];
};

export type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };
/** start/end count Unicode code points (model §4.2.4), not UTF-16 units. */
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };
export type TimeState = { type: "TimeState"; sourceDate: string };

export type SpecificResourceTarget = {
  type: "SpecificResource";
  source: string;
  selector: Array<TextQuoteSelector | TextPositionSelector>;
  state?: TimeState;
};

export type TextualBody = {
  type: "TextualBody";
  purpose: "describing" | "commenting" | "classifying";
  value: string;
  format?: string;
};

export type Annotation = {
  id: string;
  type: "Annotation";
  motivation: "assessing";
  created: string;
  modified: string;
  creator: { id: string; type: "Person"; name: string };
  body: TextualBody[];
  /** One resource, or two (Verity's copy and the original URL) sharing selectors and state. */
  target: SpecificResourceTarget | SpecificResourceTarget[];
};

export type AnnotationPage = {
  id: string;
  type: "AnnotationPage";
  partOf: string;
  startIndex: number;
  items: Annotation[];
};

export type AnnotationCollection = {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: AnnotationPage;
};

const iso = (d: DateLike): string => (d instanceof Date ? d : new Date(d)).toISOString();

function revisionDate(revisions: AnnotationInput["revisions"], revision: number): string | undefined {
  const d = revisions instanceof Map ? revisions.get(revision) : revisions[revision];
  if (d === undefined || d === null) return undefined;
  const date = d instanceof Date ? d : new Date(d);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export const collectionIri = (baseUrl: string, articleId: string) =>
  `${baseUrl}/api/articles/${encodeURIComponent(articleId)}/annotations`;
/** The single page; the annotations route serves it on its own for `?page=0`. */
export const pageIri = (baseUrl: string, articleId: string) => `${collectionIri(baseUrl, articleId)}?page=0`;

type ToCodePoints = (utf16Offset: number) => number;

function selectors(text: string, toCodePoints: ToCodePoints, claim: AnnotatableClaim): SpecificResourceTarget["selector"] {
  const { exact, prefix, suffix, start, end } = claim.selector;
  const quote: TextQuoteSelector = { type: "TextQuoteSelector", exact, prefix, suffix };
  // An ORPHANED claim's quote was not found in the current text, so its stored
  // offsets point at nothing: it keeps only the TextQuoteSelector, which still
  // says what was quoted. Offsets that do not fit the text (a claim read while
  // the article was being re-imported) are left out the same way rather than
  // converted into a wrong position.
  const fits = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
  if (claim.anchorStatus === "ORPHANED" || !fits) return [quote];
  // Claims are re-anchored onto the current revision, so their UTF-16 offsets
  // index the current text; the model counts code points.
  return [
    quote,
    { type: "TextPositionSelector", start: toCodePoints(start), end: toCodePoints(end) },
  ];
}

/**
 * `toCodePoints` converts offsets in article.text; a collection passes one
 * converter for all its claims, so the text is read once, not once per claim.
 */
export function toAnnotation(input: AnnotationInput, claim: AnnotatableClaim, toCodePoints: ToCodePoints = utf16ToCodePointOffsets(input.article.text)): Annotation {
  const { baseUrl, article } = input;
  const selector = selectors(article.text, toCodePoints, claim);
  const sourceDate = revisionDate(input.revisions, claim.articleRevision);
  const target = (source: string): SpecificResourceTarget => ({
    type: "SpecificResource",
    source,
    selector,
    // When the text the claim judged was imported: the state of the source it describes.
    ...(sourceDate ? { state: { type: "TimeState", sourceDate } } : {}),
  });
  const verityTarget = target(`${baseUrl}/articles/${encodeURIComponent(article.id)}`);

  const body: TextualBody[] = [{ type: "TextualBody", purpose: "describing", value: claim.claimText, format: "text/plain" }];
  if (claim.rationale.trim()) body.push({ type: "TextualBody", purpose: "commenting", value: claim.rationale, format: "text/markdown" });
  body.push({ type: "TextualBody", purpose: "classifying", value: VERDICT_INFO[claim.verdict].label });

  return {
    id: `${baseUrl}/api/claims/${encodeURIComponent(claim.id)}`,
    type: "Annotation",
    motivation: "assessing",
    created: iso(claim.createdAt),
    modified: iso(claim.updatedAt),
    creator: { id: `${baseUrl}/users/${encodeURIComponent(claim.author.id)}`, type: "Person", name: claim.author.name },
    body,
    // A SpecificResource has exactly one source, so the original URL, when known,
    // is a second target with the same selectors and state. Verity's text is the
    // coordinate space; on the original page the quote selector is the reliable one.
    target: article.sourceUrl ? [verityTarget, target(article.sourceUrl)] : verityTarget,
  };
}

/** An article's claims as an AnnotationCollection whose one page is embedded as `first` (model §5). */
export function toAnnotationCollection(input: AnnotationInput): AnnotationCollection {
  const id = collectionIri(input.baseUrl, input.article.id);
  const toCodePoints = utf16ToCodePointOffsets(input.article.text);
  const items = input.claims.map((c) => toAnnotation(input, c, toCodePoints));
  return {
    "@context": ANNO_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: input.article.title,
    total: items.length,
    first: { id: pageIri(input.baseUrl, input.article.id), type: "AnnotationPage", partOf: id, startIndex: 0, items },
  };
}
