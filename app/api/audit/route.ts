import { route } from "@/lib/http";
import { auditQuerySchema } from "@/lib/audit/schema";
import { listAuditEvents } from "@/lib/audit/data";

export const GET = route({ can: "audit:read", query: auditQuerySchema }, async ({ query }) => listAuditEvents(query));
