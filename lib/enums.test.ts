import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/permissions";
import { ARTICLE_STATUSES } from "@/lib/articles/schema";
import { ANCHOR_STATUSES, CLAIM_STATUSES, STANCES, VERDICTS } from "@/lib/claims/constants";
import { DECISIONS } from "@/lib/reviews/schema";
import { enumValues } from "./enums";

describe("enum lists come from Prisma's generated enums", () => {
  it.each([
    ["ROLES", ROLES, ["REVIEWER", "EDITOR", "ADMIN"]],
    ["ARTICLE_STATUSES", ARTICLE_STATUSES, ["OPEN", "PUBLISHED", "ARCHIVED"]],
    ["VERDICTS", VERDICTS, ["TRUE", "MOSTLY_TRUE", "MIXED", "MOSTLY_FALSE", "FALSE", "MISLEADING", "OUTDATED", "UNVERIFIABLE"]],
    ["CLAIM_STATUSES", CLAIM_STATUSES, ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "REJECTED"]],
    ["STANCES", STANCES, ["SUPPORTS", "REFUTES", "CONTEXT"]],
    ["ANCHOR_STATUSES", ANCHOR_STATUSES, ["ANCHORED", "FUZZY", "ORPHANED"]],
    ["DECISIONS", DECISIONS, ["APPROVE", "REQUEST_CHANGES", "REJECT"]],
  ])("%s in schema order (the order selects and tables show)", (_name, list, expected) => {
    expect([...list]).toEqual(expected);
  });

  it("keeps an enum object's values in declaration order", () => {
    expect(enumValues({ B: "B", A: "A" } as const)).toEqual(["B", "A"]);
  });

  it("imports nothing at run time, so browser bundles can take it", () => {
    // The lists reach client components (forms, filters): the generated module must stay plain constants.
    const source = fs.readFileSync(new URL("./generated/prisma/enums.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^\s*(import|export .* from)\s/m);
    expect(source).not.toMatch(/require\(/);
  });
});
