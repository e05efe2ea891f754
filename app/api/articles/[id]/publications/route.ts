import { route } from "@/lib/http";
import { listPublications } from "@/lib/publishing/data";

/** The numbered publication snapshots, newest first. */
export const GET = route({ can: "article:read" }, async ({ params }) => listPublications(params.id));
