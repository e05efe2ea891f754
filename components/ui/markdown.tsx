import type { ReactNode } from "react";
import renderMarkdown, { type Components } from "react-markdown";
import { markdownRenderable } from "@/lib/markdown/limits";

// Rationales are Markdown written by users: rendered through React only, raw
// HTML is skipped and link URLs other than http(s)/mailto are dropped.
const SAFE_URL = /^(https?:|mailto:)/i;

const urlTransform = (url: string) => (SAFE_URL.test(url) ? url : "");

const COMPONENTS: Components = {
  a: ({ href, children: c }) => (href ? <a href={href} rel="noopener noreferrer nofollow ugc" target="_blank">{c}</a> : <span>{c}</span>),
  img: ({ alt }) => <span>{alt}</span>,
};

/** The text as written: one pre-wrap paragraph per blank-line-separated block. */
function PlainText({ text }: { text: string }) {
  // [ \t]* cannot run into the next line break, so the split stays linear on long blank runs.
  const paragraphs = text.split(/\n[ \t]*\n/).filter((p) => p.trim());
  return paragraphs.map((p, i) => <p key={i} className="whitespace-pre-wrap">{p}</p>);
}

/**
 * Markdown that is too big or too deeply nested to parse quickly
 * (lib/markdown/limits.ts) is shown as plain text, and so is any text the
 * parser throws on: one bad rationale must not take its page down. react-markdown's
 * `Markdown` is a plain synchronous function without hooks, so it is called here
 * directly, inside try/catch, in server and client components alike.
 */
function renderOrPlain(text: string): ReactNode {
  if (!markdownRenderable(text)) return <PlainText text={text} />;
  try {
    return renderMarkdown({ children: text, skipHtml: true, urlTransform, components: COMPONENTS });
  } catch {
    return <PlainText text={text} />;
  }
}

export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-sm space-y-2 [&_a]:text-blue-700 [&_a]:underline [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc">
      {renderOrPlain(children)}
    </div>
  );
}
