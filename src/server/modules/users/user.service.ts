import { randomBytes } from "node:crypto";
import { and, asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { UserCreateInput, UserUpdateInput } from "../../../contracts/admin.js";
import {
  authorize,
  isRoleAllowedForKind,
  type Resource,
  type Role,
  scope,
} from "../../../domain/access/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { appUser, membership, organisation } from "../../db/schema/index.js";
import { scopeFilter } from "../../db/scope-filter.js";
import { AppError, enforce, forbidden, notFound, staleVersion } from "../../errors.js";
import { hashPassword } from "../auth/password-hash.js";
import { checkPasswordPolicy } from "../auth/password-policy.js";
import { endSessionsOfUser } from "../auth/session.repository.js";

type UserRow = typeof appUser.$inferSelect;

async function membershipsOf(db: DbOrTx, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      id: membership.id,
      userId: membership.userId,
      organisationId: membership.organisationId,
      organisationName: organisation.name,
      role: membership.role,
    })
    .from(membership)
    .innerJoin(organisation, eq(organisation.id, membership.organisationId))
    .where(inArray(membership.userId, userIds))
    .orderBy(asc(organisation.name), asc(membership.role));
}

async function present(ctx: ActorContext, db: DbOrTx, rows: UserRow[]) {
  const memberships = await membershipsOf(
    db,
    rows.map((r) => r.id),
  );
  const now = ctx.now();
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    isActive: u.isActive,
    hasTwoFactor: u.totpEnabledAt !== null,
    isLocked: u.lockedUntil !== null && u.lockedUntil > now,
    memberships: memberships.filter((m) => m.userId === u.id).map(({ userId: _u, ...m }) => m),
    externalIssuer: u.externalIssuer,
    externalSubject: u.externalSubject,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
  }));
}

async function resourceOf(db: DbOrTx, userId: string): Promise<Resource> {
  const rows = await db
    .select({ organisationId: membership.organisationId })
    .from(membership)
    .where(eq(membership.userId, userId));
  return { type: "user", organisationIds: rows.map((r) => r.organisationId), userId };
}

async function loadAuthorized(
  ctx: ActorContext,
  db: DbOrTx,
  id: string,
  permission: "user.read" | "user.manage" | "role.assign",
) {
  const [row] = await db.select().from(appUser).where(eq(appUser.id, id));
  if (!row) throw notFound("Brugeren");
  const decision = authorize(ctx.actor, permission, await resourceOf(db, id));
  enforce(decision, "Brugeren");
  return row;
}

/** Users the actor may see: colleagues in their organisations (all for the platform admin). */
export async function listUsers(
  ctx: ActorContext,
  query: { q?: string; organisationId?: string; limit: number; offset: number },
) {
  const inOrganisations = (ids: string[]) =>
    inArray(
      appUser.id,
      sql`(select ${membership.userId} from ${membership} where ${inArray(membership.organisationId, ids)})`,
    );
  const scoped = scopeFilter(scope(ctx.actor, "user.read"), { userId: appUser.id, inOrganisations });
  const where = and(
    scoped,
    query.q
      ? or(ilike(appUser.displayName, `%${query.q}%`), ilike(appUser.email, `%${query.q}%`))
      : undefined,
    query.organisationId ? inOrganisations([query.organisationId]) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(appUser)
      .where(where)
      .orderBy(asc(appUser.displayName))
      .limit(query.limit)
      .offset(query.offset),
    ctx.db.select({ n: count() }).from(appUser).where(where),
  ]);
  return { items: await present(ctx, ctx.db, rows), total: total?.n ?? 0 };
}

/** One user; the read is audited (staff data is personal data too). */
export async function getUser(ctx: ActorContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadAuthorized(ctx, tx, id, "user.read");
    await ctx.audit(tx, { type: "user.viewed", subjectId: id, payload: {} });
    const [u] = await present(ctx, tx, [row]);
    return u!;
  });
}

