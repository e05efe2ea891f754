import { json, route } from "@/lib/http";
import { setupSchema } from "@/lib/auth/schema";
import { createFirstAdmin } from "@/lib/users/setup";

// POST /api/setup: the first admin of an install without demo data, with the
// one-time token `npm start` printed. Public by nature: the token is the proof.
export const POST = route({ public: true, body: setupSchema }, async ({ body }) => json(await createFirstAdmin(body), 201));
