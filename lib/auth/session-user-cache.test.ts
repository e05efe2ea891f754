import { afterEach, describe, expect, it } from "vitest";
import { cachedSessionUser, forgetSessionUser, keepSessionUser, SESSION_USER_TTL_MS, setSessionUserTtl, type SessionUserRow } from "./session-user-cache";

const row = (id: string, sessionVersion = 0): SessionUserRow => ({ id, email: `${id}@example.org`, name: id, role: "REVIEWER", active: true, sessionVersion, mustChangePassword: false, demoPassword: false });

afterEach(() => setSessionUserTtl(SESSION_USER_TTL_MS));

describe("session user cache", () => {
  it("keeps a row for the TTL and no longer", () => {
    keepSessionUser(row("a"), 1_000);
    expect(cachedSessionUser("a", 1_000 + SESSION_USER_TTL_MS - 1)?.id).toBe("a");
    expect(cachedSessionUser("a", 1_000 + SESSION_USER_TTL_MS)).toBeNull();
    // Expired rows are dropped, not served later.
    expect(cachedSessionUser("a", 1_000)).toBeNull();
  });

  it("forgets one user or everyone", () => {
    const now = Date.now();
    keepSessionUser(row("a"), now);
    keepSessionUser(row("b"), now);
    forgetSessionUser("a");
    expect(cachedSessionUser("a", now)).toBeNull();
    expect(cachedSessionUser("b", now)?.id).toBe("b");
    forgetSessionUser();
    expect(cachedSessionUser("b", now)).toBeNull();
  });

  it("a newer row replaces an older one", () => {
    const now = Date.now();
    keepSessionUser(row("a", 1), now);
    keepSessionUser(row("a", 2), now);
    expect(cachedSessionUser("a", now)?.sessionVersion).toBe(2);
  });

  it("TTL 0 keeps nothing", () => {
    setSessionUserTtl(0);
    keepSessionUser(row("a"));
    expect(cachedSessionUser("a")).toBeNull();
  });

  it("holds at most 1,000 rows, dropping the oldest", () => {
    const now = Date.now();
    for (let i = 0; i < 1_001; i++) keepSessionUser(row(`u${i}`), now);
    expect(cachedSessionUser("u0", now)).toBeNull();
    expect(cachedSessionUser("u1", now)?.id).toBe("u1");
    expect(cachedSessionUser("u1000", now)?.id).toBe("u1000");
  });
});