async function checkRoles(db: DbOrTx, roles: { organisationId: string; role: Role }[]) {
  const orgs = await db
    .select({ id: organisation.id, kind: organisation.kind })
    .from(organisation)
    .where(
      inArray(
        organisation.id,
        roles.map((r) => r.organisationId),
      ),
    );
  const details = roles.flatMap((r, i) => {
    const org = orgs.find((o) => o.id === r.organisationId);
    if (!org) return [{ path: `memberships.${i}.organisationId`, message: "Organisationen findes ikke" }];
    if (!isRoleAllowedForKind(org.kind, r.role)) {
      return [{ path: `memberships.${i}.role`, message: "Rollen findes ikke i denne type organisation" }];
    }
    return [];
  });
  if (details.length > 0)
    throw new AppError("VALIDATION_FAILED", "En eller flere roller passer ikke til organisationen.", details);
}

/** Creates a user with roles. Without a password the user gets a random one and must be given a new. */
export async function createUser(ctx: ActorContext, input: UserCreateInput) {
  for (const m of input.memberships) {
    if (!authorize(ctx.actor, "user.manage", { type: "user", organisationIds: [m.organisationId] }).allowed)
      throw forbidden();
  }
  const password = input.password ?? randomBytes(24).toString("base64url");
  const problem = checkPasswordPolicy(password, { email: input.email });
  if (problem) throw new AppError("VALIDATION_FAILED", problem, [{ path: "password", message: problem }]);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    await checkRoles(tx, input.memberships);
    const [existing] = await tx
      .select({ id: appUser.id })
      .from(appUser)
      .where(eq(sql`lower(${appUser.email})`, input.email.toLowerCase()));
    if (existing) {
      throw new AppError("CONFLICT", "Der findes allerede en bruger med den e-mailadresse.", [
        { path: "email", message: "E-mailadressen er i brug" },
      ]);
    }
    const [row] = await tx
      .insert(appUser)
      .values({
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    const unique = [...new Map(input.memberships.map((m) => [`${m.organisationId}/${m.role}`, m])).values()];
    await tx.insert(membership).values(
      unique.map((m) => ({
        userId: row!.id,
        organisationId: m.organisationId,
        role: m.role,
        createdAt: ctx.now(),
      })),
    );
    await ctx.audit(tx, { type: "user.created", subjectId: row!.id, payload: { roles: unique } });
    const [u] = await present(ctx, tx, [row!]);
    return u!;
  });
}

/** Edits name, e-mail or the SSO link; `version` must match. */
export async function updateUser(ctx: ActorContext, id: string, input: UserUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadAuthorized(ctx, tx, id, "user.manage");
    if (row.version !== input.version) throw staleVersion();
    const { version, ...changes } = input;
    if (changes.email && changes.email.toLowerCase() !== row.email.toLowerCase()) {
      const [taken] = await tx
        .select({ id: appUser.id })
        .from(appUser)
        .where(eq(sql`lower(${appUser.email})`, changes.email.toLowerCase()));
      if (taken)
        throw new AppError("CONFLICT", "Der findes allerede en bruger med den e-mailadresse.", [
          { path: "email", message: "E-mailadressen er i brug" },
        ]);
    }
    const [updated] = await tx
      .update(appUser)
      .set({ ...changes, version: version + 1, updatedAt: ctx.now() })
      .where(and(eq(appUser.id, id), eq(appUser.version, version)))
      .returning();
    if (!updated) throw staleVersion();
    const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
    await ctx.audit(tx, { type: "user.updated", subjectId: id, payload: { fields } });
    const [u] = await present(ctx, tx, [updated]);
    return u!;
  });
}

