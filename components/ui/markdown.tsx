import ReactMarkdown from "react-markdown";

// Rationales are Markdown written by users: rendered through React only, raw
// HTML is skipped and link URLs other than http(s)/mailto are dropped.
const SAFE_URL = /^(https?:|mailto:)/i;

export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-sm space-y-2 [&_a]:text-blue-700 [&_a]:underline [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc">
      <ReactMarkdown
        skipHtml
        urlTransform={(url) => (SAFE_URL.test(url) ? url : "")}
        components={{
          a: ({ href, children: c }) => (href ? <a href={href} rel="noopener noreferrer nofollow ugc" target="_blank">{c}</a> : <span>{c}</span>),
          img: ({ alt }) => <span>{alt}</span>,
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
