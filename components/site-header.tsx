import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { reviewQueueSize } from "@/lib/reviews/data";
import { activeDemoAccounts } from "@/lib/users/data";
import { DemoAccountsBanner } from "@/components/users/demo-accounts-banner";
import { HeaderSearch } from "@/components/search/header-search";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { ReviewQueueLink } from "@/components/notifications/review-queue-link";
import { unreadCount } from "@/lib/notifications/data";

const ROLE_LABEL = { REVIEWER: "Reviewer", EDITOR: "Editor", ADMIN: "Admin" } as const;

export async function SiteHeader() {
  // A broken database must not take the header (and so every page) down with it.
  const user = await getCurrentUser().catch(() => null);
  const queue = user && can(user, "review-queue:read") ? await reviewQueueSize().catch(() => null) : null;
  const unread = user && can(user, "notification:read") ? await unreadCount(user.id).catch(() => null) : null;
  // Admins hear about every demo account still on the published password; anyone else only about their own.
  const isAdmin = !!user && can(user, "user:manage");
  const demo = isAdmin ? await activeDemoAccounts().catch(() => []) : [];
  const showDemo = !!user && (demo.length > 0 || user.demoPassword);
  const link = "text-slate-700 hover:text-blue-700 hover:underline";
  return (
    <>
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-slate-900">
          Verity
        </Link>
        {user && (
          <nav aria-label="Main" className="flex gap-4 text-sm">
            <Link href="/" className={link}>Dashboard</Link>
            {can(user, "article:read") && <Link href="/articles" className={link}>Articles</Link>}
            {queue && (
              <ReviewQueueLink initialCount={queue.count} className={`${link} inline-flex items-center gap-1`} />
            )}
            {can(user, "import:run") && <Link href="/admin/import" className={link}>Import</Link>}
            {can(user, "user:manage") && <Link href="/admin/users" className={link}>Users</Link>}
            {can(user, "audit:read") && <Link href="/admin/audit" className={link}>Audit log</Link>}
          </nav>
        )}
        {user && can(user, "search:read") && <HeaderSearch />}
        <div className="ml-auto flex items-center gap-3 text-sm">
          {user ? (
            <>
              <span data-testid="current-user">
                Signed in as <strong className="font-semibold">{user.name}</strong>{" "}
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700" aria-label={`Role: ${ROLE_LABEL[user.role]}`}>
                  {ROLE_LABEL[user.role]}
                </span>
              </span>
              {unread !== null && <NotificationBell initialUnread={unread} />}
              <Link href="/account" className={link}>Account</Link>
              <SignOutButton />
            </>
          ) : (
            <Link href="/signin" className="font-medium text-blue-700 hover:underline">Sign in</Link>
          )}
        </div>
      </div>
    </header>
    {user && showDemo && <DemoAccountsBanner accounts={demo} selfUsesDemoPassword={user.demoPassword} canDisable={isAdmin} />}
    </>
  );
}
