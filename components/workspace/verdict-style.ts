import type { Verdict } from "@/lib/claims/constants";

// Tints chosen so dark text stays readable (WCAG AA) over each, alone or stacked;
// the underline style differs too, and a text label rides on every highlight,
// so colour is never the only cue.
export const VERDICT_STYLE: Record<Verdict, { bg: string; line: string; lineStyle: "solid" | "double" | "dashed" | "dotted" | "wavy"; chip: string }> = {
  TRUE: { bg: "rgba(34,197,94,0.22)", line: "#15803d", lineStyle: "solid", chip: "bg-green-700 text-white" },
  MOSTLY_TRUE: { bg: "rgba(132,204,22,0.25)", line: "#4d7c0f", lineStyle: "double", chip: "bg-lime-800 text-white" },
  MIXED: { bg: "rgba(234,179,8,0.28)", line: "#a16207", lineStyle: "dashed", chip: "bg-yellow-800 text-white" },
  MOSTLY_FALSE: { bg: "rgba(249,115,22,0.24)", line: "#c2410c", lineStyle: "dotted", chip: "bg-orange-800 text-white" },
  FALSE: { bg: "rgba(239,68,68,0.22)", line: "#b91c1c", lineStyle: "solid", chip: "bg-red-700 text-white" },
  MISLEADING: { bg: "rgba(168,85,247,0.20)", line: "#7e22ce", lineStyle: "wavy", chip: "bg-purple-700 text-white" },
  OUTDATED: { bg: "rgba(14,165,233,0.22)", line: "#0369a1", lineStyle: "dashed", chip: "bg-sky-800 text-white" },
  UNVERIFIABLE: { bg: "rgba(100,116,139,0.22)", line: "#334155", lineStyle: "dotted", chip: "bg-slate-700 text-white" },
};
