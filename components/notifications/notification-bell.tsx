"use client";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import Link from "next/link";
import { api } from "@/components/ui/api";
import { Alert } from "@/components/ui/alert";
import { formatAge } from "@/components/ui/format";
import { useLiveEvents } from "@/components/live/live-provider";
import type { NotificationItem } from "@/lib/notifications/schema";

type List = { items: NotificationItem[]; unread: number };

/**
 * The header bell: the unread count, live (each `notification.created` event
 * carries the new count; a resync or the window regaining focus reads it
 * again), and a popover listing the latest notifications. Escape or a click
 * outside closes it and gives focus back to the bell.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<List | null>(null);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const headingId = useId();

  const load = useCallback(async () => {
    const res = await api<List>("GET", "/api/notifications?limit=20");
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setError(null);
    setList(res.data);
    setUnread(res.data.unread);
  }, []);

  const refreshCount = useCallback(async () => {
    const res = await api<List>("GET", "/api/notifications?unread=1&limit=1");
    if (res.ok) setUnread(res.data.unread);
  }, []);

  useLiveEvents((e) => {
    if (e.type === "notification.created") {
      if (typeof e.unread === "number") setUnread(e.unread);
      else void refreshCount();
      if (open) void load();
    } else if (e.type === "resync") {
      void (open ? load() : refreshCount());
    }
  });

  // Without a live stream (a proxy that buffers it, a dropped connection), coming back to the tab still shows the truth.
  useEffect(() => {
    const onFocus = () => void refreshCount();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [refreshCount]);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close(true);
    };
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) close(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open, load, close]);

  async function markRead(body: { ids: string[] } | { all: true }) {
    const res = await api<void>("POST", "/api/notifications/read", body);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    const now = new Date().toISOString();
    const hit = (n: NotificationItem) => !n.readAt && ("all" in body || body.ids.includes(n.id));
    setList((l) => (l ? { ...l, items: l.items.map((n) => (hit(n) ? { ...n, readAt: now } : n)) } : l));
    void refreshCount();
  }

  const label = `Notifications, ${unread} unread`;
  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          if (open) return close(false);
          setOpen(true);
          void load();
        }}
        className="relative inline-flex items-center rounded p-1.5 text-slate-700 hover:bg-slate-100 hover:text-blue-700"
        data-testid="notification-bell"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {unread > 0 && (
          <span aria-hidden="true" className="absolute -right-1 -top-1 min-w-[1.1rem] rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-[1.1rem] text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-labelledby={headingId}
          tabIndex={-1}
          className="absolute right-0 z-40 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg focus:outline-none"
        >
          <div className="mb-2 flex items-center justify-between gap-2">
            <h2 id={headingId} className="font-semibold">Notifications</h2>
            <button
              type="button"
              onClick={() => void markRead({ all: true })}
              disabled={unread === 0}
              className="text-blue-700 underline disabled:text-slate-500 disabled:no-underline"
            >
              Mark all read
            </button>
          </div>
          {error && <Alert tone="error">{error}</Alert>}
          {!list && !error && <p className="text-slate-600">Loading…</p>}
          {list && list.items.length === 0 && <p className="text-slate-600">No notifications yet.</p>}
          {list && list.items.length > 0 && (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {list.items.map((n) => (
                <li key={n.id} className={`py-2 ${n.readAt ? "" : "font-medium"}`}>
                  <Link
                    href={n.href}
                    onClick={() => {
                      if (!n.readAt) void markRead({ ids: [n.id] });
                      close(false);
                    }}
                    className="block rounded px-1 text-slate-900 hover:bg-slate-50 hover:text-blue-700"
                  >
                    {!n.readAt && <span className="mr-1 inline-block h-2 w-2 rounded-full bg-blue-700" aria-hidden="true" />}
                    {!n.readAt && <span className="sr-only">Unread: </span>}
                    {n.message}
                    <span className="block text-xs font-normal text-slate-600">{formatAge(n.createdAt)} ago</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
