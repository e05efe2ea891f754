import { describe, expect, it } from "vitest";
import { claimFieldsSchema, claimInputSchema } from "@/lib/claims/schema";
import { tokenCreateSchema, userCreateSchema } from "@/lib/users/schema";
import { articleInputSchema } from "@/lib/articles/schema";
import { invalidInput } from "@/lib/errors";
import { zodFields } from "@/lib/validation";
import { fieldLabel, humanize, MSG, plainFieldMessage, plainFields, plainIssue, summarizeFields } from "./messages";

// What no message a person can read may contain: enum names in capitals, JSON
// paths, zod's developer wording, or a bare fragment with no field named.
const DEVELOPER_WORDS = [/\b[A-Z]+_[A-Z_]+\b/, /\b(?:TRUE|FALSE|REVIEWER|EDITOR|ADMIN|SUPPORTS)\b/, /\w+\.\d+\.\w+/, /Invalid input/i, /expected (string|number)/i, /claimText|archivedUrl/, /^is required/, /^must /];

function expectPlain(message: string) {
  for (const bad of DEVELOPER_WORDS) expect(message, `${JSON.stringify(message)} matches ${bad}`).not.toMatch(bad);
  expect(message[0]).toBe(message[0].toUpperCase());
}

/** What a form shows for `input`: the schema's reasons through zodFields, then plainFields. */
const fieldsOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return plainFields(zodFields(r.error as Parameters<typeof zodFields>[0]));
};

describe("plainFieldMessage", () => {
  it.each([
    ["claimText", "is required", "Claim is required"],
    ["sources.1.url", MSG.urlScheme, "Source 2: the URL must start with http:// or https://"],
    ["sources.0.title", MSG.sourceTitleRequired, "Source 1: enter the source title"],
    ["sources.2.publisher", "must be at most 300 characters", "Source 3: publisher must be at most 300 characters"],
    ["selector.end", "is beyond the end of the text (12 characters)", "Quote end is beyond the end of the text (12 characters)"],
    ["verdict", "must be one of TRUE, MOSTLY_TRUE, MIXED", "Verdict must be one of: True, Mostly true, Mixed"],
    ["currentPassword", "is not your current password", "Current password is not your current password"],
    ["files", "choose at least one file", "Choose at least one file"],
    ["files", "story.exe: unsupported file type", "story.exe: unsupported file type"],
    ["email", "Invalid input: expected string, received number", "Email is not valid"],
    ["items.3.title", "is required", "Item 4: title is required"],
    ["verdict", MSG.verdictRequired, MSG.verdictRequired],
  ])("%s + %j → %j", (key, why, plain) => {
    expect(plainFieldMessage(key, why)).toBe(plain);
  });

  it("is idempotent, so a message may pass through twice", () => {
    for (const [k, v] of [["sources.1.url", MSG.urlScheme], ["claimText", "is required"], ["files", "pick one"]] as const) {
      const once = plainFieldMessage(k, v);
      expect(plainFieldMessage(k, once)).toBe(once);
    }
  });
});

describe("labels", () => {
  it("names fields as the forms do", () => {
    expect(fieldLabel("claimText")).toBe("Claim");
    expect(fieldLabel("sources.4.archivedUrl")).toBe("Source 5 Archived copy URL");
    expect(fieldLabel("publishedAt")).toBe("Published date");
    expect(fieldLabel("someNewField")).toBe("Some new field");
    expect(humanize("MOSTLY_TRUE")).toBe("Mostly true");
  });

  it("replaces zod's defaults by code", () => {
    expect(plainIssue({ code: "invalid_value", message: 'Invalid option: expected one of "A_B"|"C"', values: ["A_B", "C"] })).toBe("Choose one of: A b, C");
    expect(plainIssue({ code: "invalid_type", message: "Invalid input: expected string, received number", expected: "string" })).toBe("must be text");
    expect(plainIssue({ code: "too_big", message: "Too big: expected string to have <=5 characters", origin: "string", maximum: 5 })).toBe("must be at most 5 characters");
    expect(plainIssue({ code: "custom", message: "Enter the claim" })).toBe("Enter the claim");
  });
});

