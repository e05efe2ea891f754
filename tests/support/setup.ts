import { inject } from "vitest";

// Before any test module imports lib/db, point it at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
process.env.IMPORT_ALLOW_PRIVATE_HOSTS = "1";
