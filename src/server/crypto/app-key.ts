import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The application key that encrypts secrets at rest. From APP_ENCRYPTION_KEY (base64 of 32 bytes) —
 * required when several app servers share one database — or else from `<DATA_DIR>/app.key`, created
 * on first start with mode 0600. Back it up apart from the database: without it, sealed secrets
 * (two-factor seeds) cannot be opened.
 * @throws Error when APP_ENCRYPTION_KEY is set but is not 32 bytes of base64.
 */
export function loadAppKey(envKey: string | undefined, dataDir: string): Buffer {
  if (envKey) {
    const key = Buffer.from(envKey, "base64");
    if (key.length !== 32)
      throw new Error("APP_ENCRYPTION_KEY must be 32 random bytes in base64 (openssl rand -base64 32).");
    return key;
  }
  const file = path.join(dataDir, "app.key");
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key.`);
    return key;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return key;
}
