import { describe, expect, it } from "vitest";
import { adminChangeRefusal, type RoleChange, type UserState } from "./admin-rules";

const admin = (id: string, active = true): UserState => ({ id, role: "ADMIN", active });
const editor = (id: string, active = true): UserState => ({ id, role: "EDITOR", active });

const cases: Array<[string, string | null, UserState, RoleChange, string[], "role" | "active" | null]> = [
  ["an admin deactivates an editor", "a", editor("e"), { active: false }, ["a"], null],
  ["an admin demotes another admin", "a", admin("b"), { role: "EDITOR" }, ["a", "b"], null],
  ["an admin deactivates another admin", "a", admin("b"), { active: false }, ["a", "b"], null],
  ["an admin deactivates themselves", "a", admin("a"), { active: false }, ["a", "b"], "active"],
  ["an admin demotes themselves", "a", admin("a"), { role: "REVIEWER" }, ["a", "b"], "role"],
  ["an admin renames themselves (role unchanged)", "a", admin("a"), { role: "ADMIN", active: true }, ["a"], null],
  ["the system demotes the last admin", null, admin("a"), { role: "EDITOR" }, ["a"], "role"],
  ["the system deactivates the last admin", null, admin("a"), { active: false }, ["a"], "active"],
  ["the system demotes one of two admins", null, admin("a"), { role: "EDITOR" }, ["a", "b"], null],
  ["an inactive admin is demoted while another is active", "b", admin("a", false), { role: "EDITOR" }, ["b"], null],
  ["an admin promotes an editor", "a", editor("e"), { role: "ADMIN" }, ["a"], null],
  ["an admin reactivates an editor", "a", editor("e", false), { active: true }, ["a"], null],
];

describe("adminChangeRefusal", () => {
  it.each(cases)("%s", (_name, actorId, target, change, admins, refusedField) => {
    const refusal = adminChangeRefusal(actorId, target, change, admins);
    expect(refusal?.field ?? null).toBe(refusedField);
    if (refusal) expect(refusal.message).toMatch(/cannot|must keep/);
  });
});
