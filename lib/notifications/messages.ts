// The words a notification shows and where it leads. Pure: no Next, no Prisma.

/** A claim's or article's text as a short quotation: at most `max` characters, cut at a word. */
export function quote(text: string, max = 80): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  if (flat.length <= max) return `“${flat}”`;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.lastIndexOf(" ") > max / 2 ? cut.slice(0, cut.lastIndexOf(" ")) : cut;
  return `“${atWord.replace(/[\s.,;:!?-]+$/u, "")}…”`;
}

export function claimHref(articleId: string, claimId: string): string {
  return `/articles/${encodeURIComponent(articleId)}?claim=${encodeURIComponent(claimId)}`;
}

export function articleHref(articleId: string): string {
  return `/articles/${encodeURIComponent(articleId)}`;
}

export type Decision = "APPROVE" | "REJECT" | "REQUEST_CHANGES";

export const notificationText = {
  mention: (actor: string, claimText: string) => `${actor} mentioned you on ${quote(claimText)}`,
  decision: (actor: string, decision: Decision, claimText: string) =>
    decision === "REQUEST_CHANGES"
      ? `${actor} asked for changes to your claim ${quote(claimText)}`
      : `${actor} ${decision === "APPROVE" ? "approved" : "rejected"} your claim ${quote(claimText)}`,
  assignment: (actor: string, articleTitle: string, claimText?: string | null) =>
    claimText
      ? `${actor} assigned you the claim ${quote(claimText)} in ${quote(articleTitle)}`
      : `${actor} assigned you ${quote(articleTitle)}`,
};
