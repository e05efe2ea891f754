import { describe, expect, it } from "vitest";
import { bcryptEffective, passwordWeakness } from "./password-policy";

describe("passwordWeakness", () => {
  it.each([
    ["short", "abc123", /^must be at least 10 characters$/],
    ["the published demo password", "verity-demo", /must be at least|published demo password/],
    ["the configured demo password", "our-demo-pass-1", /published demo password/, "our-demo-pass-1"],
    ["a top common password, padded", "password1234", /^is too easy to guess/],
    ["keyboard walk", "qwertyuiop", /^is too easy to guess/],
    ["repeats", "aaaaaaaaaaaa", /^is too easy to guess/],
    ["the person's own name and year", "ritareviewer2024", /^must not contain your name$/],
    ["the person's email", "rita@example.org", /^must not contain your email address$/],
    ["the name with a dot", "rita.reviewer", /^must not contain your name$/],
    ["the first name and a year", "rita20242024", /^is too easy to guess/],
    ["a passphrase", "correct horse battery staple", null],
    ["a passphrase that happens to hold the first name", "margarita sunset boulevard", null],
    ["random-looking", "t7#Qm2!vR9@kLp", null],
    ["non-Latin passphrase", "ночь улица фонарь аптека", null],
  ])("%s", (_label, password, expected, demo?: string) => {
    const got = passwordWeakness(password as string, { name: "Rita Reviewer", email: "rita@example.org" }, demo ?? "verity-demo");
    if (expected === null) expect(got).toBeNull();
    else expect(got).toMatch(expected as RegExp);
  });

  it("judges only what bcrypt reads: a weak first 72 bytes with a strong tail is weak", () => {
    expect(passwordWeakness("a".repeat(72) + "t7#Qm2!vR9@kLp correct horse")).toMatch(/^is too easy to guess/);
  });

  it("answers quickly for the longest password allowed", () => {
    const started = performance.now();
    passwordWeakness("x".repeat(1024));
    passwordWeakness("ab".repeat(512));
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("cuts at 72 bytes on a character boundary", () => {
    expect(Buffer.byteLength(bcryptEffective("é".repeat(50)))).toBe(72);
    expect(bcryptEffective("😀".repeat(30))).toBe("😀".repeat(18));
  });
});
