import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db";
import { authSecret, env, sessionMaxAgeSeconds } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/mutations";
import { RateLimited, verifyCredentials } from "./credentials";
import { DEVICE_COOKIE, deviceKnowsAccount, readCookie } from "./device";
import { requestIp } from "./request-ip";
import { readSessionClaims, sessionEndReason } from "./session";
import { signInOutcome } from "./sign-in-context";
import { safeRedirect } from "./redirect";
import { decodeSessionToken, encodeSessionToken } from "./session-jwt";
import { forgetSessionUser } from "./session-user-cache";

/** Thrown from the jwt callback: next-auth then clears the cookie and answers an empty session. */
class SessionEnded extends Error {
  constructor(reason: string) {
    super(`session ended: ${reason}`);
    this.name = "SessionEnded";
  }
}

/** Cookies are Secure (and __Secure- prefixed) when Verity's public URL is https. */
export const secureCookies = () => env().NEXTAUTH_URL?.startsWith("https://") ?? false;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  useSecureCookies: secureCookies(),
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
  // The same token format as next-auth's, with its key derived once (lib/auth/session-jwt.ts).
  jwt: { maxAge: sessionMaxAgeSeconds(), encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/signin", error: "/signin" },
  logger: {
    error(code, metadata) {
      // An ended session is expected, not an error worth a stack trace.
      const err = (metadata as { error?: Error } | Error | undefined) ?? undefined;
      const e = err instanceof Error ? err : err?.error;
      if (code === "JWT_SESSION_ERROR" && e?.name === "SessionEnded") return;
      console.error(`[next-auth] ${code}`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth] ${code}`);
    },
    debug() {},
  },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password || email.length > 320 || password.length > 1024) return null;
        const outcome = signInOutcome.getStore();
        try {
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const knownDevice = deviceKnowsAccount(readCookie(headers.cookie, DEVICE_COOKIE), email, authSecret() ?? "");
          const user = await verifyCredentials(email, password, { ip: requestIp(headers), knownDevice });
          if (!user) return null;
          if (outcome) outcome.signedInEmail = user.email;
          return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
        } catch (e) {
          // next-auth turns a thrown error's message into ?error=...; keep it a code.
          if (e instanceof RateLimited) {
            if (outcome) outcome.retryAfterSeconds = e.retryAfterSeconds;
            throw new Error("RateLimited");
          }
          if (e instanceof AppError && e.code === "unavailable") throw new Error("Busy");
          // Anything else (the database is down, say) is logged here; the
          // address bar gets a code, never the internal error's text.
          console.error("[verity] sign-in could not be checked:", e);
          throw new Error("Unavailable");
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // A new sign-in: the session carries who, under which session version, since when.
        token.uid = user.id;
        token.role = (user as { role?: string }).role;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.sia = Date.now();
        return token;
      }
      // Every later read (GET /api/auth/session re-issues the cookie): the
      // session must still hold, or the cookie is cleared.
      const claims = readSessionClaims(token);
      if (!claims) throw new SessionEnded("not a Verity session");
      const u = await prisma.user.findUnique({ where: { id: claims.uid }, select: { active: true, sessionVersion: true, role: true, name: true, email: true } });
      const reason = sessionEndReason(claims, u, sessionMaxAgeSeconds() * 1000);
      if (reason) throw new SessionEnded(reason);
      return { ...token, role: u!.role, name: u!.name, email: u!.email };
    },
    async session({ session, token }) {
      // The role here is only a hint for the UI; every check re-reads the user from the database.
      if (session.user) {
        (session.user as { id?: string }).id = typeof token.uid === "string" ? token.uid : undefined;
        (session.user as { role?: string }).role = typeof token.role === "string" ? token.role : undefined;
      }
      // The real end of the session, not the cookie's sliding expiry.
      const claims = readSessionClaims(token);
      if (claims) session.expires = new Date(claims.sia + sessionMaxAgeSeconds() * 1000).toISOString();
      return session;
    },
    async redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
  },
  events: {
    async signOut({ token }) {
      // Signing out ends every session of the user, not only this browser's cookie.
      const claims = readSessionClaims(token as Record<string, unknown>);
      if (!claims) return;
      await prisma.$transaction(async (tx) => {
        const r = await tx.user.updateMany({ where: { id: claims.uid, sessionVersion: claims.sv }, data: { sessionVersion: { increment: 1 } } });
        if (r.count) await recordAudit(tx, { actorId: claims.uid, action: "auth.sign_out", entityType: "User", entityId: claims.uid });
      });
      forgetSessionUser(claims.uid);
    },
  },
};
