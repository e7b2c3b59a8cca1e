import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../db/client.js";

export type ChainVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAtSeq: number; reason: string };

/**
 * Recomputes the hash chain in the database with the same canonical form the insert trigger uses and
 * names the first broken link: a row whose hash does not match its content, or whose prev_hash does
 * not match the row before it, or a gap in the sequence.
 */
export async function verifyAuditChain(db: DbOrTx): Promise<ChainVerdict> {
  const rows = await queryRows<{
    seq: string | number;
    hash: string;
    prev_hash: string;
    recomputed: string;
    previous_hash: string | null;
    previous_seq: string | number | null;
  }>(
    db,
    sql`
    SELECT seq, hash, prev_hash,
           encode(sha256(convert_to(audit_event_canonical(e), 'UTF8')), 'hex') AS recomputed,
           lag(hash) OVER (ORDER BY seq) AS previous_hash,
           lag(seq) OVER (ORDER BY seq) AS previous_seq
    FROM audit_event e ORDER BY seq`,
  );
  for (const r of rows) {
    const seq = Number(r.seq);
    const expectedPrevSeq = seq - 1;
    if (seq === 1 ? r.previous_seq !== null : Number(r.previous_seq) !== expectedPrevSeq) {
      return { ok: false, rows: rows.length, brokenAtSeq: seq, reason: "a row is missing before this one" };
    }
    if ((r.previous_hash ?? "") !== r.prev_hash) {
      return {
        ok: false,
        rows: rows.length,
        brokenAtSeq: seq,
        reason: "prev_hash does not match the row before",
      };
    }
    if (r.recomputed !== r.hash) {
      return {
        ok: false,
        rows: rows.length,
        brokenAtSeq: seq,
        reason: "the row's content does not match its hash",
      };
    }
  }
  return { ok: true, rows: rows.length };
}
