import { sql } from "drizzle-orm";
import type { CohortView } from "../../../contracts/progression-cohort.js";
import type { AuditEventType } from "../../audit/events.js";
import type { DbOrTx } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import type { CohortComputation } from "./cohort-computation.js";

/*
 * Computed cohort views, kept for a short while. A view of a large project reads every value of a
 * score (20,000 rows for 2,000 courses) and every course; many readers asking for the same view would
 * each pay for that, and the project's target is p95 < 200 ms at 20 connections (issue 5 §7).
 *
 * A kept view is used only while nothing it depends on has changed: every change the app makes to
 * measurements, courses, case teams, households, persons and instruments writes an audit event in the
 * same transaction, so the newest such event ("the change stamp", one index probe per event type on
 * audit_event_type_idx) must be the one the view was computed after. Changes made outside the app (a
 * seed, a repair in the database) and the rare race of two concurrent writers are covered by the time
 * limit: a view is never older than MAX_AGE_MS. Who may see what is never cached: the project is
 * authorized on every request and the actor's scope is part of the key. The drill-down (the courses
 * behind a figure) keeps the computation under the same key and stamp, a few at a time (it holds every
 * series); the names of the members it lists are read afresh.
 */

/** How long a view may be used at most, even when no change is seen. */
export const MAX_AGE_MS = 30_000;
/** Views kept per database (least recently used go first). */
const MAX_VIEWS = 200;
/** Computations kept per database for the drill-down: each holds every series of a cohort. */
const MAX_COMPUTATIONS = 8;

/** Events whose change can alter a cohort view. */
const CHANGE_EVENTS = [
  "measurement.recorded",
  "measurement.imported",
  "course.transitioned",
  "course.team_member_added",
  "course.team_member_ended",
  "referral.transitioned",
  "family.member_added",
  "family.member_ended",
  "person.updated",
  "instrument.created",
  "instrument.version_saved",
  "project.updated",
] as const satisfies readonly AuditEventType[];

/**
 * The newest change the views depend on: per event type, the id of its newest event (by time, then
 * id — an index probe on audit_event_type_idx; events of the same instant, as under a test clock, are
 * told apart by their id).
 */
export async function readChangeStamp(db: DbOrTx): Promise<string> {
  const newest = CHANGE_EVENTS.map(
    (type) => sql`coalesce((select id::text from audit_event where event_type = ${type}
      order by occurred_at desc, id desc limit 1), '-')`,
  );
  const [row] = await queryRows<{ stamp: string | null }>(
    db,
    sql`select concat_ws(',', ${sql.join(newest, sql`, `)}) as stamp`,
  );
  return row?.stamp ?? "";
}

interface Entry<T> {
  stamp: string;
  storedAtMs: number;
  value: T;
}

/** A bounded map of values by key, each valid for its change stamp and MAX_AGE_MS. */
export class KeptValues<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly maxEntries: number) {}

  /** The value kept under `key` when it was computed at `stamp` and is young enough. */
  get(key: string, stamp: string, nowMs: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.stamp !== stamp || nowMs - entry.storedAtMs > MAX_AGE_MS || nowMs < entry.storedAtMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Map keeps insertion order: re-inserting marks the entry as the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, stamp: string, value: T, nowMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { stamp, storedAtMs: nowMs, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/** Kept cohort views. */
export type CohortViewCache = KeptValues<CohortView>;

const viewCaches = new WeakMap<object, CohortViewCache>();
const computationCaches = new WeakMap<object, KeptValues<CohortComputation>>();

function keptOf<T>(caches: WeakMap<object, KeptValues<T>>, database: object, maxEntries: number) {
  let cache = caches.get(database);
  if (!cache) {
    cache = new KeptValues<T>(maxEntries);
    caches.set(database, cache);
  }
  return cache;
}

/** The kept views of one database (tests run several apps in one process). */
export function cohortViewCacheOf(database: object): CohortViewCache {
  return keptOf(viewCaches, database, MAX_VIEWS);
}

/** The kept computations of one database, for the drill-down. */
export function cohortComputationCacheOf(database: object): KeptValues<CohortComputation> {
  return keptOf(computationCaches, database, MAX_COMPUTATIONS);
}
