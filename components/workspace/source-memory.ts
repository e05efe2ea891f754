"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/components/ui/api";

/** GET /api/sources/lookup: the title and publisher a URL was last cited with, and how often. */
export type SourceLookup = { url: string; title: string | null; publisher: string | null; citations: number; claims: number };

/** Only http(s) URLs are asked about: anything else the API refuses (400), so it is not sent. */
export function isLookupUrl(raw: string): boolean {
  const url = raw.trim();
  if (url.length < 10 || url.length > 2048) return false;
  try {
    const u = new URL(url);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.includes(".");
  } catch {
    return false;
  }
}

/** "Cited 3 times before" (null when the URL is new). */
export function citedBefore(found: SourceLookup | undefined): string | null {
  if (!found || found.citations < 1) return null;
  return found.citations === 1 ? "Cited once before" : `Cited ${found.citations} times before`;
}

const PAUSE_MS = 500;

/**
 * Source memory for the claim form: each source URL is looked up when its field
 * loses focus (`lookupNow`) or after typing pauses on it, once per URL. `onKnown`
 * gets each answer for a URL that was cited before, to fill empty fields: the
 * caller never overwrites what the user typed. URLs in `skip` (the claim's own
 * sources when editing: they would count themselves) are not looked up.
 */
export function useSourceMemory(urls: string[], onKnown: (found: SourceLookup) => void, skip: ReadonlySet<string>) {
  const [known, setKnown] = useState<Record<string, SourceLookup>>({});
  const asked = useRef(new Set<string>());
  const onKnownRef = useRef(onKnown);
  const skipRef = useRef(skip);
  useEffect(() => {
    onKnownRef.current = onKnown;
    skipRef.current = skip;
  }, [onKnown, skip]);

  const lookupNow = useCallback(async (raw: string) => {
    const url = raw.trim();
    if (!isLookupUrl(url) || asked.current.has(url) || skipRef.current.has(url)) return;
    asked.current.add(url);
    const r = await api<SourceLookup>("GET", `/api/sources/lookup?${new URLSearchParams({ url })}`);
    // A failed lookup is not the user's problem: the form works as before, and a later blur may ask again.
    if (!r.ok) return void asked.current.delete(url);
    const found = { ...r.data, url };
    setKnown((k) => ({ ...k, [url]: found }));
    if (found.citations > 0) onKnownRef.current(found);
  }, []);

  const key = urls.map((u) => u.trim()).join("\n");
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const url of key.split("\n")) void lookupNow(url);
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [key, lookupNow]);

  return { known, lookupNow };
}
