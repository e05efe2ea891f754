import { json, route } from "@/lib/http";
import { submitImport } from "@/lib/imports/jobs";
import { readImportRequest } from "@/lib/imports/request";

// Multipart uploads are read by readImportRequest (20 MB), not the wrapper's JSON body parser (1 MB).
export const POST = route({ can: "import:run" }, async ({ req, user }) => {
  const { kind, sources } = await readImportRequest(req);
  return json(await submitImport(user, kind, sources), 202);
});
