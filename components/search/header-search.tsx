"use client";
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";

/** Whether a key press belongs to something the user is typing in. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || !!target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])");
}

/**
 * The header's "Search" field: "/" (outside a text field) focuses it, Enter
 * opens /search with the words. A GET form, so it works before the page's
 * script has loaded too.
 */
export function HeaderSearch() {
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const q = input.current?.value.trim() ?? "";
    if (!q) return;
    router.push(`/search?${new URLSearchParams({ q })}`);
  }

  return (
    <form role="search" aria-label="Site" action="/search" method="get" onSubmit={submit} className="flex items-center">
      <label htmlFor="site-search" className="sr-only">Search</label>
      <input
        ref={input}
        id="site-search"
        name="q"
        type="search"
        placeholder="Search (press /)"
        aria-keyshortcuts="/"
        autoComplete="off"
        maxLength={300}
        className="w-44 rounded border border-slate-400 px-2 py-1 text-sm focus:w-64 sm:w-56"
      />
    </form>
  );
}
