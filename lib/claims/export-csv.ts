// CSV of an article's claims for editors. Pure.

export type CsvClaim = {
  exact: string;
  claimText: string;
  verdict: string;
  status: string;
  author: string;
  sources: Array<{ url: string; title: string; stance: string }>;
};

const HEADER = ["quote", "claim", "verdict", "status", "reviewer", "sources"];

/** Quotes a cell; a leading = + - @ is neutralised so spreadsheets do not run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function claimsToCsv(claims: CsvClaim[]): string {
  const rows = claims.map((c) => [
    c.exact,
    c.claimText,
    c.verdict,
    c.status,
    c.author,
    c.sources.map((s) => `${s.stance}: ${s.title} <${s.url}>`).join(" | "),
  ]);
  return [HEADER, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
