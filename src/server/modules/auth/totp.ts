import { createHash, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { openSecret, sealSecret } from "../../crypto/secret-box.js";

const ISSUER = "Bundlinje";

/** A new base32 TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s — what authenticator apps expect). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI and a QR code (PNG data URL) for enrolment in an authenticator app. */
export async function totpEnrolment(secret: string, accountLabel: string) {
  const otpauthUri = generateURI({ issuer: ISSUER, label: accountLabel, secret });
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 });
  return { otpauthUri, qrCodeDataUrl };
}

/** True when `code` is valid for `secret` at `now`, allowing one 30-second step of clock drift. */
export async function verifyTotp(secret: string, code: string, now: Date): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
  });
  return result.valid;
}

/** Ten one-time recovery codes (xxxx-xxxx-xxxx) and their SHA-256 hashes for storage. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => {
    const hex = randomBytes(6).toString("hex");
    return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** Recovery codes are random, so a plain SHA-256 is enough to store them. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.trim().toLowerCase()).digest("hex");
}

/** The TOTP seed is stored sealed under the application key, bound to its user. */
export function sealTotpSecret(appKey: Buffer, userId: string, secret: string): string {
  return sealSecret(appKey, secret, `totp:${userId}`);
}

/** Opens a stored TOTP seed (see `sealTotpSecret`). */
export function openTotpSecret(appKey: Buffer, userId: string, stored: string): string {
  return openSecret(appKey, stored, `totp:${userId}`);
}
