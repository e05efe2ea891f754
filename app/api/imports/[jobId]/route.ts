import { route } from "@/lib/http";
import { getImportJob } from "@/lib/imports/data";
import { notFound } from "@/lib/errors";

export const GET = route({ can: "import:run" }, async ({ req, params }) => {
  const job = await getImportJob(params.jobId, { includeArticles: req.nextUrl.searchParams.get("include") === "articles" });
  if (!job) throw notFound("Import job");
  return job;
});
