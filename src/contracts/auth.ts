import { z } from "zod";
import { ORGANISATION_KINDS, PERMISSIONS, ROLES } from "../domain/access/index.js";

export const LoginInputSchema = z
  .object({
    email: z.string().trim().min(1, "Skriv din e-mailadresse").max(320),
    password: z.string().min(1, "Skriv din adgangskode").max(1024),
    totpCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "Koden består af 6 cifre")
      .optional(),
    recoveryCode: z.string().trim().min(8).max(64).optional(),
  })
  .meta({ id: "LoginInput" });
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const MembershipSchema = z
  .object({
    organisationId: z.string(),
    organisationName: z.string(),
    organisationKind: z.enum(ORGANISATION_KINDS),
    role: z.enum(ROLES),
  })
  .meta({ id: "Membership" });

export const MeSchema = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      displayName: z.string(),
      locale: z.enum(["da", "en"]),
      hasTwoFactor: z.boolean(),
    }),
    memberships: z.array(MembershipSchema),
    projects: z.array(z.object({ id: z.string(), name: z.string() })),
    abilities: z.array(z.enum(PERMISSIONS)),
    mustEnrolTwoFactor: z.boolean(),
    csrfToken: z.string(),
    session: z.object({ idleExpiresAt: z.string(), absoluteExpiresAt: z.string() }),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof MeSchema>;

export const UpdateMeInputSchema = z.object({ locale: z.enum(["da", "en"]) }).meta({ id: "UpdateMeInput" });

export const ChangePasswordInputSchema = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) })
  .meta({ id: "ChangePasswordInput" });

export const TwoFactorSetupSchema = z
  .object({ secret: z.string(), otpauthUri: z.string(), qrCodeDataUrl: z.string() })
  .meta({ id: "TwoFactorSetup" });

export const TwoFactorCodeInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "Koden består af 6 cifre"),
  })
  .meta({ id: "TwoFactorCodeInput" });

export const RecoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()) })
  .meta({ id: "RecoveryCodes" });

export const HealthSchema = z
  .object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]), version: z.string() })
  .meta({ id: "Health" });

/** Minimum password length (NIST 800-63B; the issue asks for ≥ 12). */
export const MIN_PASSWORD_LENGTH = 12;
