"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an active account.",
  RateLimited: "Too many failed sign-in attempts from here. Wait a minute and try again; each further failure makes the wait longer.",
  Busy: "Verity is busy checking other sign-ins. Try again in a few seconds.",
  Unavailable: "Verity could not check your sign-in just now. Try again in a moment.",
};

export function SignInForm({ callbackUrl, initialError, notice }: { callbackUrl: string; initialError?: string; notice?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? MESSAGES[initialError] ?? "Sign-in failed. Try again." : null);
  const errors = useFieldErrors();
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setError(null);
    // Nothing to check yet: say what is missing instead of a failed sign-in.
    const missing: Record<string, string> = {};
    if (!email) missing.email = "Enter your email address";
    if (!password) missing.password = "Enter your password";
    if (Object.keys(missing).length) return errors.fail(missing);
    errors.clear();
    setPending(true);
    try {
      const res = await signIn("credentials", { email, password, redirect: false, callbackUrl });
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
      {notice && !error && <Alert tone="success">{notice}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <ErrorSummary fields={errors.fields} idFor={(k) => k} attempt={errors.attempt} />
      <Field id="email" name="email" label="Email" type="email" autoComplete="username" required error={errors.fields.email} />
      <Field id="password" name="password" label="Password" type="password" autoComplete="current-password" required error={errors.fields.password} />
      <Button type="submit" disabled={pending} className="w-full !py-2 font-semibold">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
