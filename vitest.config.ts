import { defineConfig } from "vitest/config";
import { postgresBinariesAvailable } from "./test/postgres-server.js";

// Locally, without PostgreSQL binaries, the PostgreSQL run is left out (with a warning); in CI their
// absence fails the run (test/postgres-global-setup.ts).
const withPostgres = postgresBinariesAvailable() || Boolean(process.env.CI);
if (!withPostgres) console.warn("PostgreSQL binaries not found: the integration suite runs on PGlite only.");

// Three tiers (see docs/ARCHITECTURE.md): pure unit tests, the integration suite run twice (embedded
// PGlite and a throwaway PostgreSQL 15 server started by test/postgres-global-setup.ts), and browser
// journeys in Chromium.
export default defineConfig({
  test: {
    env: { TZ: "UTC" },
    // Two workers even on a 2-core machine: the browser journeys mostly wait for Chromium and the
    // server process, so the integration files run beside them (the journeys themselves one by one).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          setupFiles: ["test/fast-check-setup.ts"],
          include: [
            "src/domain/**/*.test.ts",
            "src/contracts/**/*.test.ts",
            "src/web/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration-pglite",
          include: ["src/server/**/*.test.ts"],
          env: { TEST_DB: "pglite", TZ: "UTC" },
          globalSetup: ["test/pglite-global-setup.ts"],
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withPostgres
        ? [
            {
              test: {
                name: "integration-postgres",
                include: ["src/server/**/*.test.ts"],
                env: { TEST_DB: "postgres", TZ: "UTC" },
                globalSetup: ["test/postgres-global-setup.ts"],
                isolate: false,
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
