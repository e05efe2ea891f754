import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside a React Server bundle; tests import server modules directly.
      "server-only": path.join(root, "tests", "support", "empty-module.ts"),
    },
  },
  test: {
    // Two test files at a time (Vitest's default on two cores is one): a unit file's CPU
    // overlaps an integration file's waits on PostgreSQL. The suite took 435 s one at a
    // time and 289 s two at a time here, with every timing budget still met (the slowest
    // 1 MB adversarial case 4.2 s of its 40 s, the worst import event-loop stall 153 ms of 1 s).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