/** Deactivates a user (never deleted: the audit log refers to them) and ends their sessions. */
export async function setUserActive(ctx: ActorContext, id: string, isActive: boolean) {
  if (!isActive && id === ctx.actor.userId)
    throw new AppError("CONFLICT", "Du kan ikke deaktivere dig selv.");
  return ctx.db.transaction(async (tx) => {
    const row = await loadAuthorized(ctx, tx, id, "user.manage");
    const [updated] = await tx
      .update(appUser)
      .set({
        isActive,
        deactivatedAt: isActive ? null : ctx.now(),
        version: row.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(appUser.id, id))
      .returning();
    if (isActive) {
      await ctx.audit(tx, { type: "user.reactivated", subjectId: id, payload: {} });
    } else {
      const endedSessions = await endSessionsOfUser(tx, id, ctx.now());
      await ctx.audit(tx, { type: "user.deactivated", subjectId: id, payload: { endedSessions } });
    }
    const [u] = await present(ctx, tx, [updated!]);
    return u!;
  });
}

/** Lifts a lockout before its 30 minutes have passed. */
export async function unlockUser(ctx: ActorContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    await loadAuthorized(ctx, tx, id, "user.manage");
    const [updated] = await tx
      .update(appUser)
      .set({ lockedUntil: null, failedLoginCount: 0 })
      .where(eq(appUser.id, id))
      .returning();
    await ctx.audit(tx, { type: "user.unlocked", subjectId: id, payload: {} });
    const [u] = await present(ctx, tx, [updated!]);
    return u!;
  });
}

/** Removes a user's two-factor (lost phone); they enrol again at next login if required. */
export async function resetTwoFactor(ctx: ActorContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    await loadAuthorized(ctx, tx, id, "user.manage");
    const [updated] = await tx
      .update(appUser)
      .set({ totpEnabledAt: null, totpSecret: null, recoveryCodeHashes: [] })
      .where(eq(appUser.id, id))
      .returning();
    await endSessionsOfUser(tx, id, ctx.now());
    await ctx.audit(tx, { type: "auth.two_factor_disabled", subjectId: id, payload: { byAdmin: true } });
    const [u] = await present(ctx, tx, [updated!]);
    return u!;
  });
}

/** Gives a user a role in an organisation (idempotent). */
export async function assignRole(
  ctx: ActorContext,
  id: string,
  input: { organisationId: string; role: Role },
) {
  if (!authorize(ctx.actor, "role.assign", { type: "user", organisationIds: [input.organisationId] }).allowed)
    throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await loadAuthorized(ctx, tx, id, "user.read");
    await checkRoles(tx, [input]);
    const inserted = await tx
      .insert(membership)
      .values({ userId: id, organisationId: input.organisationId, role: input.role, createdAt: ctx.now() })
      .onConflictDoNothing()
      .returning({ id: membership.id });
    if (inserted.length > 0) {
      await ctx.audit(tx, {
        type: "role.assigned",
        subjectId: id,
        organisationId: input.organisationId,
        payload: input,
      });
    }
    const [u] = await present(ctx, tx, [row]);
    return u!;
  });
}

/** Takes a role away. The last platform admin cannot lose the role. */
export async function revokeRole(ctx: ActorContext, id: string, membershipId: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadAuthorized(ctx, tx, id, "user.read");
    const [m] = await tx
      .select()
      .from(membership)
      .where(and(eq(membership.id, membershipId), eq(membership.userId, id)));
    if (!m) throw notFound("Rollen");
    if (!authorize(ctx.actor, "role.assign", { type: "user", organisationIds: [m.organisationId] }).allowed)
      throw forbidden();
    if (m.role === "platform_admin") {
      const [admins] = await tx
        .select({ n: count() })
        .from(membership)
        .innerJoin(appUser, eq(appUser.id, membership.userId))
        .where(and(eq(membership.role, "platform_admin"), eq(appUser.isActive, true)));
      if ((admins?.n ?? 0) <= 1)
        throw new AppError("CONFLICT", "Den sidste platformadministrator kan ikke miste rollen.");
    }
    await tx.delete(membership).where(eq(membership.id, membershipId));
    await ctx.audit(tx, {
      type: "role.revoked",
      subjectId: id,
      organisationId: m.organisationId,
      payload: { organisationId: m.organisationId, role: m.role },
    });
    const [u] = await present(ctx, tx, [row]);
    return u!;
  });
}
