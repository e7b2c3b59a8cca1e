import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client.js";

/**
 * Runs independent reads: at once on the pool (each on its own connection), one after another inside
 * a transaction. A transaction holds one connection, which takes one query at a time — node-postgres
 * queues overlapping queries and warns that pg 9 will refuse them. PGlite serialises either way.
 */
export async function readAll<T extends readonly unknown[]>(
  db: DbOrTx,
  reads: { readonly [K in keyof T]: () => PromiseLike<T[K]> },
): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
