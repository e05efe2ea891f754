import { z } from "zod";

// Settings, validated once. Every setting Verity reads is listed here and in the README.
const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1, "is required (npm start sets it for the embedded database)"),
  NEXTAUTH_SECRET: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  NEXTAUTH_URL: z.string().optional(),
  DEMO_PASSWORD: z.string().min(8).default("verity-demo"),
  SEED_DEMO: flag,
  IMPORT_ALLOW_PRIVATE_HOSTS: flag,
  ORG_NAME: z.string().default("Verity"),
  ORG_URL: z.string().default("http://localhost:3000"),
});

export type Env = z.output<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export function authSecret(): string | undefined {
  return process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET || undefined;
}
