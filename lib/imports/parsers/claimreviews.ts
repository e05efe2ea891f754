// Where an import's input holds schema.org ClaimReview records rather than
// articles: a JSON file or API items (a single record, an array, an ItemList, a
// DataFeed, an @graph, or a mix of records and articles in one list), and the
// JSON-LD of a web page. Each record found becomes one import item, a
// fact-check, or fails alone naming its field. Pure.
import { findClaimReviews, readClaimReview, type FactCheckRecord } from "@/lib/factchecks/records";

export type ParsedRecord = { ok: true; record: FactCheckRecord } | { ok: false; field: string; message: string };

/**
 * One record and where it sits, for the item's label: `member` is its list
 * member's position (a list of records, or of records and articles), `record`
 * its position among the records of that member (or of the whole input), given
 * only when there is more than one. Both count from 1.
 */
export type RecordEntry = { member?: number; record?: number; read: ParsedRecord };

/** An entry of a list that mixes articles and records: the member as it is (an article, checked later), or a record it holds. */
export type ListEntry = { kind: "article"; index: number; value: unknown } | ({ kind: "factcheck" } & RecordEntry);

const read = (node: Record<string, unknown>, pageUrl?: string): ParsedRecord => readClaimReview(node, pageUrl);

/** The records a value holds, numbered when there are several; null when it holds none (so it is something else: an article). */
export function recordsIn(value: unknown, pageUrl?: string): RecordEntry[] | null {
  const nodes = findClaimReviews(value);
  if (nodes.length === 0) return null;
  return nodes.map((node, k) => ({ ...(nodes.length > 1 ? { record: k + 1 } : {}), read: read(node, pageUrl) }));
}

/**
 * A list's members in order: each member that is (or holds) ClaimReview
 * records gives one entry per record; any other member stays itself, for the
 * article path.
 */
export function splitList(list: unknown[]): ListEntry[] {
  const out: ListEntry[] = [];
  list.forEach((value, index) => {
    const records = recordsIn(value);
    if (!records) out.push({ kind: "article", index, value });
    else for (const r of records) out.push({ kind: "factcheck", member: index + 1, ...r });
  });
  return out;
}

/** "Item 3, record 2: The claim": where the record sat (`where` names the input and member), and the claim it reviews when it could be read. */
export function recordLabel(where: string, entry: RecordEntry): string {
  const at = entry.record !== undefined ? `${where}, record ${entry.record}` : where;
  return entry.read.ok ? `${at}: ${entry.read.record.claimReviewed}` : at;
}
