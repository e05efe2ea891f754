import { json, route } from "@/lib/http";
import { checkDatabase } from "@/lib/database/health";

export const dynamic = "force-dynamic";

export const GET = route({ public: true }, async () => {
  const ok = await checkDatabase();
  return json(ok ? { status: "ok", db: "ok" } : { status: "degraded", db: "down" }, ok ? 200 : 503, { "Cache-Control": "no-store" });
});
