// What POST /api/imports accepts, and the limits. Isomorphic: the import page
// checks the same limits before uploading.
import { z } from "zod";
import { articleInputSchema, httpUrlSchema } from "@/lib/articles/schema";

/** Upload limit: all files of one request together (and a JSON body). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_FILES = 100;
export const IMPORT_MAX_ITEMS = 10_000;
/** The file types the parsers read (lib/imports/parsers/files.ts). */
export const IMPORT_FILE_ACCEPT = [".txt", ".md", ".html", ".htm", ".json", ".csv"] as const;

export function fileExtension(name: string): string {
  const m = name.toLowerCase().match(/\.[^./\\]+$/);
  return m ? m[0] : "";
}

export function isImportableFileName(name: string): boolean {
  return (IMPORT_FILE_ACCEPT as readonly string[]).includes(fileExtension(name));
}

const SOURCES = ["url", "feedUrl", "items", "paste"] as const;

/**
 * The JSON body: exactly one of `url` (a web page), `feedUrl` (RSS or Atom),
 * `items` (articles as POST /api/articles takes them, and/or schema.org
 * ClaimReview records: single, ItemList, DataFeed; each is checked on its own,
 * so one bad item fails alone) or `paste` (one article, checked now).
 */
export const importRequestSchema = z
  .strictObject({
    url: httpUrlSchema.optional(),
    feedUrl: httpUrlSchema.optional(),
    items: z
      .array(z.unknown(), { error: "must be an array of articles or ClaimReview records" })
      .min(1, "must hold at least one article or ClaimReview record")
      .max(IMPORT_MAX_ITEMS, `must hold at most ${IMPORT_MAX_ITEMS} items`)
      .optional(),
    paste: articleInputSchema.optional(),
  })
  .superRefine((v, ctx) => {
    const given = SOURCES.filter((k) => v[k] !== undefined);
    if (given.length === 0) ctx.addIssue({ code: "custom", path: ["body"], message: "give one of url, feedUrl, items or paste, or upload files as multipart/form-data" });
    if (given.length > 1) ctx.addIssue({ code: "custom", path: [given[1]], message: `give only one of ${given.join(", ")}` });
  });

export type ImportRequest = z.output<typeof importRequestSchema>;