describe("the schemas' messages, as the API and the forms show them", () => {
  it("an empty claim form asks for the claim and a verdict in plain words", () => {
    const fields = fieldsOf(claimFieldsSchema, { claimText: "", verdict: "", rationale: "", sources: [] });
    expect(fields).toEqual({ claimText: "Enter the claim", verdict: MSG.verdictRequired });
    expect(fields.verdict).toContain("Mostly true");
    Object.values(fields).forEach(expectPlain);
  });

  it("a bad source names the source by number and the field by its label", () => {
    const source = { url: "ftp://x", title: "", publisher: null, stance: "NOPE", archivedUrl: "javascript:alert(1)", excerpt: null };
    const fields = fieldsOf(claimFieldsSchema, { claimText: "x", verdict: "TRUE", sources: [{ ...source, url: "https://ok.example", title: "ok", stance: "SUPPORTS", archivedUrl: null }, source] });
    expect(Object.keys(fields).sort()).toEqual(["sources.1.archivedUrl", "sources.1.stance", "sources.1.title", "sources.1.url"]);
    expect(fields["sources.1.url"]).toBe("Source 2: the URL must start with http:// or https://");
    expect(fields["sources.1.title"]).toBe("Source 2: enter the source title");
    expect(fields["sources.1.stance"]).toBe("Source 2: choose a stance: Supports, Refutes or Context");
    expect(fields["sources.1.archivedUrl"]).toBe("Source 2: the archived copy URL must start with http:// or https://");
    Object.values(fields).forEach(expectPlain);
  });

  it("wrong types from an API client still read plainly", () => {
    const fields = fieldsOf(claimInputSchema, { claimText: 3, verdict: 7, rationale: 1, sources: "x", selector: { exact: "", start: -1, end: "2" }, extra: true });
    expect(fields.claimText).toBe("Enter the claim");
    expect(fields.extra).toBe('"extra" is not a known field');
    expect(fields.verdict).toBe(MSG.verdictRequired);
    expect(fields["selector.start"]).toBe("Quote start must not be negative");
    Object.values(fields).forEach(expectPlain);
  });

  it("the user and token forms submitted empty", () => {
    const user = fieldsOf(userCreateSchema, { name: "", email: "", role: "", password: "" });
    expect(user).toEqual({ name: "Enter a name", email: "Enter an email address", role: "Choose a role: Reviewer, Editor or Admin", password: "Enter a password" });
    expect(fieldsOf(userCreateSchema, { name: "A", email: "nope", role: "ADMIN", password: "short" })).toEqual({ email: "Enter an email address like name@example.org", password: "Password must be at least 10 characters" });
    expect(fieldsOf(tokenCreateSchema, { name: " " })).toEqual({ name: "Enter a name for the token" });
    Object.values(user).forEach(expectPlain);
  });

  it("article fields", () => {
    const fields = fieldsOf(articleInputSchema, { title: "", sourceUrl: "example.org", language: "english!", publishedAt: "someday" });
    expect(fields).toMatchObject({
      title: "Title is required",
      sourceUrl: "The source URL must start with http:// or https://",
      language: "Language must be a language tag such as en or pt-BR",
      publishedAt: "Published date must be a date (YYYY-MM-DD or ISO 8601)",
    });
    Object.values(fields).forEach(expectPlain);
  });
});

describe("invalidInput and the summary", () => {
  it("makes every reason plain and leads with what to do", () => {
    const err = invalidInput({ claimText: "is required", "sources.1.url": MSG.urlScheme });
    // The API's fields keep their keys and reasons; the summary is for people.
    expect(err.fields).toEqual({ claimText: "is required", "sources.1.url": MSG.urlScheme });
    expect(err.message).toBe("Check the highlighted fields: Claim is required; Source 2: the URL must start with http:// or https://.");
    expect(plainFields({ body: "The request body is not valid JSON" })).toEqual({ body: "The request body is not valid JSON" });
    expect(summarizeFields({}, "Check the form")).toBe("Check the form.");
  });
});
