import { describe, expect, it } from "vitest";
import { can, mayAttempt, MIN_ROLE, RESOURCE_ACTIONS, type Action, type Actor, type Role } from "./permissions";

const actor = (role: Role, id = `u-${role}`, active = true): Actor => ({ id, role, active });
const reviewer = actor("REVIEWER", "rev-1");
const otherReviewer = actor("REVIEWER", "rev-2");
const editor = actor("EDITOR", "ed-1");
const admin = actor("ADMIN", "ad-1");

// Role × action without a resource: the expected answer for every action in the table.
const roleTable: Array<[Action, boolean, boolean, boolean]> = [
  // action, reviewer, editor, admin
  ["article:read", true, true, true],
  ["article:create", false, false, true],
  ["article:update", false, false, true],
  ["article:publish", false, true, true],
  ["article:export", false, true, true],
  ["import:run", false, false, true],
  ["claim:create", true, true, true],
  ["claim:read", true, true, true],
  ["claim:review", false, true, true],
  ["claim:comment", true, true, true],
  ["review-queue:read", false, true, true],
  ["user:manage", false, false, true],
  ["token:manage", false, false, true],
  ["audit:read", false, false, true],
  ["account:password", true, true, true],
  ["search:read", true, true, true],
  ["claim:link", true, true, true],
  ["suggestion:read", true, true, true],
  ["suggestion:dismiss", true, true, true],
  ["events:read", true, true, true],
  ["assignment:manage", false, true, true],
  ["notification:read", true, true, true],
];

describe("can: role × action", () => {
  it("covers every action that needs no resource", () => {
    const resourceActions: readonly string[] = RESOURCE_ACTIONS;
    const listed = new Set(roleTable.map(([a]) => a));
    for (const a of Object.keys(MIN_ROLE)) if (!resourceActions.includes(a)) expect(listed.has(a as Action), a).toBe(true);
  });

  it.each(roleTable)("%s → reviewer %s, editor %s, admin %s", (action, r, e, a) => {
    expect(can(reviewer, action)).toBe(r);
    expect(can(editor, action)).toBe(e);
    expect(can(admin, action)).toBe(a);
  });

  it.each(roleTable)("%s is refused to anonymous and deactivated users", (action) => {
    expect(can(null, action)).toBe(false);
    expect(can(undefined, action)).toBe(false);
    expect(can({ ...admin, active: false }, action)).toBe(false);
  });
});

const own = (status: string) => ({ authorId: reviewer.id, status });
const ownershipTable: Array<[string, Actor, Action, { authorId: string; status: string }, boolean]> = [
  ["owner edits a draft", reviewer, "claim:update", own("DRAFT"), true],
  ["owner edits a submitted claim", reviewer, "claim:update", own("SUBMITTED"), true],
  ["owner edits after changes requested", reviewer, "claim:update", own("CHANGES_REQUESTED"), true],
  ["owner cannot edit once approved", reviewer, "claim:update", own("APPROVED"), false],
  ["other reviewer cannot edit", otherReviewer, "claim:update", own("DRAFT"), false],
  ["editor edits any claim", editor, "claim:update", own("DRAFT"), true],
  ["editor edits an approved claim", editor, "claim:update", own("APPROVED"), true],
  ["admin edits any claim", admin, "claim:update", own("SUBMITTED"), true],
  ["owner deletes a draft", reviewer, "claim:delete", own("DRAFT"), true],
  ["owner cannot delete an approved claim", reviewer, "claim:delete", own("APPROVED"), false],
  ["other reviewer cannot delete", otherReviewer, "claim:delete", own("DRAFT"), false],
  ["editor deletes any claim", editor, "claim:delete", own("APPROVED"), true],
  ["owner submits", reviewer, "claim:submit", own("DRAFT"), true],
  ["other reviewer cannot submit", otherReviewer, "claim:submit", own("DRAFT"), false],
  ["an editor does not submit a reviewer's claim", editor, "claim:submit", own("DRAFT"), false],
  ["owner re-attaches an orphan", reviewer, "claim:reattach", own("DRAFT"), true],
  ["other reviewer cannot re-attach", otherReviewer, "claim:reattach", own("DRAFT"), false],
  ["editor re-attaches any orphan", editor, "claim:reattach", own("SUBMITTED"), true],
  ["deactivated owner is refused", { ...reviewer, active: false }, "claim:update", own("DRAFT"), false],
];

describe("can: ownership", () => {
  it.each(ownershipTable)("%s", (_name, who, action, resource, expected) => {
    expect(can(who, action, resource)).toBe(expected);
  });

  it("refuses ownership actions without a resource", () => {
    for (const a of ["claim:update", "claim:delete", "claim:submit", "claim:reattach"] as Action[]) {
      expect(can(admin, a)).toBe(false);
    }
  });
});

describe("mayAttempt: the role gate routes check before the resource is known", () => {
  it.each(Object.keys(MIN_ROLE) as Action[])("%s", (action) => {
    for (const who of [reviewer, editor, admin]) {
      expect(mayAttempt(who, action)).toBe(RANK_OK(who.role, MIN_ROLE[action]));
      // Never more than the full rule allows for a resource the actor owns.
      if (!RESOURCE_ACTIONS.includes(action)) expect(mayAttempt(who, action)).toBe(can(who, action));
    }
    expect(mayAttempt({ ...admin, active: false }, action)).toBe(false);
    expect(mayAttempt(null, action)).toBe(false);
  });
});

function RANK_OK(role: Role, least: Role): boolean {
  const order: Role[] = ["REVIEWER", "EDITOR", "ADMIN"];
  return order.indexOf(role) >= order.indexOf(least);
}
