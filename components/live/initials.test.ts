import { describe, expect, it } from "vitest";
import { initials, othersViewing } from "./initials";

describe("initials", () => {
  it.each([
    ["Rita Moreno", "RM"],
    ["rita  de la moreno", "RM"],
    ["Editor", "ED"],
    ["  x  ", "X"],
    ["", "?"],
    ["Élodie Ñúñez", "ÉÑ"],
    ["😀 Smile", "😀S"],
  ])("%s -> %s", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe("othersViewing", () => {
  it("leaves out the viewer and duplicates, sorted by name", () => {
    const users = [
      { id: "me", name: "Me" },
      { id: "b", name: "Bea" },
      { id: "a", name: "Ann" },
      { id: "b", name: "Bea" },
    ];
    expect(othersViewing(users, "me")).toEqual([{ id: "a", name: "Ann" }, { id: "b", name: "Bea" }]);
  });
  it("is empty when only the viewer is there", () => {
    expect(othersViewing([{ id: "me", name: "Me" }], "me")).toEqual([]);
  });
});
