import { describe, expect, it } from "vitest";
import { caretStep } from "./caret-keys";

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key: k, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods,
});

describe("caretStep", () => {
  it.each([
    ["Shift+Right extends a character", key("ArrowRight", { shiftKey: true }), { alter: "extend", direction: "forward", granularity: "character" }],
    ["Shift+Left extends backwards", key("ArrowLeft", { shiftKey: true }), { alter: "extend", direction: "backward", granularity: "character" }],
    ["Ctrl+Shift+Right extends a word", key("ArrowRight", { shiftKey: true, ctrlKey: true }), { alter: "extend", direction: "forward", granularity: "word" }],
    ["Alt+Shift+Left extends a word back", key("ArrowLeft", { shiftKey: true, altKey: true }), { alter: "extend", direction: "backward", granularity: "word" }],
    ["Shift+Down extends a line", key("ArrowDown", { shiftKey: true }), { alter: "extend", direction: "forward", granularity: "line" }],
    ["Shift+Up extends a line back", key("ArrowUp", { shiftKey: true }), { alter: "extend", direction: "backward", granularity: "line" }],
    ["Right alone moves the caret", key("ArrowRight"), { alter: "move", direction: "forward", granularity: "character" }],
    ["Down alone scrolls (not handled)", key("ArrowDown"), null],
    ["Cmd+Shift+Right is the browser's", key("ArrowRight", { shiftKey: true, metaKey: true }), null],
    ["other keys are not handled", key("a", { shiftKey: true }), null],
  ])("%s", (_name, e, expected) => {
    expect(caretStep(e)).toEqual(expected);
  });
});
