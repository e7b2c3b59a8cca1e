import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { migrateDatabase } from "../db/client.js";
import { appUser, membership, organisation } from "../db/schema/index.js";
import { hashPassword } from "../modules/auth/password-hash.js";
import { checkPasswordPolicy } from "../modules/auth/password-policy.js";
import { runCli } from "./with-database.js";

// npm run admin:create -- --email it@kommune.dk --name "Navn" [--password …]
// Creates the platform organisation (if missing) and a platform admin. Without --password the
// password is read from the environment variable BUNDLINJE_ADMIN_PASSWORD (so it stays out of shell
// history).
await runCli(async (database, argv) => {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  });
  const password = values.password ?? process.env.BUNDLINJE_ADMIN_PASSWORD;
  if (!values.email || !values.name || !password) {
    console.error(
      'Brug: npm run admin:create -- --email <e-mail> --name "<navn>" (adgangskode i BUNDLINJE_ADMIN_PASSWORD eller --password)',
    );
    return 1;
  }
  const problem = checkPasswordPolicy(password, { email: values.email });
  if (problem) {
    console.error(problem);
    return 1;
  }
  await migrateDatabase(database);
  const passwordHash = await hashPassword(password);
  const email = values.email;
  const name = values.name;
  await database.db.transaction(async (tx) => {
    const origin = { actorUserId: null, requestId: "cli:admin:create", now: () => new Date() };
    let [platform] = await tx.select().from(organisation).where(eq(organisation.kind, "platform")).limit(1);
    if (!platform) {
      [platform] = await tx
        .insert(organisation)
        .values({ name: "Bundlinje platform", kind: "platform" })
        .returning();
      await recordAudit(tx, origin, {
        type: "organisation.created",
        subjectId: platform!.id,
        organisationId: platform!.id,
        payload: { kind: "platform" },
      });
    }
    const [user] = await tx.insert(appUser).values({ email, displayName: name, passwordHash }).returning();
    await tx
      .insert(membership)
      .values({ userId: user!.id, organisationId: platform!.id, role: "platform_admin" });
    await recordAudit(tx, origin, {
      type: "user.created",
      subjectId: user!.id,
      payload: { roles: [{ organisationId: platform!.id, role: "platform_admin" }] },
    });
  });
  console.log(`Platformadministrator oprettet: ${email}`);
});
