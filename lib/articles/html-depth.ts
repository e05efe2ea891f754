// How deep an HTML parser's stack of open elements gets on a document, found
// in one linear pass, so markup nested deeply enough to be slow can be refused
// before a parser sees it. Pure.
//
// htmlparser2, under both linkedom (v10) and sanitize-html (v8), pays for
// depth: v10 adds each open element with Array.unshift (moving the whole stack)
// and both search the stack for each end tag. 133,000 nested <span> took
// linkedom 15 s, 266,000 nested <b> 3 minutes; "<b>" × 40,000 then "</i>" × 40,000
// took sanitize-html 4.6 s. Both costs are tags × depth, so bounding the depth
// bounds them: at MAX_HTML_DEPTH a page's 100,000 tags cost ~0.2 s.
//
// The count follows htmlparser2's rules (void elements, end tags closing up to
// their match, the start tags that close an open <p>, <li>, <td>…, self-closing
// only inside <svg>/<math>, comments, CDATA and the raw text of <script>,
// <style> and <title>) so that sloppy but ordinary HTML (unclosed <p> and <li>)
// does not count as deep. Where it is unsure it counts deeper, never shallower.

/** Far deeper than any real page (tens of levels; a few hundred in the worst CMS output). */
export const MAX_HTML_DEPTH = 1_000;

const VOID = new Set(["area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
const FOREIGN = new Set(["math", "svg"]);
const INTEGRATION = new Set(["mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title"]);
/** Text up to the matching end tag is not markup, in both htmlparser2 versions. */
const RAW_TEXT = new Set(["script", "style", "title"]);

const P = new Set(["p"]);
const FORM = new Set(["input", "option", "optgroup", "select", "button", "datalist", "textarea"]);
const DD_DT = new Set(["dd", "dt"]);
const RT_RP = new Set(["rt", "rp"]);
const TABLE_SECTION = new Set(["thead", "tbody"]);
/** htmlparser2's openImpliesClose: a start tag closes these while they are the current element. */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ["tr", new Set(["tr", "th", "td"])], ["th", new Set(["th"])], ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])], ["li", new Set(["li"])],
  ["select", FORM], ["input", FORM], ["output", FORM], ["button", FORM], ["datalist", FORM], ["textarea", FORM],
  ["option", new Set(["option"])], ["optgroup", new Set(["optgroup", "option"])],
  ["dd", DD_DT], ["dt", DD_DT], ["rt", RT_RP], ["rp", RT_RP], ["tbody", TABLE_SECTION], ["tfoot", TABLE_SECTION],
  ...["p", "h1", "h2", "h3", "h4", "h5", "h6", "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul"].map(
    (t) => [t, P] as [string, Set<string>],
  ),
]);

const isAlpha = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const GT = 0x3e;
const SLASH = 0x2f;

/** Index of the first case-insensitive "</name" at or after `from`, or -1. */
function endTagStart(html: string, name: string, from: number): number {
  for (let i = html.indexOf("</", from); i !== -1; i = html.indexOf("</", i + 2)) {
    if (html.slice(i + 2, i + 2 + name.length).toLowerCase() === name) return i;
  }
  return -1;
}

/** The ">" ending a comment whose text starts at `from` ("<!-->" and "<!--->" end at once), or -1. */
function commentEnd(html: string, from: number): number {
  if (html.charCodeAt(from) === GT) return from;
  if (html.startsWith("->", from)) return from + 1;
  const end = html.indexOf("-->", from);
  return end === -1 ? -1 : end + 2;
}

/** End of a tag name: the first whitespace, "/" or ">". */
function nameEnd(html: string, from: number): number {
  let j = from;
  while (j < html.length) {
    const c = html.charCodeAt(j);
    if (isSpace(c) || c === SLASH || c === GT) break;
    j++;
  }
  return j;
}

/**
 * Past the attributes of a start tag (`from` is just after its name): the index
 * after its ">", or -1 if the input ends first; `selfClosing` when it ends "/>".
 */
