"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an active account.",
  RateLimited: "Too many failed sign-in attempts from here. Wait a minute and try again; each further failure makes the wait longer.",
  Busy: "Verity is busy checking other sign-ins. Try again in a few seconds.",
  Unavailable: "Verity could not check your sign-in just now. Try again in a moment.",
};

export function SignInForm({ callbackUrl, initialError, notice }: { callbackUrl: string; initialError?: string; notice?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? MESSAGES[initialError] ?? "Sign-in failed. Try again." : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      });
      if (!res || res.error || !res.ok) {
        setError(res?.status === 429 ? MESSAGES.RateLimited : res?.status === 503 ? MESSAGES.Busy : MESSAGES[res?.error ?? ""] ?? MESSAGES.CredentialsSignin);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError("Could not reach Verity. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {notice && !error && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">{notice}</p>
      )}
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending}
        className="w-full rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
