"use client";
import { useId } from "react";
import { usePresence } from "./live-provider";
import { initials, othersViewing } from "./initials";

/**
 * Who else has this article open: initials avatars, each with the full name as
 * its text for screen readers and as a tooltip. Empty (and hidden) when nobody
 * else is here; people drop off when their page closes.
 */
export function AlsoViewing({ articleId, viewerId }: { articleId: string; viewerId: string }) {
  const users = usePresence(articleId);
  const labelId = useId();
  const others = othersViewing(users ?? [], viewerId);
  if (others.length === 0) return null;
  return (
    <div className="flex items-center gap-2 text-sm text-slate-700">
      <span id={labelId}>Also viewing</span>
      <ul aria-labelledby={labelId} className="flex -space-x-1">
        {others.map((u) => (
          <li key={u.id} title={u.name} data-user-id={u.id}
            className="flex h-7 w-7 items-center justify-center rounded-full border-2 border-white bg-indigo-700 text-xs font-semibold text-white">
            <span aria-hidden="true">{initials(u.name)}</span>
            <span className="sr-only">{u.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
