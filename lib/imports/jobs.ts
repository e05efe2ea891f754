import "server-only";
import { prisma } from "@/lib/db";
import type { ImportKind, Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { forbidden, invalidInput } from "@/lib/errors";
import { unstorableFields } from "@/lib/validation";
import { describeSources } from "./expand";
import { enqueueImportJob } from "./queue";
import type { ImportJobInput, ImportSource } from "./types";

/** Stores a job with its raw inputs (QUEUED), audited. It runs later: through the queue or runImportJob. */
export async function createImportJob(actorId: string | null, kind: ImportKind, sources: ImportSource[]): Promise<{ id: string }> {
  // Postgres text and jsonb cannot hold NUL characters: refuse them before anything is stored.
  for (const s of sources) {
    if (s.type === "file" && s.content.includes("\u0000")) throw invalidInput({ files: `${s.name}: is not a text file (it holds NUL bytes)` });
  }
  // (The API refuses such JSON naming the field; this guards every other way in.)
  if (Object.keys(unstorableFields(sources)).length) throw invalidInput({ body: "must not contain NUL (\\u0000) characters or invalid Unicode" });
  const label = describeSources(sources);
  const input: ImportJobInput = { sources };
  return prisma.$transaction(async (tx) => {
    const job = await tx.importJob.create({
      data: { kind, label, input: input as unknown as Prisma.InputJsonValue, createdById: actorId },
      select: { id: true },
    });
    await recordAudit(tx, { actorId, action: "import.create", entityType: "ImportJob", entityId: job.id, changes: { kind, label } });
    return job;
  });
}

/** POST /api/imports: an admin's import, queued as a background job. */
export async function submitImport(user: CurrentUser, kind: ImportKind, sources: ImportSource[]): Promise<{ jobId: string }> {
  if (!can(user, "import:run")) throw forbidden();
  const job = await createImportJob(user.id, kind, sources);
  try {
    await enqueueImportJob(job.id);
  } catch (e) {
    // The job is stored; the worker's sweep for stalled jobs sends it again.
    console.error(`[verity] import ${job.id}: could not queue it now (it will be picked up by the next sweep):`, e);
  }
  return { jobId: job.id };
}
