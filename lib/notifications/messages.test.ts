import { describe, expect, it } from "vitest";
import { claimHref, notificationText, quote } from "./messages";

describe("notification words", () => {
  it.each([
    ["Short claim", "“Short claim”"],
    ["  spaced\n out  ", "“spaced out”"],
    ["word ".repeat(40), `“${"word ".repeat(15).trim()}…”`],
  ])("quote(%j) = %j", (text, expected) => {
    expect(quote(text)).toBe(expected);
  });

  it("names the actor and the claim or article", () => {
    expect(notificationText.mention("Edna Editor", "The sky was green")).toBe("Edna Editor mentioned you on “The sky was green”");
    expect(notificationText.decision("Edna Editor", "REQUEST_CHANGES", "The sky was green")).toBe("Edna Editor asked for changes to your claim “The sky was green”");
    expect(notificationText.decision("Edna Editor", "APPROVE", "X")).toBe("Edna Editor approved your claim “X”");
    expect(notificationText.decision("Edna Editor", "REJECT", "X")).toBe("Edna Editor rejected your claim “X”");
    expect(notificationText.assignment("Edna Editor", "Budget speech")).toBe("Edna Editor assigned you “Budget speech”");
    expect(notificationText.assignment("Edna Editor", "Budget speech", "Taxes rose")).toBe("Edna Editor assigned you the claim “Taxes rose” in “Budget speech”");
  });

  it("links to the claim in its article", () => {
    expect(claimHref("a1", "c1")).toBe("/articles/a1?claim=c1");
  });
});
