import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type {
  DuplicateCheckInputSchema,
  Person,
  PersonInputSchema,
  PersonUpdateInputSchema,
} from "../../../contracts/casework.js";
import { authorize, can, type Resource } from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  birthDateFromCpr,
  type CprNumber,
  findDuplicatePeople,
  maskCpr,
  parseCpr,
} from "../../../domain/casework/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { readAll } from "../../db/read-all.js";
import { family, familyMembership, person, personIdentifier } from "../../db/schema/index.js";
import { AppError, enforce, notFound, staleVersion } from "../../errors.js";
import { familyResource, readPurpose, todayOf } from "./case-access.js";
import { cprLookupHash, openCpr, sealCpr } from "./cpr-store.js";

type PersonRow = typeof person.$inferSelect;
type PersonInput = z.output<typeof PersonInputSchema>;

/** A person for the API: the CPR number masked, never in full. */
export function presentPerson(p: PersonRow, cprSealed: string | null | undefined, appKey: Buffer): Person {
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    sex: p.sex,
    languages: p.languages,
    danishProficiency: p.danishProficiency,
    interpreterNeeded: p.interpreterNeeded,
    schoolOrDayCare: p.schoolOrDayCare,
    hasCpr: Boolean(cprSealed),
    cprMasked: cprSealed ? maskCpr(openCpr(appKey, p.id, cprSealed)) : null,
    version: p.version,
  };
}

/** Sealed CPR numbers of these people, by person id. */
export async function sealedCprOf(db: DbOrTx, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ personId: personIdentifier.personId, sealed: personIdentifier.cprSealed })
    .from(personIdentifier)
    .where(inArray(personIdentifier.personId, personIds));
  return new Map(rows.map((r) => [r.personId, r.sealed]));
}

/** Validates a typed CPR number against the birth date; Danish errors at the field. */
function parseCprField(
  raw: string | undefined,
  birthDate: string,
  today: CalendarDate,
): CprNumber | undefined {
  if (raw === undefined || raw === "") return undefined;
  const r = parseCpr(raw, { asOf: today });
  if (!r.ok) throw new AppError("VALIDATION_FAILED", r.message, [{ path: "cpr", message: r.message }]);
  if (birthDateFromCpr(r.cpr) !== birthDate) {
    const message = "Fødselsdatoen passer ikke med CPR-nummeret.";
    throw new AppError("VALIDATION_FAILED", message, [{ path: "birthDate", message }]);
  }
  return r.cpr;
}

/**
 * The possible duplicates of a new person within the municipality: the same CPR number (by its keyed
 * lookup hash) or the same/similar name with the same birth date. Names only of people the actor may see.
 */
export async function findDuplicates(
  ctx: ActorContext,
  db: DbOrTx,
  organisationId: string,
  candidate: { firstName: string; lastName: string; birthDate: string; cpr?: CprNumber | undefined },
) {
  const sameBirthDate = await db
    .select()
    .from(person)
    .where(and(eq(person.organisationId, organisationId), eq(person.birthDate, candidate.birthDate)));
  const byCpr = candidate.cpr
    ? await db
        .select({ personId: personIdentifier.personId })
        .from(personIdentifier)
        .where(
          and(
            eq(personIdentifier.organisationId, organisationId),
            eq(personIdentifier.lookupHash, cprLookupHash(ctx.deps.appKey, organisationId, candidate.cpr)),
          ),
        )
    : [];
  const cprMatch = new Set(byCpr.map((r) => r.personId));
  const warnings = findDuplicatePeople(
    { name: `${candidate.firstName} ${candidate.lastName}`, birthDate: candidate.birthDate as CalendarDate },
    sameBirthDate
      .filter((p) => !cprMatch.has(p.id))
      .map((p) => ({
        personId: p.id,
        name: `${p.firstName} ${p.lastName}`,
        birthDate: p.birthDate as CalendarDate,
      })),
  );
  const all = [
    ...[...cprMatch].map((personId) => ({
      personId,
      match: "same-cpr" as const,
      message: "Der findes allerede en person med samme CPR-nummer i kommunen.",
    })),
    ...warnings,
  ];
  const today = todayOf(ctx);
  const out = [];
  for (const w of all) {
    const resource = await personResource(db, w.personId, organisationId, today);
    const visible = can(ctx.actor, "family.read", resource);
    const row = visible ? (await db.select().from(person).where(eq(person.id, w.personId)))[0] : undefined;
    out.push({
      match: w.match,
      personId: visible ? w.personId : null,
      name: row ? `${row.firstName} ${row.lastName}` : null,
      message: visible
        ? w.message
        : `${w.message} Du har ikke adgang til personens sag; kontakt din teamleder.`,
    });
  }
  return out;
}

