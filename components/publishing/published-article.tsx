import { segmentRange, type Segment } from "@/lib/claims/segments";
import { claimAnchor } from "@/lib/publishing/claimreview";
import type { Block } from "@/lib/articles/blocks";
import { VERDICT_STYLE } from "@/components/workspace/verdict-style";
import type { Verdict } from "@/lib/claims/constants";

type Claim = { id: string; start: number; end: number; verdict: Verdict; claimText: string };

/** The public article text with approved claims highlighted; each highlight links to its fact-check below. */
export function PublishedArticle({ text, blocks, claims }: { text: string; blocks: Block[]; claims: Claim[] }) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const render = (seg: Segment, depth: number): React.ReactNode => {
    if (depth >= seg.ids.length) return text.slice(seg.start, seg.end);
    const c = byId.get(seg.ids[depth])!;
    return (
      <a href={`#${claimAnchor(c.id)}`} className="rounded-sm text-inherit no-underline" style={{ backgroundColor: VERDICT_STYLE[c.verdict].bg, borderBottom: `2px ${VERDICT_STYLE[c.verdict].lineStyle === "wavy" ? "dotted" : VERDICT_STYLE[c.verdict].lineStyle} ${VERDICT_STYLE[c.verdict].line}` }}>
        <mark className="bg-transparent text-inherit">{render(seg, depth + 1)}</mark>
      </a>
    );
  };
  return (
    <div className="article-body space-y-4 whitespace-pre-line text-lg leading-relaxed">
      {blocks.map((b) => {
        const segs = segmentRange(b.start, b.end, claims);
        const content = segs.map((s) => <span key={s.start}>{render(s, 0)}</span>);
        const key = `${b.start}`;
        if (b.type === "heading") return <h2 key={key} className="font-sans text-xl font-semibold">{content}</h2>;
        if (b.type === "quote") return <blockquote key={key} className="border-l-4 border-slate-300 pl-4 italic">{content}</blockquote>;
        return <p key={key}>{content}</p>;
      })}
    </div>
  );
}
