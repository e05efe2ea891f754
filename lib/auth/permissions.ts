// Who may do what: the one table used by pages, server actions and API routes.
// Pure: no Next and no Prisma runtime (its enums are plain constants), so it is unit-tested as a table and runs anywhere.
import { enumValues, Role as RoleEnum } from "@/lib/enums";

/** Least to most powerful, as the database's enum lists them. */
export const ROLES = enumValues(RoleEnum);
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { REVIEWER: 1, EDITOR: 2, ADMIN: 3 };

export type Actor = { id: string; role: Role; active: boolean };

/** What an ownership rule needs to know about a claim. */
export type ClaimRef = { authorId: string; status: string };

export type Action =
  | "article:read"
  | "article:create"
  | "article:update"
  | "article:publish"
  | "article:export"
  | "import:run"
  | "claim:create"
  | "claim:read"
  | "claim:update"
  | "claim:delete"
  | "claim:submit"
  | "claim:review"
  | "claim:comment"
  | "claim:reattach"
  | "review-queue:read"
  | "user:manage"
  | "token:manage"
  | "audit:read"
  | "account:password"
  | "search:read"
  | "claim:link"
  | "suggestion:read"
  | "suggestion:dismiss"
  | "events:read"
  | "assignment:manage"
  | "notification:read";

/** The least role for each action; ownership rules below refine the claim actions. */
export const MIN_ROLE: Record<Action, Role> = {
  "article:read": "REVIEWER",
  "article:create": "ADMIN",
  "article:update": "ADMIN",
  "article:publish": "EDITOR",
  "article:export": "EDITOR",
  "import:run": "ADMIN",
  "claim:create": "REVIEWER",
  "claim:read": "REVIEWER",
  "claim:update": "REVIEWER",
  "claim:delete": "REVIEWER",
  "claim:submit": "REVIEWER",
  "claim:review": "EDITOR",
  "claim:comment": "REVIEWER",
  "claim:reattach": "REVIEWER",
  "review-queue:read": "EDITOR",
  "user:manage": "ADMIN",
  "token:manage": "ADMIN",
  "audit:read": "ADMIN",
  // Every signed-in user changes their own password.
  "account:password": "REVIEWER",
  // Newsroom memory: search, "Checked before", source memory, "Same claim" links.
  "search:read": "REVIEWER",
  "claim:link": "REVIEWER",
  // Suggestions: every reviewer sees and dismisses them (a dismissal hides one for everyone, audited).
  "suggestion:read": "REVIEWER",
  "suggestion:dismiss": "REVIEWER",
  // Live updates: the stream carries what its reader may already read (imports only for admins).
  "events:read": "REVIEWER",
  // Editors hand articles and claims to reviewers; everyone reads their own notifications.
  "assignment:manage": "EDITOR",
  "notification:read": "REVIEWER",
};

/** Actions whose answer depends on the claim: `can` needs the resource for them. */
export const RESOURCE_ACTIONS: readonly Action[] = ["claim:update", "claim:delete", "claim:submit", "claim:reattach"];

export function hasRole(actor: Pick<Actor, "role">, least: Role): boolean {
  return RANK[actor.role] >= RANK[least];
}

const isEditor = (a: Actor) => hasRole(a, "EDITOR");

/**
 * The role gate alone: whether `actor` could do `action` to some resource.
 * Route handlers check this before the resource is loaded; the ownership rule
 * (`can` with the resource) is checked where the resource is read.
 */
export function mayAttempt(actor: Actor | null | undefined, action: Action): boolean {
  return !!actor && actor.active && hasRole(actor, MIN_ROLE[action]);
}

/**
 * The one permission decision. `resource` is needed for the ownership rules:
 * a reviewer edits, deletes and submits only their own claims, and not once approved;
 * editors may edit and delete any claim (their edits are recorded as theirs).
 */
export function can(actor: Actor | null | undefined, action: Action, resource?: ClaimRef): boolean {
  if (!actor || !actor.active) return false;
  if (!hasRole(actor, MIN_ROLE[action])) return false;
  const isOwner = resource ? resource.authorId === actor.id : false;
  switch (action) {
    case "claim:update":
    case "claim:reattach":
      if (!resource) return false;
      return isEditor(actor) || (isOwner && resource.status !== "APPROVED");
    case "claim:delete":
      if (!resource) return false;
      return isEditor(actor) || (isOwner && resource.status !== "APPROVED");
    case "claim:submit":
      // Submitting is the author's act; the state rule (DRAFT/CHANGES_REQUESTED) lives in the mutation.
      if (!resource) return false;
      return isOwner;
    default:
      return true;
  }
}
