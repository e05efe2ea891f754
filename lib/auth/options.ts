import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { verifyCredentials } from "./credentials";
import { requestIp } from "./request-ip";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password || email.length > 320 || password.length > 1024) return null;
        try {
          const user = await verifyCredentials(email, password, requestIp(req?.headers ?? {}));
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
        } catch (e) {
          // next-auth turns a thrown error's message into ?error=...; keep it a code.
          if (e instanceof AppError && e.code === "rate_limited") throw new Error("RateLimited");
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
        token.uid = user.id;
        token.role = (user as { role?: string }).role;
      }
      return token;
    },
    async session({ session, token }) {
      // The role here is only a hint for the UI; every check re-reads the user from the database.
      if (session.user) {
        (session.user as { id?: string }).id = typeof token.uid === "string" ? token.uid : undefined;
        (session.user as { role?: string }).role = typeof token.role === "string" ? token.role : undefined;
      }
      return session;
    },
  },
};
