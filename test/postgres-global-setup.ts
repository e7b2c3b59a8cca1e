import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "../src/server/db/client.js";
import { postgresBinariesAvailable, startPostgresServer } from "./postgres-server.js";
import { seedTemplate } from "./seeded-template.js";

export const TEMPLATE_DATABASE = "bundlinje_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * Starts one PostgreSQL server for the integration-postgres project and migrates and seeds a template
 * database; each test file clones the template (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
export default async function setup(project: TestProject) {
  if (!postgresBinariesAvailable()) {
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) are missing; the integration suite must run on PostgreSQL too.",
    );
  }
  const server = await startPostgresServer();
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const database = await openDatabase({ kind: "postgres", url: server.url(TEMPLATE_DATABASE) });
  await migrateDatabase(database);
  const seeded = await seedTemplate(database);
  await database.close();
  project.provide("postgresUrl", server.url());
  project.provide("seededTemplate", seeded);
  return () => server.stop();
}
