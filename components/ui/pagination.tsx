import Link from "next/link";

/**
 * "← Previous · Page 2 of 9 · Next →" for a server-rendered list; nothing when
 * everything fits on one page. `href(n)` builds page n's address with the
 * list's filters kept.
 */
export function Pagination({ page, pages, href, previous = "← Previous", next = "Next →" }: { page: number; pages: number; href: (page: number) => string; previous?: string; next?: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center gap-3 text-sm">
      {page > 1 ? <Link href={href(page - 1)} className="text-blue-700 hover:underline">{previous}</Link> : <span className="text-slate-500">{previous}</span>}
      <span>Page {page} of {pages}</span>
      {page < pages ? <Link href={href(page + 1)} className="text-blue-700 hover:underline">{next}</Link> : <span className="text-slate-500">{next}</span>}
    </nav>
  );
}
