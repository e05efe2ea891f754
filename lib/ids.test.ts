import { describe, expect, it } from "vitest";
import { newId } from "./ids";

describe("newId", () => {
  it("has the shape of Prisma's cuids and does not repeat", () => {
    const ids = Array.from({ length: 20_000 }, newId);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("never reuses random bytes, across refills of its random pool too", () => {
    // The last 12 characters are the 72 random bits: 5,000 ids span ten refills.
    const random = Array.from({ length: 5_000 }, () => newId().slice(-12));
    expect(new Set(random).size).toBe(random.length);
  });

  it("sorts roughly by time", async () => {
    const a = newId();
    await new Promise((r) => setTimeout(r, 5));
    expect(newId() > a).toBe(true);
  });
});
