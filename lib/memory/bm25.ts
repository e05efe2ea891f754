// Plain BM25 (Robertson & Zaragoza, "The Probabilistic Relevance Framework:
// BM25 and Beyond", 2009), in memory: the baseline "Checked before" is measured
// against (`npm run bench`). Textbook on purpose, untuned: k1 1.2, b 0.75,
// idf ln(1 + (N − df + 0.5) / (df + 0.5)), each distinct query term counted once,
// terms from tokenize.ts (stop words out, Porter stems). Pure.
import { terms as defaultTerms } from "./tokenize";

export type Bm25Options = { k1?: number; b?: number; terms?: (text: string) => string[] };
export type Bm25Hit = { id: string; score: number };

export class Bm25Index {
  private readonly k1: number;
  private readonly b: number;
  private readonly terms: (text: string) => string[];
  /** term -> postings: document number and term frequency. */
  private readonly postings = new Map<string, Array<[doc: number, tf: number]>>();
  private readonly ids: string[] = [];
  private readonly lengths: number[] = [];
  private totalLength = 0;

  constructor(docs: Iterable<{ id: string; text: string }>, opts: Bm25Options = {}) {
    this.k1 = opts.k1 ?? 1.2;
    this.b = opts.b ?? 0.75;
    this.terms = opts.terms ?? defaultTerms;
    for (const d of docs) this.add(d.id, d.text);
  }

  get size(): number {
    return this.ids.length;
  }

  private add(id: string, text: string) {
    const doc = this.ids.length;
    const tokens = this.terms(text);
    this.ids.push(id);
    this.lengths.push(tokens.length);
    this.totalLength += tokens.length;
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = []));
      list.push([doc, n]);
    }
  }

  /** ln(1 + (N − df + 0.5) / (df + 0.5)): never negative, unlike the original Robertson–Spärck Jones weight. */
  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    const n = this.ids.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The `limit` best documents for `query`, best first; ties by insertion order. Documents sharing no term are left out. */
  search(query: string, limit = 10): Bm25Hit[] {
    const avgdl = this.ids.length ? this.totalLength / this.ids.length : 0;
    const scores = new Map<number, number>();
    for (const term of new Set(this.terms(query))) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const [doc, tf] of list) {
        const norm = this.k1 * (1 - this.b + (this.b * this.lengths[doc]) / (avgdl || 1));
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (this.k1 + 1)) / (tf + norm));
      }
    }
    return [...scores]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, limit)
      .map(([doc, score]) => ({ id: this.ids[doc], score }));
  }
}
