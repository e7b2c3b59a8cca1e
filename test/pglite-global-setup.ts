import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { migrateDatabase, PGLITE_EXTENSIONS, wrapPglite } from "../src/server/db/client.js";
import { seedTemplate } from "./seeded-template.js";

/**
 * For the integration-pglite project: migrates and seeds one PGlite database per run and saves its
 * data directory as a file; each test file loads it into a fresh in-memory PGlite (test-db.ts).
 */
export default async function setup(project: TestProject) {
  const template = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = wrapPglite(template);
  await migrateDatabase(database);
  const seeded = await seedTemplate(database);
  const image = await template.dumpDataDir("none");
  await template.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bundlinje-pglite-template-"));
  const imagePath = path.join(dir, "seeded.tar");
  fs.writeFileSync(imagePath, Buffer.from(await image.arrayBuffer()));
  project.provide("seededTemplate", seeded);
  project.provide("pgliteSeededImagePath", imagePath);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
