// Response bytes to text, in the charset the server or document declares.
// Header first, then a byte-order mark, then the document's own declaration
// (XML prolog or <meta charset>), else UTF-8.
import { parseHTML } from "linkedom";

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim());
  } catch {
    return undefined; // Unknown labels fall through to the next clue.
  }
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** Reads the declaration from the first 2 KB, decoded as Latin-1 (every ASCII-compatible charset agrees there). */
function declaredCharset(bytes: Uint8Array, kind: "html" | "feed"): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  if (kind === "feed") return head.match(/^\s*<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']/)?.[1];
  const { document } = parseHTML(head);
  const meta = document.querySelector("meta[charset]")?.getAttribute("charset");
  if (meta) return meta;
  const equiv = document.querySelector('meta[http-equiv="content-type" i]')?.getAttribute("content");
  return equiv ? charsetParam(equiv) : undefined;
}

export function charsetParam(contentType: string | null | undefined): string | undefined {
  const m = contentType?.match(/;\s*charset\s*=\s*"?([^";\s]+)"?/i);
  return m?.[1];
}

// windows-1252 in 0x80–0x9F (curly quotes, dashes, €). Some Node 20 builds decode
// windows-1252 (and the latin1 labels that alias it) as ISO-8859-1, turning these into
// invisible C1 controls, so they are mapped here.
const CP1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

export function decodeBody(bytes: Uint8Array, contentType: string | null, kind: "html" | "feed"): string {
  const decoder =
    decoderFor(charsetParam(contentType)) ??
    decoderFor(bomCharset(bytes)) ??
    decoderFor(declaredCharset(bytes, kind)) ??
    new TextDecoder("utf-8");
  const text = decoder.decode(bytes);
  return decoder.encoding === "windows-1252" ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]) : text;
}
