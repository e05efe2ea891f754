// Keyboard selection inside the article text: which key moves or extends the
// selection, and how far, as arguments to Selection.modify() (Blink, Gecko and
// WebKit all implement it, on any text, not only editable text). Pure.

export type CaretStep = { alter: "move" | "extend"; direction: "forward" | "backward"; granularity: "character" | "word" | "line" };

type Keyish = { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean };

/**
 * Shift+Left/Right extend by a character (with Ctrl or Alt: by a word),
 * Shift+Up/Down by a line; Left/Right alone move the caret. Plain Up/Down are
 * left alone so they keep scrolling the page.
 */
export function caretStep(e: Keyish): CaretStep | null {
  if (e.metaKey) return null;
  const byWord = e.ctrlKey || e.altKey;
  switch (e.key) {
    case "ArrowLeft":
    case "ArrowRight":
      return { alter: e.shiftKey ? "extend" : "move", direction: e.key === "ArrowRight" ? "forward" : "backward", granularity: byWord ? "word" : "character" };
    case "ArrowUp":
    case "ArrowDown":
      return e.shiftKey && !byWord ? { alter: "extend", direction: e.key === "ArrowDown" ? "forward" : "backward", granularity: "line" } : null;
    default:
      return null;
  }
}
