import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/test-db.js";
import type { Database, DbOrTx } from "./client.js";
import { readAll } from "./read-all.js";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A read that logs when it starts and ends, and waits a little before its query. */
function loggedRead(db: DbOrTx, log: string[], name: string, value: number) {
  return async () => {
    log.push(`${name} start`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const rows = await db.execute(sql`select ${value}::int as v`);
    log.push(`${name} end`);
    return (rows as unknown as { rows: { v: number }[] }).rows[0]!.v;
  };
}

describe("readAll", () => {
  it("starts the reads together outside a transaction, and keeps their order in the result", async () => {
    const log: string[] = [];
    const db = database.db;
    const result = await readAll(db, [loggedRead(db, log, "a", 1), loggedRead(db, log, "b", 2)]);
    expect(result).toEqual([1, 2]);
    expect(log.indexOf("b start")).toBeLessThan(log.indexOf("a end"));
  });

  it("runs them one after another inside a transaction (its one connection takes one query at a time)", async () => {
    const log: string[] = [];
    const result = await database.db.transaction((tx) =>
      readAll(tx, [loggedRead(tx, log, "a", 1), loggedRead(tx, log, "b", 2), loggedRead(tx, log, "c", 3)]),
    );
    expect(result).toEqual([1, 2, 3]);
    expect(log).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
  });
});
