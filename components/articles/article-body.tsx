import type { Block } from "@/lib/articles/blocks";

/** Renders the article's blocks through React (never through stored HTML). */
export function ArticleBody({ text, blocks }: { text: string; blocks: Block[] }) {
  return (
    <div className="article-body space-y-4 text-lg leading-relaxed">
      {blocks.map((b) => {
        const content = text.slice(b.start, b.end);
        const key = `${b.start}-${b.end}`;
        switch (b.type) {
          case "heading": {
            const level = Math.min(6, Math.max(2, (b.level ?? 2) + 1));
            const Tag = `h${level}` as "h2";
            return <Tag key={key} data-start={b.start} className="pt-2 font-sans text-xl font-semibold">{content}</Tag>;
          }
          case "quote":
            return <blockquote key={key} data-start={b.start} className="border-l-4 border-slate-300 pl-4 italic text-slate-700">{content}</blockquote>;
          case "list-item":
            return <p key={key} data-start={b.start} className="pl-6 before:-ml-4 before:mr-2 before:content-['•']">{content}</p>;
          case "preformatted":
            return <pre key={key} data-start={b.start} className="overflow-x-auto whitespace-pre-wrap rounded bg-slate-100 p-3 font-mono text-sm">{content}</pre>;
          default:
            return <p key={key} data-start={b.start}>{content}</p>;
        }
      })}
    </div>
  );
}