function skipAttributes(html: string, from: number): { end: number; selfClosing: boolean } {
  let j = from;
  while (j < html.length) {
    const c = html.charCodeAt(j);
    if (c === GT) return { end: j + 1, selfClosing: false };
    if (c === SLASH) {
      if (html.charCodeAt(j + 1) === GT) return { end: j + 2, selfClosing: true };
      j++;
      continue;
    }
    if (isSpace(c)) {
      j++;
      continue;
    }
    // An attribute name, then maybe "=" and a value. A "=" where a name should
    // start is the name's first character (as htmlparser2 reads it), not a value.
    if (html.charCodeAt(j) === 0x3d) j++;
    while (j < html.length && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== SLASH && html.charCodeAt(j) !== GT && html.charCodeAt(j) !== 0x3d) j++;
    while (j < html.length && isSpace(html.charCodeAt(j))) j++;
    if (html.charCodeAt(j) !== 0x3d) continue;
    j++;
    while (j < html.length && isSpace(html.charCodeAt(j))) j++;
    const q = html.charCodeAt(j);
    if (q === 0x22 || q === 0x27) {
      const close = html.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (close === -1) return { end: -1, selfClosing: false };
      j = close + 1;
    } else {
      while (j < html.length && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== GT) j++;
    }
  }
  return { end: -1, selfClosing: false };
}

/**
 * The deepest the open-element stack gets while parsing `html`; counting stops
 * once it passes `limit` (the result is then limit + 1).
 */
export function htmlNestingDepth(html: string, limit = Infinity): number {
  const stack: string[] = [];
  const inStack = new Map<string, number>();
  const foreign: boolean[] = [false];
  let deepest = 0;
  const pop = (): string => {
    const name = stack.pop()!;
    inStack.set(name, inStack.get(name)! - 1);
    return name;
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) break;
    const c = html.charCodeAt(lt + 1);
    if (c === 0x21 || c === 0x3f) {
      // Comment, CDATA section, doctype or processing instruction: no elements inside.
      const close = html.startsWith("<!--", lt) ? commentEnd(html, lt + 4) : html.startsWith("<![CDATA[", lt) ? html.indexOf("]]>", lt + 9) : html.indexOf(">", lt + 2);
      if (close === -1) break;
      i = close + 1;
      continue;
    }
    if (c === SLASH) {
      const gt = html.indexOf(">", lt + 2);
      if (gt === -1) break;
      i = gt + 1;
      if (!isAlpha(html.charCodeAt(lt + 2))) continue;
      const name = html.slice(lt + 2, nameEnd(html, lt + 2)).toLowerCase();
      if ((FOREIGN.has(name) || INTEGRATION.has(name)) && foreign.length > 1) foreign.pop();
      if (!VOID.has(name) && inStack.get(name)) while (pop() !== name);
      // A stray </p> is an empty <p> for a moment.
      else if (name === "p" && stack.length + 1 > deepest && (deepest = stack.length + 1) > limit) return deepest;
      continue;
    }
    if (!isAlpha(c)) {
      i = lt + 1;
      continue;
    }
    const end = nameEnd(html, lt + 1);
    const name = html.slice(lt + 1, end).toLowerCase();
    const closes = IMPLIES_CLOSE.get(name);
    if (closes) while (stack.length && closes.has(stack[stack.length - 1])) pop();
    const isVoid = VOID.has(name);
    if (!isVoid) {
      stack.push(name);
      inStack.set(name, (inStack.get(name) ?? 0) + 1);
      if (stack.length > deepest && (deepest = stack.length) > limit) return deepest;
      if (FOREIGN.has(name)) foreign.push(true);
      else if (INTEGRATION.has(name)) foreign.push(false);
    }
    const tag = skipAttributes(html, end);
    if (tag.end === -1) break;
    i = tag.end;
    if (tag.selfClosing && foreign[foreign.length - 1] && !isVoid && stack[stack.length - 1] === name) pop();
    else if (!tag.selfClosing && RAW_TEXT.has(name)) {
      const close = endTagStart(html, name, i);
      if (close === -1) break;
      i = close;
    }
  }
  return deepest;
}
