import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; setup?: string }> }) {
  const sp = await searchParams;
  // Only same-site paths: an open redirect after sign-in would be a phishing aid.
  const callbackUrl = safeCallbackPath(sp.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">Sign in to Verity</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm callbackUrl={callbackUrl} initialError={sp.error} notice={sp.setup === "done" ? "Your admin account is ready. Sign in with it." : undefined} />
      </div>
    </div>
  );
}
