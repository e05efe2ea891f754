// Uploaded files into raw articles, by extension. Items come back unvalidated:
// the caller checks each with toArticleInput so one bad row fails alone. Only a
// file that cannot be read at all (wrong type, broken JSON or CSV) throws.
import Papa from "papaparse";
import { invalidInput } from "@/lib/errors";
import { extractArticleFromHtml } from "./extract-html";
import { fieldFor, pickFields, readHeaderBlock } from "./fields";
import { parseMarkdownFile } from "./markdown";
import { recordsIn, splitList, type RecordEntry } from "./claimreviews";
import type { RawArticle } from "./types";

export const IMPORT_FILE_EXTENSIONS = [".txt", ".md", ".html", ".htm", ".json", ".csv"] as const;

const fileError = (name: string, reason: string) => invalidInput({ files: `${name}: ${reason}` });

function extensionOf(name: string): string {
  const m = name.toLowerCase().match(/\.[^./\\]+$/);
  return m ? m[0] : "";
}

function baseName(name: string): string {
  return name.replace(/^.*[/\\]/, "").replace(/\.[^.]+$/, "").trim();
}

/** Optional `Key: value` header lines first; without a Title header the first line is the title. */
function parseTextFile(source: string): RawArticle {
  const lines = source.split("\n");
  const start = lines.findIndex((l) => l.trim() !== "");
  const block = readHeaderBlock(lines.slice(start));
  const meta = block ? pickFields(block.headers) : {};
  let rest = lines.slice(start + (block?.lineCount ?? 0));
  let title = meta.title;
  if (!title) {
    const first = rest.findIndex((l) => l.trim() !== "");
    title = first >= 0 ? rest[first].trim() : undefined;
    rest = rest.slice(first + 1);
  }
  return { ...meta, title, text: rest.join("\n").trim() || undefined, html: undefined };
}

function readJson(name: string, source: string): unknown {
  try {
    return JSON.parse(source);
  } catch (e) {
    throw fileError(name, `is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Exports often wrap the list: {"articles": [...]} or {"items": [...]}. */
function unwrapList(data: unknown): unknown {
  if (data && typeof data === "object" && !Array.isArray(data) && !("title" in data)) {
    const wrapped = (data as Record<string, unknown>).articles ?? (data as Record<string, unknown>).items;
    if (Array.isArray(wrapped)) return wrapped;
  }
  return data;
}

function articleOf(name: string, item: unknown, i: number, isList: boolean): RawArticle {
  if (!item || typeof item !== "object" || Array.isArray(item)) {
    throw fileError(name, isList ? `item ${i + 1} is not an object` : "must hold an article object or an array of them");
  }
  return pickFields(item as Record<string, unknown>);
}

function parseJsonFile(name: string, source: string): RawArticle[] {
  const data = unwrapList(readJson(name, source));
  const list = Array.isArray(data) ? data : [data];
  return list.map((item, i) => articleOf(name, item, i, Array.isArray(data)));
}

function parseCsvFile(name: string, source: string): RawArticle[] {
  const result = Papa.parse<Record<string, string>>(source, {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  // A stray quote or an unquoted comma shifts every later cell: refuse rather than import garbled text.
  // Missing trailing cells (TooFewFields) are common in hand-made sheets and just leave those fields empty.
  const fatal = result.errors.find((e) => e.type === "Quotes" || e.code === "TooManyFields");
  if (fatal) {
    const where = fatal.row === undefined ? "" : ` in row ${fatal.row + 2}`;
    throw fileError(name, `is not valid CSV (${fatal.message}${where})`);
  }
  const columns = (result.meta.fields ?? []).map(fieldFor);
  if (!columns.includes("title")) throw fileError(name, "has no title column (the first row must name the columns)");
  if (!columns.includes("text") && !columns.includes("html")) throw fileError(name, "has no text or html column");
  return result.data.map((row) => pickFields(row));
}

/**
 * Parses one uploaded file. `.txt`, `.md` and `.html` give one article; `.json`
 * and `.csv` give one per object or row, in file order.
 */
export async function parseImportFile(name: string, content: string): Promise<RawArticle[]> {
  const ext = extensionOf(name);
  const source = content.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!IMPORT_FILE_EXTENSIONS.includes(ext as (typeof IMPORT_FILE_EXTENSIONS)[number])) {
    throw invalidInput({ files: `unsupported file type ${ext || "(none)"}; use .txt, .md, .html, .json or .csv` });
  }
  if (!source.trim()) throw fileError(name, "is empty");
  switch (ext) {
    case ".txt":
      return [parseTextFile(source)];
    case ".md":
      return [parseMarkdownFile(source)];
    case ".html":
    case ".htm": {
      const article = await extractArticleFromHtml(source, undefined, { field: "files", prefix: `${name}: ` });
      return [{ ...article, title: article.title ?? (baseName(name) || undefined) }];
    }
    case ".json":
      return parseJsonFile(name, source);
    default:
      return parseCsvFile(name, source);
  }
}

/**
 * What an uploaded file holds, in order: articles (`index`: the article's
 * position, a JSON list member or a CSV row from 0) and ClaimReview records
 * (fact-checks). A .json file may hold records in any shape (lib/factchecks/records.ts),
 * or a list mixing records and articles; every other file holds articles.
 */
export type FileEntry = { kind: "article"; index: number; raw: RawArticle } | ({ kind: "factcheck" } & RecordEntry);

export async function parseImportFileEntries(name: string, content: string): Promise<FileEntry[]> {
  if (extensionOf(name) === ".json") {
    const source = content.replace(/^\uFEFF/, "");
    if (!source.trim()) throw fileError(name, "is empty");
    const data = unwrapList(readJson(name, source));
    if (Array.isArray(data)) {
      return splitList(data).map((e) => (e.kind === "article" ? { kind: "article", index: e.index, raw: articleOf(name, e.value, e.index, true) } : e));
    }
    const records = recordsIn(data);
    if (records) return records.map((r) => ({ kind: "factcheck", ...r }));
    return [{ kind: "article", index: 0, raw: articleOf(name, data, 0, false) }];
  }
  return (await parseImportFile(name, content)).map((raw, index) => ({ kind: "article", index, raw }));
}
