import type { Metadata } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { LiveProvider } from "@/components/live/live-provider";
import { LiveStatusLine } from "@/components/live/live-status";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = {
  title: { default: "Verity", template: "%s · Verity" },
  description: "Fact-check annotation for newsrooms",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // A broken database must not take every page down (as in the header); no user: no stream.
  const user = await getCurrentUser().catch(() => null);
  const live = !!user && can(user, "events:read") && !user.mustChangePassword;
  const page = (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {live ? (
          // Keyed by user: signing in as someone else starts a new stream from scratch.
          <LiveProvider key={user.id} userId={user.id} isAdmin={can(user, "import:run")}>
            {page}
            <footer className="mx-auto max-w-6xl px-4 pb-4">
              <LiveStatusLine />
            </footer>
          </LiveProvider>
        ) : (
          page
        )}
      </body>
    </html>
  );
}
