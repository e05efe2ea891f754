import { describe, expect, it } from "vitest";
import { fourEyesRefusal } from "./four-eyes";

describe("fourEyesRefusal", () => {
  it.each([
    ["another editor approves", "ed-2", { authorId: "rev-1", lastEditedById: "rev-1" }, false, null],
    ["the author approves their own claim", "ed-1", { authorId: "ed-1", lastEditedById: "ed-1" }, false, /You wrote this claim/],
    ["the last editor approves", "ed-2", { authorId: "rev-1", lastEditedById: "ed-2" }, false, /last change/],
    ["an old claim without a recorded last editor", "ed-2", { authorId: "rev-1", lastEditedById: null }, false, null],
    ["self-approval allowed (one-person team)", "ed-1", { authorId: "ed-1", lastEditedById: "ed-1" }, true, null],
  ])("%s", (_label, editor, claim, allow, expected) => {
    const got = fourEyesRefusal(editor, claim, allow);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toMatch(expected);
  });
});
