// Writes each corpus page's reference text (expected.text in <name>.json) from
// the page and Postlight Parser's site-specific extractor for its domain
// (source.selectors and source.clean, copied from postlight/parser
// src/extractors/custom/<domain>/index.js): an extraction made by hand for that
// site, independent of Readability and of Verity. Selection follows Postlight's
// rules: the first selector that matches (a string must match exactly one
// element with text; a list needs every entry to match, and takes all of them
// in page order), minus the `clean` selectors. Postlight's generic clean-up and
// its function transforms are not applied. Review each result by eye.
//
//   npx tsx tests/imports/corpus/make-reference.ts [name ...]
import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { CORPUS_DIR, domText } from "./score";

type Selector = string | string[];

export function referenceText(html: string, selectors: Selector[], clean: string[], transforms: Record<string, string> = {}): string | undefined {
  const { document } = parseHTML(html);
  const matches = (s: string) => Array.from(document.querySelectorAll(s));
  const chosen = selectors.find((s) => (Array.isArray(s) ? s.every((x) => matches(x).length > 0) : matches(s).length === 1 && matches(s)[0].textContent?.trim()));
  if (!chosen) return undefined;
  const nodes = Array.isArray(chosen) ? matches(chosen.join(",")) : matches(chosen);
  const wrapper = document.createElement("div");
  // Outermost matches only: a match inside another is already there.
  for (const n of nodes) if (!nodes.some((o) => o !== n && o.contains(n))) wrapper.appendChild(n);
  if (clean.length) for (const el of Array.from(wrapper.querySelectorAll(clean.join(",")))) el.remove();
  // A string transform renames a tag: "noscript" → "div" makes its content part of the story.
  for (const [from, to] of Object.entries(transforms)) {
    if (to === "(function)" || !/^[a-z][a-z0-9]*$/i.test(to)) continue;
    for (const el of Array.from(wrapper.querySelectorAll(from))) {
      const renamed = document.createElement(to);
      while (el.firstChild) renamed.appendChild(el.firstChild);
      el.replaceWith(renamed);
    }
  }
  return domText(wrapper);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const only = new Set(process.argv.slice(2));
  for (const f of fs.readdirSync(CORPUS_DIR).filter((x) => x.endsWith(".json")).sort()) {
    const name = f.slice(0, -5);
    if (only.size && !only.has(name)) continue;
    const file = path.join(CORPUS_DIR, f);
    const meta = JSON.parse(fs.readFileSync(file, "utf8"));
    const html = fs.readFileSync(path.join(CORPUS_DIR, `${name}.html`), "utf8");
    // A reviewed correction, when Postlight's own selection was wrong for this page (source.reviewed says why).
    const text = referenceText(html, meta.source.referenceSelectors ?? meta.source.selectors, meta.source.clean ?? [], meta.source.transforms ?? {});
    if (!text) {
      console.log(`${name}: no selector matched`);
      continue;
    }
    meta.expected = { ...meta.expected, text };
    fs.writeFileSync(file, `${JSON.stringify(meta, null, 2)}\n`);
    console.log(`${name}: ${text.length} characters`);
  }
}
