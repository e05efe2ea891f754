"use client";
import { useEffect } from "react";

// Never shows the error's message or stack: only a reference the logs can be searched for.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error("Verity page error", error.digest ?? "");
  }, [error]);
  return (
    <div className="mx-auto max-w-lg py-12 text-center" role="alert">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        This page could not be shown. If the problem goes on, tell your administrator
        {error.digest ? <> and quote reference <code className="rounded bg-slate-100 px-1">{error.digest}</code></> : null}.
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">Try again</button>
    </div>
  );
}
