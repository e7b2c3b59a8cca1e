import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

/**
 * Encrypts a small secret (a TOTP seed; later CPR numbers) with AES-256-GCM under the application
 * key. `context` is bound as associated data (e.g. "totp:<user id>"), so a sealed value copied to
 * another row does not open there. Output: "v1:" + base64(iv ‖ tag ‖ ciphertext).
 */
export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64")}`;
}

/**
 * Opens a value sealed by `sealSecret` with the same key and context.
 * @throws Error when the value was tampered with, sealed under another key, or for another context.
 */
export function openSecret(key: Buffer, sealed: string, context: string): string {
  const [version, body] = sealed.split(":", 2);
  if (version !== VERSION || !body) throw new Error("Unknown sealed-secret format");
  const raw = Buffer.from(body, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
