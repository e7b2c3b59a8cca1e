import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP baseline), ~30 ms here.
const ARGON2ID = 2;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

// A hash of a random password, checked when the user is unknown so that the answer takes as long
// as for a known user (no user enumeration by timing).
let dummyHash: Promise<string> | undefined;

/** True when `password` matches `passwordHash`; spends the same time when there is no hash. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword("not-a-real-password-just-for-timing");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
