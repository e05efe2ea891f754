import { firstAndLast, segmentRange, type Segment } from "@/lib/claims/segments";
import { claimAnchor } from "@/lib/publishing/claimreview";
import type { Block } from "@/lib/articles/blocks";
import { VERDICT_STYLE } from "@/components/workspace/verdict-style";
import { VERDICT_INFO, VERDICTS, type Verdict } from "@/lib/claims/constants";

type Claim = { id: string; start: number; end: number; verdict: Verdict; claimText: string };

// Colour is never the only cue: every highlight ends in a tag with its verdict's
// name (a link to its fact-check below, named "<Verdict>: <claim>" for screen
// readers), and the underline's style differs between neighbouring verdicts.
// The key above the text shows the same highlight, tag and words.

/** Browsers draw "wavy" only as text-decoration; a border takes the nearest line style. */
const borderStyle = (v: Verdict) => (VERDICT_STYLE[v].lineStyle === "wavy" ? "dotted" : VERDICT_STYLE[v].lineStyle);

function highlightStyle(v: Verdict, raise = 0): React.CSSProperties {
  return {
    backgroundColor: VERDICT_STYLE[v].bg,
    borderBottom: `${VERDICT_STYLE[v].lineStyle === "double" ? 4 : 2}px ${borderStyle(v)} ${VERDICT_STYLE[v].line}`,
    // An outer highlight's line sits lower than the one nested in it, so both stay visible.
    paddingBottom: raise ? `${raise * 4}px` : undefined,
    color: "inherit",
  };
}

const TAG = "rounded px-1 py-px align-baseline font-sans text-xs font-semibold tracking-wide";

function VerdictTag({ claim }: { claim: Claim }) {
  return (
    // The name starts with the visible words (WCAG 2.5.3), then says which claim; a visually
    // hidden span would not do: its absolute position makes it a block, which adds a space.
    <a href={`#${claimAnchor(claim.id)}`} aria-label={`${VERDICT_INFO[claim.verdict].label}: ${claim.claimText}`} data-verdict={claim.verdict} className={`${TAG} ml-1 underline decoration-1 underline-offset-2 hover:no-underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${VERDICT_STYLE[claim.verdict].chip}`}>
      {VERDICT_INFO[claim.verdict].label}
    </a>
  );
}

/** Which verdicts the highlights use, each with a sample highlight and the tag it ends in. */
export function HighlightKey({ verdicts }: { verdicts: Verdict[] }) {
  if (verdicts.length === 0) return null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h3 id="highlight-key-h" className="font-semibold">Key to the highlights</h3>
      <p className="mt-1 text-slate-700">Each checked claim in the text is highlighted and ends in a tag naming its verdict; the tag links to the fact-check.</p>
      <ul aria-labelledby="highlight-key-h" className="mt-3 grid gap-2 sm:grid-cols-2">
        {verdicts.map((v) => (
          <li key={v} data-verdict={v} className="flex items-baseline gap-2">
            <span aria-hidden="true" className="shrink-0 rounded-sm px-0.5" style={highlightStyle(v)}>claim</span>
            <span className={`${TAG} shrink-0 ${VERDICT_STYLE[v].chip}`}>{VERDICT_INFO[v].label}</span>
            <span className="text-slate-700">{VERDICT_INFO[v].description}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The public article text with approved claims highlighted; each highlight ends in a verdict tag linking to its fact-check below. */
export function PublishedArticle({ text, blocks, claims }: { text: string; blocks: Block[]; claims: Claim[] }) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const segmentsByBlock = blocks.map((b) => segmentRange(b.start, b.end, claims));
  // The tag goes after a claim's last piece: a claim may run over several blocks or be cut by an overlap.
  const lastPiece = firstAndLast(segmentsByBlock);
  const shown = new Set(lastPiece.keys());
  const verdicts = VERDICTS.filter((v) => claims.some((c) => c.verdict === v && shown.has(c.id)));

  const render = (seg: Segment, depth: number): React.ReactNode => {
    if (depth >= seg.ids.length) return text.slice(seg.start, seg.end);
    const c = byId.get(seg.ids[depth])!;
    const isLast = lastPiece.get(c.id)?.last === seg.start;
    return (
      <>
        <mark data-claim-id={c.id} data-verdict={c.verdict} className="rounded-sm" style={highlightStyle(c.verdict, seg.ids.length - 1 - depth)}>
          {render(seg, depth + 1)}
        </mark>
        {isLast && <VerdictTag claim={c} />}
      </>
    );
  };

  return (
    <>
      <HighlightKey verdicts={verdicts} />
      <div className="article-body space-y-4 whitespace-pre-line text-lg leading-relaxed">
        {blocks.map((b, i) => {
          const content = segmentsByBlock[i].map((s) => <span key={s.start}>{render(s, 0)}</span>);
          const key = `${b.start}`;
          if (b.type === "heading") return <h2 key={key} className="font-sans text-xl font-semibold">{content}</h2>;
          if (b.type === "quote") return <blockquote key={key} className="border-l-4 border-slate-300 pl-4 italic">{content}</blockquote>;
          return <p key={key}>{content}</p>;
        })}
      </div>
    </>
  );
}
