// Small, pure clean-ups shared by the parsers: metadata from the web is messy
// (padding, odd date formats, relative URLs, en_GB locales) and we would rather
// fix or drop a field than fail a whole article over it.
import { isHttpUrl } from "@/lib/articles/url";

const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** Collapses whitespace; empty and non-string values become undefined. */
export function cleanText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const s = value.replace(/[\s\u00a0]+/g, " ").trim();
  return s || undefined;
}

export function firstOf(...values: unknown[]): string | undefined {
  for (const v of values) {
    const s = cleanText(v);
    if (s) return s;
  }
  return undefined;
}

/** Metadata limits mirror articleInputSchema, so a long author list does not sink an otherwise good article. */
export function clip(value: string | undefined, max: number): string | undefined {
  if (!value || value.length <= max) return value;
  return `${value.slice(0, max - 1).trimEnd()}…`;
}

/** Dates as ISO 8601, or undefined when unreadable (pages and feeds carry plenty of junk dates). */
export function toIsoDate(value: unknown): string | undefined {
  const s = cleanText(value);
  if (!s) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Resolves href against base and keeps it only when the result is http(s). */
export function absoluteHttpUrl(href: unknown, base?: string): string | undefined {
  const s = cleanText(href);
  if (!s) return undefined;
  try {
    const u = base ? new URL(s, base) : new URL(s);
    const out = u.toString();
    return isHttpUrl(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** "en_GB" (Open Graph locales) → "en-GB"; anything that is not a language tag is dropped. */
export function languageTag(value: unknown): string | undefined {
  const s = cleanText(value)?.replace(/_/g, "-");
  return s && LANGUAGE_TAG.test(s) ? s : undefined;
}

/** "By Jane Doe" → "Jane Doe". */
export function stripByline(value: string | undefined): string | undefined {
  return cleanText(value?.replace(/^\s*by\s+/i, ""));
}

/** Distinct names joined for display: ["A", "B", "A"] → "A, B". */
export function joinNames(names: (string | undefined)[]): string | undefined {
  const seen = new Set<string>();
  for (const n of names) {
    const s = cleanText(n);
    if (s) seen.add(s);
  }
  return seen.size ? [...seen].join(", ") : undefined;
}
