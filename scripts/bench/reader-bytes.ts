// What opening the reader costs on the wire: the page document plus the data
// requests the reader makes once it has loaded, against the article's text
// length (goal: under 1.6×, i.e. the text travels once). Next's static chunks
// are left out: they are cached and the same for every article.
import http from "node:http";

/** The reader's data request, made by the page once it is in the browser (the text and the claims). */
export const READER_DATA_URLS: Array<(articleId: string) => string> = [(id) => `/api/articles/${id}/reader`];

type Fetched = { path: string; status: number; bytes: number; gzipBytes: number; gzipServed: boolean };

/** One GET, its body counted as it arrives (not decoded): with `gzip`, the compressed bytes. */
function rawGet(base: string, path: string, cookie: string, gzip: boolean): Promise<{ status: number; bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers: { cookie, ...(gzip ? { "accept-encoding": "gzip" } : { "accept-encoding": "identity" }) } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, encoding: String(res.headers["content-encoding"] ?? "") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`GET ${path} timed out`)));
  });
}

export type ReaderBytes = { items: Fetched[]; bytes: number; gzipBytes: number; gzipServed: boolean };

/** The page document at /articles/:id and `extraPaths` (default: READER_DATA_URLS for the article), plain and gzip. */
export async function readerBytes(base: string, cookie: string, articleId: string, extraPaths = READER_DATA_URLS.map((u) => u(articleId))): Promise<ReaderBytes> {
  const items: Fetched[] = [];
  for (const path of [`/articles/${articleId}`, ...extraPaths]) {
    const plain = await rawGet(base, path, cookie, false);
    const gz = await rawGet(base, path, cookie, true);
    if (plain.status !== 200 || gz.status !== 200) throw new Error(`GET ${path} answered ${plain.status}/${gz.status}`);
    items.push({ path, status: plain.status, bytes: plain.bytes, gzipBytes: gz.bytes, gzipServed: gz.encoding === "gzip" });
  }
  return {
    items,
    bytes: items.reduce((n, i) => n + i.bytes, 0),
    gzipBytes: items.reduce((n, i) => n + i.gzipBytes, 0),
    gzipServed: items.every((i) => i.gzipServed),
  };
}