/** Checks a person about to be created, for the form's warning. */
export async function checkDuplicates(ctx: ActorContext, input: z.output<typeof DuplicateCheckInputSchema>) {
  const organisationId = ctx.actor.memberships.find(
    (m) => m.organisationKind === "municipality",
  )?.organisationId;
  if (!organisationId) return { warnings: [] };
  const cpr = parseCprField(input.cpr, input.birthDate, todayOf(ctx));
  const warnings = await findDuplicates(ctx, ctx.db, organisationId, { ...input, cpr });
  if (warnings.length > 0) {
    await ctx.audit(ctx.db, {
      type: "person.duplicate_warned",
      organisationId,
      payload: { matches: warnings.map((w) => w.match) },
    });
  }
  return { warnings };
}

/**
 * Creates a person in the municipality (inside the caller's transaction): validates the CPR number,
 * refuses the same CPR number twice, and refuses a likely duplicate unless acknowledged.
 */
export async function createPerson(
  ctx: ActorContext,
  tx: DbOrTx,
  organisationId: string,
  input: PersonInput,
  acknowledgeDuplicates: boolean,
): Promise<string> {
  const cpr = parseCprField(input.cpr, input.birthDate, todayOf(ctx));
  const warnings = await findDuplicates(ctx, tx, organisationId, { ...input, cpr });
  const sameCpr = warnings.find((w) => w.match === "same-cpr");
  if (sameCpr) {
    throw new AppError(
      "CONFLICT",
      `${sameCpr.message} Tilføj den eksisterende person i stedet for at oprette en ny.`,
      [{ path: "cpr", message: sameCpr.message }],
    );
  }
  if (warnings.length > 0 && !acknowledgeDuplicates) {
    throw new AppError(
      "CONFLICT",
      `${warnings[0]!.message} Bekræft, at det er en anden person, for at oprette den.`,
      warnings.map((w) => ({ path: "person", message: w.message })),
    );
  }
  const [row] = await tx
    .insert(person)
    .values({
      organisationId,
      firstName: input.firstName,
      lastName: input.lastName,
      birthDate: input.birthDate,
      sex: input.sex,
      languages: input.languages,
      danishProficiency: input.danishProficiency,
      interpreterNeeded: input.interpreterNeeded,
      schoolOrDayCare: input.schoolOrDayCare,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning({ id: person.id });
  if (cpr) await storeCpr(ctx, tx, row!.id, organisationId, cpr);
  return row!.id;
}

async function storeCpr(
  ctx: ActorContext,
  tx: DbOrTx,
  personId: string,
  organisationId: string,
  cpr: CprNumber,
) {
  await tx
    .insert(personIdentifier)
    .values({
      personId,
      organisationId,
      cprSealed: sealCpr(ctx.deps.appKey, personId, cpr),
      lookupHash: cprLookupHash(ctx.deps.appKey, organisationId, cpr),
      createdAt: ctx.now(),
    })
    .onConflictDoUpdate({
      target: personIdentifier.personId,
      set: {
        cprSealed: sealCpr(ctx.deps.appKey, personId, cpr),
        lookupHash: cprLookupHash(ctx.deps.appKey, organisationId, cpr),
      },
    });
}

/** A person as the policy sees them: through every family they have belonged to. */
export async function personResource(
  db: DbOrTx,
  personId: string,
  organisationId: string,
  today: CalendarDate,
): Promise<Resource> {
  const families = await db
    .select({ id: family.id, organisationId: family.organisationId })
    .from(familyMembership)
    .innerJoin(family, eq(family.id, familyMembership.familyId))
    .where(eq(familyMembership.personId, personId));
  const resources = await readAll(
    db,
    families.map((f) => () => familyResource(db, f, today)),
  );
  const union = (k: "projectIds" | "assignedOrganisationIds" | "teamUserIds") => [
    ...new Set(resources.flatMap((r) => r[k] ?? [])),
  ];
  return {
    type: "family",
    organisationIds: [organisationId],
    projectIds: union("projectIds"),
    assignedOrganisationIds: union("assignedOrganisationIds"),
    teamUserIds: union("teamUserIds"),
  };
}

async function loadPersonFor(
  ctx: ActorContext,
  db: DbOrTx,
  id: string,
  permission: "family.read" | "family.write" | "cpr.reveal",
) {
  const [row] = await db.select().from(person).where(eq(person.id, id));
  if (!row) throw notFound("Personen");
  const resource = await personResource(db, id, row.organisationId, todayOf(ctx));
  enforce(authorize(ctx.actor, permission, resource), "Personen");
  return { row, resource };
}

/** One person, CPR masked; the read is audited with its purpose. */
export async function getPerson(ctx: ActorContext, id: string): Promise<Person> {
  const { row, resource } = await loadPersonFor(ctx, ctx.db, id, "family.read");
  const sealed = (await sealedCprOf(ctx.db, [id])).get(id);
  await ctx.audit(ctx.db, {
    type: "person.viewed",
    subjectId: id,
    organisationId: row.organisationId,
    purpose: readPurpose(ctx.actor, resource),
    payload: {},
  });
  return presentPerson(row, sealed, ctx.deps.appKey);
}

/** Updates a person's record (optimistic locking on `version`). */
export async function updatePerson(
  ctx: ActorContext,
  id: string,
  input: z.output<typeof PersonUpdateInputSchema>,
): Promise<Person> {
  return ctx.db.transaction(async (tx) => {
    const { row } = await loadPersonFor(ctx, tx, id, "family.write");
    if (row.version !== input.version) throw staleVersion();
    const { version, cpr: rawCpr, ...fields } = input;
    const birthDate = fields.birthDate ?? row.birthDate;
    const cpr = parseCprField(rawCpr, birthDate, todayOf(ctx));
    if (cpr) {
      const other = (await findDuplicates(ctx, tx, row.organisationId, { ...row, cpr })).find(
        (w) => w.match === "same-cpr" && w.personId !== id,
      );
      if (other) throw new AppError("CONFLICT", other.message, [{ path: "cpr", message: other.message }]);
      await storeCpr(ctx, tx, id, row.organisationId, cpr);
    }
    const changed = Object.entries(fields)
      .filter(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify(row[k as keyof PersonRow]))
      .map(([k]) => k);
    const [updated] = await tx
      .update(person)
      .set({ ...fields, version: version + 1, updatedAt: ctx.now() })
      .where(and(eq(person.id, id), eq(person.version, version)))
      .returning();
    if (!updated) throw staleVersion();
    await ctx.audit(tx, {
      type: "person.updated",
      subjectId: id,
      organisationId: row.organisationId,
      payload: { fields: cpr ? [...changed, "cpr"] : changed },
    });
    const sealed = (await sealedCprOf(tx, [id])).get(id);
    return presentPerson(updated, sealed, ctx.deps.appKey);
  });
}

/** Reveals a CPR number in full: needs `cpr.reveal` and a reason, and is audited with that reason. */
export async function revealCpr(ctx: ActorContext, id: string, reason: string): Promise<{ cpr: string }> {
  return ctx.db.transaction(async (tx) => {
    const { row } = await loadPersonFor(ctx, tx, id, "cpr.reveal");
    const sealed = (await sealedCprOf(tx, [id])).get(id);
    if (!sealed) throw notFound("Personens CPR-nummer");
    const cpr = openCpr(ctx.deps.appKey, id, sealed);
    await ctx.audit(tx, {
      type: "cpr.revealed",
      subjectId: id,
      organisationId: row.organisationId,
      purpose: reason,
      payload: {},
    });
    return { cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}` };
  });
}
