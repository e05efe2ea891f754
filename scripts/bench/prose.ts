// News-like sentences the benchmarks build their articles from (import and newsroom-scale seed).
export const SENTENCES = [
  "The council voted on Tuesday to approve the budget after a debate that ran past midnight.",
  "Officials said the new figures showed a sharp rise in demand for services across the region.",
  "Opposition members argued that the plan relied on optimistic forecasts for tax receipts.",
  "A spokesperson for the mayor said the measures would be reviewed again in the autumn.",
  "Residents who spoke at the meeting raised concerns about road repairs and bus routes.",
  "Analysts noted that similar proposals had been rejected twice in the past five years.",
  "The health ministry reported that waiting lists had fallen by a fifth since last spring.",
  "Unemployment in the province rose to 6.2 percent in March, the statistics office said.",
];
