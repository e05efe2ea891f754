"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { api } from "@/components/ui/api";

type Pending = { id: string; claimText: string; status: string };

export function PublishControls({ articleId, slug, published }: { articleId: string; slug: string; published: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; pending?: Pending[] } | null>(null);

  async function act(kind: "publish" | "unpublish") {
    setBusy(true);
    setError(null);
    const r = await api<{ url?: string }>("POST", `/api/articles/${articleId}/${kind}`);
    setBusy(false);
    if (!r.ok) return setError({ message: r.error.message, pending: r.error.body.pending as Pending[] | undefined });
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {published ? (
        <>
          <a href={`/fact-checks/${slug}`} className="font-medium text-blue-700 underline">View the published fact-check</a>
          <button type="button" disabled={busy} onClick={() => void act("unpublish")} className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60">Unpublish</button>
        </>
      ) : (
        <button type="button" disabled={busy} onClick={() => void act("publish")} className="rounded bg-emerald-700 px-3 py-1 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60">Publish</button>
      )}
      {error && (
        <div role="alert" className="w-full rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p>{error.message}</p>
          {error.pending && (
            <ul className="mt-1 list-disc pl-5">
              {error.pending.map((p) => <li key={p.id}><a href={`/review/${p.id}`} className="underline">{p.claimText}</a></li>)}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
