import type { Metadata } from "next";
import Link from "next/link";
import { setupState } from "@/lib/users/setup";
import { SetupForm } from "@/components/account/setup-form";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Set up Verity" };

// The one-time link `npm start` prints for a new install without demo data.
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const state = await setupState(typeof token === "string" ? token : undefined);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Set up Verity</h1>
      {state === "done" && (
        <Notice tone="info">
          Verity is already set up. <Link href="/signin" className="font-medium text-blue-700 underline">Sign in</Link>, or ask an admin for an account.
        </Notice>
      )}
      {state === "invalid" && (
        <Notice tone="error">This setup link is not valid: it was used, it expired, or a newer one was printed. Restart Verity to print a new link.</Notice>
      )}
      {state === "ready" && (
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <p className="mb-4 text-sm text-slate-700">Create the first admin account. This link works once; afterwards admins add everyone else on the Users page.</p>
          <SetupForm token={token!} />
        </div>
      )}
    </div>
  );
}
