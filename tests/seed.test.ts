import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "./support/fresh-database";
import { prisma } from "@/lib/db";
import { seedDemo, DEMO_USERS, seedArticleInput } from "@/seeds/demo";
import { verifyCredentials } from "@/lib/auth/credentials";

// A database of its own: the demo accounts must not appear in (or be switched
// off by) the tests that share the run's database.
beforeAll(async () => {
  await useFreshDatabase("seed");
});

describe("demo seed", () => {
  it("loads the three demo users and the seed article, and is idempotent", async () => {
    const first = await seedDemo({ demoPassword: "seed-test-password" });
    const second = await seedDemo({ demoPassword: "seed-test-password" });
    expect(second.usersCreated).toBe(0);
    expect(second.article).toMatchObject({ status: "duplicate", articleId: first.article.articleId });
    const users = await prisma.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
    expect(users.map((u) => u.role).sort()).toEqual(["ADMIN", "EDITOR", "REVIEWER"]);
    // Flagged, so admins are warned while they are active with the published password.
    expect(users.every((u) => u.demoPassword)).toBe(true);
    expect(await verifyCredentials("reviewer@example.org", "seed-test-password", { ip: "192.0.2.10" })).toMatchObject({ role: "REVIEWER" });

    const article = await prisma.article.findUniqueOrThrow({ where: { id: first.article.articleId } });
    expect(article.title).toBe("Iran says U.S. cyber attacks failed");
    expect(article.publishedAt?.toISOString().slice(0, 10)).toBe("2019-06-24");
    expect(article.publisher).toBeNull();
    expect(article.text.startsWith("TEHRAN (Dispatches) --")).toBe(true);
    expect(article.text).toContain("which targeted Iran's nuclear facilities in November 2007");
    expect(article.text).not.toContain("News ID");
    expect(article.text).not.toContain("Comment:");
    expect(await prisma.article.count({ where: { contentHash: article.contentHash } })).toBe(1);
  });

  it("keeps one paragraph per line of the wire copy", () => {
    const input = seedArticleInput();
    expect(input.text?.split("\n").length).toBeGreaterThan(15);
  });
});
