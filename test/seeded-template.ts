import { randomBytes } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { Database } from "../src/server/db/client.js";
import { seedDemoData } from "../src/server/seed/seed.js";

/*
 * Seeding the demo tenants takes seconds; every integration test file needs them. So each run seeds
 * one template database once (in the project's global setup) and every test file gets a copy of it:
 * a clone on PostgreSQL (CREATE DATABASE … TEMPLATE), a loaded data directory on PGlite.
 */

/** The moment the demo data is seeded at and the test apps' clocks start from. */
export const TEST_SEEDED_AT = new Date("2026-03-02T09:00:00Z");

export type SeedResult = Awaited<ReturnType<typeof seedDemoData>>;

/** What a global setup hands to the test files (plain JSON, as vitest's provide requires). */
export interface SeededTemplate {
  /** The application key the demo CPR numbers are sealed under (hex). */
  appKeyHex: string;
  /** The ids the seed returned, as JSON. */
  seedJson: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    seededTemplate: SeededTemplate;
    /** PGlite only: the seeded data directory as a tar file. */
    pgliteSeededImagePath: string;
  }
}

/** Seeds the demo data into a migrated database for a run, with a fresh application key. */
export async function seedTemplate(database: Database): Promise<SeededTemplate> {
  const appKey = randomBytes(32);
  const seed = await seedDemoData(database.db, TEST_SEEDED_AT, appKey);
  const seedJson = JSON.stringify(seed);
  // The ids travel as JSON: a Date or a Map in the result would arrive changed.
  if (!isDeepStrictEqual(JSON.parse(seedJson), seed))
    throw new Error("seedDemoData's result does not survive JSON; keep it to plain ids");
  return { appKeyHex: appKey.toString("hex"), seedJson };
}
