import { describe, expect, it } from "vitest";
import { formatAge, formatDate, formatDateTime, formatTimestamp } from "./format";

describe("the formatter module", () => {
  const d = new Date("2026-12-03T07:51:20.123Z");
  it("prints dates and times in UTC, from a Date or a string", () => {
    expect(formatDate(d)).toBe("3 December 2026");
    expect(formatDate("2026-12-03T23:59:00Z")).toBe("3 December 2026");
    expect(formatDateTime(d)).toBe(formatDateTime(d.toISOString()));
    expect(formatDateTime(d)).toMatch(/^3 Dec 2026, 07:51 UTC$/);
    expect(formatTimestamp(d)).toBe("2026-12-03 07:51");
    expect(formatTimestamp(d, "second")).toBe("2026-12-03 07:51:20");
  });
  it("says what is missing or unreadable", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate("not a date")).toBe("—");
    expect(formatDateTime(undefined)).toBe("Never");
    expect(formatDateTime("nope", "—")).toBe("—");
  });
  it("tells an age in the largest whole unit", () => {
    const now = d.getTime();
    expect(formatAge(new Date(now - 30_000), now)).toBe("less than a minute");
    expect(formatAge(new Date(now - 61_000), now)).toBe("1 minute");
    expect(formatAge(new Date(now - 3 * 3_600_000), now)).toBe("3 hours");
    expect(formatAge(new Date(now - 2 * 86_400_000), now)).toBe("2 days");
    expect(formatAge(null, now)).toBe("—");
  });
});
