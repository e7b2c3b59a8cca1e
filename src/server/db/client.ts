import { createHash } from "node:crypto";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgDialect, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { DatabaseTarget } from "../config.js";
import { lockDataDir } from "./data-dir-lock.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** The Drizzle database: the same type over PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services take `Tx` so they can run inside a caller's transaction. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either a database or an open transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** The PGlite instance (embedded mode only), for backup. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.resolve(import.meta.dirname, "../../../migrations");

/**
 * The extensions the migrations create (pg_trgm: the family list's name search). PGlite must be
 * given them at every open, or the first query touching such an index fails.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };

/**
 * Planner settings for every connection. The working set fits in memory, so a random read costs about
 * what a sequential one does (PostgreSQL's default of 4 assumes spinning disks): with it, the family
 * search read all 10,000 families twice instead of looking up the 100 it had found by name.
 */
const PLANNER_SETTINGS = { random_page_cost: "1.1" };
const PLANNER_OPTIONS = Object.entries(PLANNER_SETTINGS)
  .map(([k, v]) => `-c ${k}=${v}`)
  .join(" ");

/** Folder inside DATA_DIR that holds PGlite's PostgreSQL data directory. */
export function pgliteDataPath(dataDir: string): string {
  return path.join(dataDir, "pgdata");
}

/**
 * Opens the database named by the configuration. An embedded folder is locked first (see
 * data-dir-lock.ts); the lock is released on close.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      options: PLANNER_OPTIONS,
    });
    // A server connection error must not crash the process; requests will fail and report it.
    pool.on("error", (err) => console.error(`[db] idle client error: ${err.message}`));
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { db, kind: "postgres", close: () => pool.end() };
  }
  const release = lockDataDir(target.dataDir);
  try {
    const client = await PGlite.create(pgliteDataPath(target.dataDir), { extensions: PGLITE_EXTENSIONS });
    return wrapPglite(client, async () => {
      await client.close();
      release();
    });
  } catch (err) {
    release();
    throw err;
  }
}

/** Wraps an already open PGlite (tests load a migrated image this way). */
export function wrapPglite(client: PGlite, close?: () => Promise<void>): Database {
  yieldBeforeEachQuery(client);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return { db, kind: "pglite", pglite: client, close: close ?? (() => client.close()) };
}

/**
 * PGlite runs each query synchronously on the event loop, and a request's queries follow one another
 * without the loop reading any socket in between. Under load, a connection that had not sent its first
 * request yet then waited while the others were served again and again (up to 3 s at 20 users). Each
 * query outside a transaction first lets the event loop run, so requests take turns query by query.
 */
function yieldBeforeEachQuery(client: PGlite): void {
  const query = client.query.bind(client);
  client.query = (async (...args: Parameters<PGlite["query"]>) => {
    await new Promise((resolve) => setImmediate(resolve));
    return query(...args);
  }) as PGlite["query"];
}

/** Applies the committed migrations (idempotent). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the migrators take their own driver's type
    await migratePglite(database.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: the migrators take their own driver's type
    await migratePg(database.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: DbOrTx, query: Parameters<Db["execute"]>[0]): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * `queryRows` for a hot read on PostgreSQL: a named prepared statement, planned once per connection and
 * per shape of the query (the name is a hash of its text), so the server can reuse the plan — the
 * family list spent a quarter of its database time planning. Inside a transaction, and on PGlite
 * (one connection, plans cheap against its own overhead), it is `queryRows`.
 */
export async function queryRowsPrepared<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const pool = (db as unknown as { $client?: unknown }).$client;
  if (!(pool instanceof pg.Pool)) return queryRows<T>(db, query);
  const { sql: text, params } = (db as unknown as { dialect: PgDialect }).dialect.sqlToQuery(query);
  const name = `q_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
  const result = await pool.query<T & pg.QueryResultRow>({ name, text, values: params as unknown[] });
  return result.rows;
}
