import { and, asc, eq, ilike, inArray, isNull, or } from "drizzle-orm";
import type { z } from "zod";
import type { UnitPriceInputSchema } from "../../../contracts/business-case.js";
import { authorize, scope } from "../../../domain/access/index.js";
import type { ActorContext } from "../../context.js";
import { priceIndex, unitPrice } from "../../db/schema/index.js";
import { AppError, forbidden, notFound, staleVersion } from "../../errors.js";

type UnitPriceInput = z.infer<typeof UnitPriceInputSchema>;

function present(r: typeof unitPrice.$inferSelect) {
  return {
    id: r.id,
    organisationId: r.organisationId,
    code: r.code,
    name: r.name,
    unit: r.unit as "per-person-year",
    amountOre: r.amountOre,
    priceYear: r.priceYear,
    payerSharesPct: { municipality: r.municipalityPct, region: r.regionPct, state: r.statePct },
    sourceText: r.sourceText,
    sourceUrl: r.sourceUrl,
    isExample: r.isExample,
    validFrom: r.validFrom,
    validTo: r.validTo,
    version: r.version,
  };
}

/** The organisations whose catalogue the actor reads (their own, through businessCase.read). */
function readableOrganisations(ctx: ActorContext): string[] {
  const s = scope(ctx.actor, "businessCase.read");
  return s.kind === "some" ? s.organisationIds : [];
}

/** The national catalogue plus the catalogues of the actor's organisations. */
export async function listUnitPrices(ctx: ActorContext, q: { organisationId?: string; q?: string }) {
  const orgs = readableOrganisations(ctx).filter((o) => !q.organisationId || o === q.organisationId);
  const rows = await ctx.db
    .select()
    .from(unitPrice)
    .where(
      and(
        or(
          isNull(unitPrice.organisationId),
          orgs.length > 0 ? inArray(unitPrice.organisationId, orgs) : undefined,
        ),
        q.q ? or(ilike(unitPrice.name, `%${q.q}%`), ilike(unitPrice.code, `%${q.q}%`)) : undefined,
      ),
    )
    .orderBy(asc(unitPrice.name));
  return { items: rows.map(present) };
}

const columnsOf = (input: Partial<UnitPriceInput>) => ({
  ...(input.code !== undefined && { code: input.code }),
  ...(input.name !== undefined && { name: input.name }),
  ...(input.unit !== undefined && { unit: input.unit }),
  ...(input.amountOre !== undefined && { amountOre: input.amountOre }),
  ...(input.priceYear !== undefined && { priceYear: input.priceYear }),
  ...(input.payerSharesPct && {
    municipalityPct: input.payerSharesPct.municipality,
    regionPct: input.payerSharesPct.region,
    statePct: input.payerSharesPct.state,
  }),
  ...(input.sourceText !== undefined && { sourceText: input.sourceText }),
  ...(input.sourceUrl !== undefined && { sourceUrl: input.sourceUrl }),
  ...(input.isExample !== undefined && { isExample: input.isExample }),
  ...(input.validFrom !== undefined && { validFrom: input.validFrom }),
  ...(input.validTo !== undefined && { validTo: input.validTo }),
});

const canWrite = (ctx: ActorContext, organisationId: string) =>
  authorize(ctx.actor, "businessCase.write", { type: "business-case", organisationIds: [organisationId] })
    .allowed;

/** Adds a price to an organisation's own catalogue. */
export async function createUnitPrice(ctx: ActorContext, input: UnitPriceInput) {
  if (!canWrite(ctx, input.organisationId)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: unitPrice.id })
      .from(unitPrice)
      .where(and(eq(unitPrice.organisationId, input.organisationId), eq(unitPrice.code, input.code)));
    if (taken)
      throw new AppError("CONFLICT", "Koden er allerede brugt i kataloget.", [
        { path: "code", message: "Koden er i brug" },
      ]);
    const [row] = await tx
      .insert(unitPrice)
      .values({
        ...columnsOf(input),
        organisationId: input.organisationId,
        code: input.code,
        name: input.name,
        unit: input.unit,
        amountOre: input.amountOre,
        priceYear: input.priceYear,
        sourceText: input.sourceText,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await ctx.audit(tx, {
      type: "unitPrice.created",
      subjectId: row!.id,
      organisationId: input.organisationId,
      payload: { code: input.code },
    });
    return present(row!);
  });
}

/** Edits a price of the actor's own catalogue (the national catalogue is read-only here). */
export async function updateUnitPrice(
  ctx: ActorContext,
  id: string,
  input: Partial<UnitPriceInput> & { version: number },
) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(unitPrice).where(eq(unitPrice.id, id));
    const readable = readableOrganisations(ctx);
    if (!row || (row.organisationId !== null && !readable.includes(row.organisationId)))
      throw notFound("Prisen");
    if (row.organisationId === null || !canWrite(ctx, row.organisationId)) throw forbidden();
    if (row.version !== input.version) throw staleVersion();
    const { version, organisationId: _ignored, ...changes } = input;
    const [updated] = await tx
      .update(unitPrice)
      .set({ ...columnsOf(changes), version: version + 1, updatedAt: ctx.now() })
      .where(and(eq(unitPrice.id, id), eq(unitPrice.version, version)))
      .returning();
    if (!updated) throw staleVersion();
    await ctx.audit(tx, {
      type: "unitPrice.updated",
      subjectId: id,
      organisationId: row.organisationId,
      payload: { fields: Object.keys(changes) },
    });
    return present(updated);
  });
}

/** The price index: the organisation's own rows where it has them, the national ones otherwise. */
export async function getPriceIndex(ctx: ActorContext, organisationId: string | undefined) {
  const org = organisationId && readableOrganisations(ctx).includes(organisationId) ? organisationId : null;
  if (organisationId && !org) throw notFound("Organisationen");
  const rows = await ctx.db
    .select()
    .from(priceIndex)
    .where(
      org
        ? or(isNull(priceIndex.organisationId), eq(priceIndex.organisationId, org))
        : isNull(priceIndex.organisationId),
    )
    .orderBy(asc(priceIndex.year));
  const byYear = new Map<number, number>();
  for (const r of rows.filter((x) => x.organisationId === null)) byYear.set(r.year, r.indexValue);
  for (const r of rows.filter((x) => x.organisationId !== null)) byYear.set(r.year, r.indexValue);
  return {
    organisationId: org,
    rows: [...byYear].sort((a, b) => a[0] - b[0]).map(([year, indexValue]) => ({ year, indexValue })),
  };
}

/** Replaces an organisation's own index rows (the national index is seeded, read-only here). */
export async function putPriceIndex(
  ctx: ActorContext,
  organisationId: string,
  rows: { year: number; indexValue: number }[],
) {
  if (!canWrite(ctx, organisationId)) throw forbidden();
  if (new Set(rows.map((r) => r.year)).size !== rows.length) {
    throw new AppError("VALIDATION_FAILED", "Et år står to gange.", [
      { path: "rows", message: "Hvert år kun én gang" },
    ]);
  }
  await ctx.db.transaction(async (tx) => {
    await tx.delete(priceIndex).where(eq(priceIndex.organisationId, organisationId));
    if (rows.length > 0)
      await tx
        .insert(priceIndex)
        .values(rows.map((r) => ({ organisationId, year: r.year, indexValue: r.indexValue })));
    await ctx.audit(tx, {
      type: "priceIndex.updated",
      organisationId,
      payload: { years: rows.map((r) => r.year) },
    });
  });
  return getPriceIndex(ctx, organisationId);
}
