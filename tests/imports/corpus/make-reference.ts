// Writes each corpus page's reference text (expected.text in <name>.json) from
// the page and Postlight Parser's site-specific extractor for its domain
// (source.selectors and source.clean, copied from postlight/parser
// src/extractors/custom/<domain>/index.js): an extraction made by hand for that
// site, independent of Readability and of Verity. Selection follows Postlight's
// rules: the first selector that matches (a string must match exactly one
// element with text; a list needs every entry to match, and takes all of them
// in page order), minus the `clean` selectors. Postlight's generic clean-up and
// its function transforms are not applied. The article's standfirst, which
// Postlight extracts apart as the `dek` (source.dek, copied from the same
// extractor), comes first, unless the content already holds it. Review each
// result by eye.
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

/** A Postlight dek selector: an element's text, or [selector, attribute]; null where the extractor left the entry empty. */
type DekSelector = string | [string, string] | null;

const oneLine = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

/**
 * The page's dek (standfirst) by Postlight's rules for a text field: the first
 * selector that matches exactly one element with text (or, for [selector,
 * attribute], one element whose attribute is not empty), and its cleanDek
 * checks (5 to 1000 characters, no plain-text link). Not its check against the
 * excerpt, which keeps Postlight's dek and excerpt fields apart and says
 * nothing of the story. An attribute (all of them meta og:description in the
 * corpus) is no text the page shows, so it is never the standfirst: such a
 * dek is returned with `attribute` set, and is not added to the reference.
 */
export function referenceDek(html: string, selectors: DekSelector[] | null | undefined): { text?: string; why: string; attribute?: boolean } {
  const usable = (selectors ?? []).filter((s): s is string | [string, string] => s !== null);
  if (!usable.length) return { why: "the extractor has no dek selector" };
  const { document } = parseHTML(html);
  const matches = (s: string) => Array.from(document.querySelectorAll(s));
  const chosen = usable.find((s) => {
    if (Array.isArray(s)) {
      const els = matches(s[0]);
      return els.length === 1 && (els[0].getAttribute(s[1]) ?? "").trim() !== "";
    }
    const els = matches(s);
    return els.length === 1 && (els[0].textContent ?? "").trim() !== "";
  });
  if (!chosen) return { why: "no dek selector matched" };
  const text = Array.isArray(chosen) ? (matches(chosen[0])[0].getAttribute(chosen[1]) ?? "").trim() : domText(matches(chosen)[0]);
  const flat = oneLine(text);
  if (flat.length < 5 || flat.length > 1000) return { why: `the dek (${chosen}) is ${flat.length} characters: Postlight drops it` };
  if (/https?:\/\//i.test(flat)) return { why: `the dek (${chosen}) holds a plain-text link: Postlight drops it` };
  return Array.isArray(chosen) ? { text, why: chosen.join(" "), attribute: true } : { text, why: chosen };
}

/** Whether the content already holds the dek: the same words in a row, or, for a teaser cut short ("…", "..."), what precedes the cut. */
export function holdsDek(content: string, dek: string): boolean {
  const stem = oneLine(dek).replace(/\s*(\.{3}|…)$/, "");
  return oneLine(content).includes(stem);
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
    const content = referenceText(html, meta.source.referenceSelectors ?? meta.source.selectors, meta.source.clean ?? [], meta.source.transforms ?? {});
    if (!content) {
      console.log(`${name}: no selector matched`);
      continue;
    }
    // The standfirst first, as the page shows it, unless the content already holds it.
    const dek = referenceDek(html, meta.source.dek);
    const held = dek.text !== undefined && holdsDek(content, dek.text);
    const added = dek.text !== undefined && !held && !dek.attribute;
    const text = added ? `${dek.text}\n${content}` : content;
    meta.expected = { ...meta.expected, text };
    fs.writeFileSync(file, `${JSON.stringify(meta, null, 2)}\n`);
    const note =
      dek.text === undefined
        ? dek.why
        : added
          ? `dek added (${dek.why}): ${oneLine(dek.text)}`
          : held
            ? `dek (${dek.why}) already in the content`
            : `dek (${dek.why}) not added: an attribute, not text the page shows: ${oneLine(dek.text)}`;
    console.log(`${name}: ${text.length} characters; ${note}`);
  }
}
