import { describe, expect, it } from "vitest";
import { diffFields } from "./diff";

describe("diffFields", () => {
  it.each([
    ["a changed field", { a: 1, b: 2 }, { a: 3 }, { a: { from: 1, to: 3 } }],
    ["an unchanged field is left out", { a: 1 }, { a: 1 }, {}],
    ["an undefined field is not a change", { a: 1, b: "x" }, { a: undefined, b: "y" }, { b: { from: "x", to: "y" } }],
    ["null is a change", { a: "x" }, { a: null }, { a: { from: "x", to: null } }],
    ["deep values compare by content", { s: ["a", "b"] }, { s: ["a", "b"] }, {}],
    ["a new field", {}, { c: true }, { c: { from: null, to: true } }],
  ])("%s", (_name, before, after, expected) => {
    expect(diffFields(before as Record<string, unknown>, after as Record<string, unknown>)).toEqual(expected);
  });
});
