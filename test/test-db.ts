import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase, PGLITE_EXTENSIONS, wrapPglite } from "../src/server/db/client.js";

const TEMPLATE_DATABASE = "bundlinje_template";

/**
 * A fresh, migrated database with the demo data for one test file, on the engine the project runs
 * with (TEST_DB): the seeded template loaded into an in-memory PGlite, or a clone of the seeded
 * template on the throwaway PostgreSQL server (see seeded-template.ts).
 */
export async function createTestDatabase(): Promise<Database> {
  if (process.env.TEST_DB === "postgres") {
    const serverUrl = inject("postgresUrl");
    if (!serverUrl) throw new Error("No PostgreSQL server for this run");
    const name = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const database = await openDatabase({ kind: "postgres", url: serverUrl.replace(/\/[^/]*$/, `/${name}`) });
    return {
      ...database,
      close: async () => {
        await database.close();
        const drop = new pg.Client({ connectionString: serverUrl });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      },
    };
  }
  const client = await PGlite.create({
    loadDataDir: new Blob([fs.readFileSync(inject("pgliteSeededImagePath"))]),
    extensions: PGLITE_EXTENSIONS,
  });
  return wrapPglite(client);
}
