import { expect } from "vitest";
import { getImportJob } from "@/lib/imports/data";
import { runImportJob } from "@/lib/imports/run";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the import job here, or waits while another runner (another test file's
 * queue worker) finishes it; answers the finished job with its articles.
 */
export async function runToEnd(jobId: string, opts: Parameters<typeof runImportJob>[1] = {}, tries = 600) {
  for (let i = 0; i < tries; i++) {
    const r = await runImportJob(jobId, opts);
    if (r.state === "finished" || r.state === "done") break;
    await sleep(100);
  }
  const job = await getImportJob(jobId, { includeArticles: true });
  expect(job?.finishedAt).not.toBeNull();
  return job!;
}
