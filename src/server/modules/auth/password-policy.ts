import { dictionary } from "@zxcvbn-ts/language-common";
import { MIN_PASSWORD_LENGTH } from "../../../contracts/auth.js";

// The bundled list: zxcvbn-ts' list of the most common passwords (~30,000) plus Danish favourites.
const DANISH_COMMON = [
  "adgangskode",
  "kodeord",
  "hemmelighed",
  "sommerferie",
  "kommunen",
  "velkommen",
  "danmark",
  "københavn",
  "bundlinje",
];
const COMMON = new Set<string>([...(dictionary["passwords-common"] as string[]), ...DANISH_COMMON]);

/**
 * Checks a new password against the policy (NIST SP 800-63B style): at least 12 characters, not a
 * common password (also not a common word with digits or a year appended), not the user's e-mail.
 * No composition rules and no forced periodic change.
 * @returns a message in Danish when the password is refused, otherwise null.
 */
export function checkPasswordPolicy(
  password: string,
  context: { email?: string; displayName?: string } = {},
): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Adgangskoden skal have mindst ${MIN_PASSWORD_LENGTH} tegn.`;
  }
  if (password.length > 512) return "Adgangskoden må højst have 512 tegn.";
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[\d\W_]+$/u, "");
  if (COMMON.has(lower) || (stripped.length >= 4 && COMMON.has(stripped)) || /^(.)\1+$/u.test(lower)) {
    return "Adgangskoden er for almindelig. Vælg en længere sætning, som kun du kender.";
  }
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (
    (local && local.length >= 4 && lower.includes(local)) ||
    (context.email && lower === context.email.toLowerCase())
  ) {
    return "Adgangskoden må ikke indeholde din e-mailadresse.";
  }
  return null;
}
