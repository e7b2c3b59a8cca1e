import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAppKey } from "./app-key.js";
import { openSecret, sealSecret } from "./secret-box.js";

describe("secrets at rest", () => {
  const key = randomBytes(32);

  it("round-trips, and never stores the plaintext", () => {
    const sealed = sealSecret(key, "JBSWY3DPEHPK3PXP", "totp:u1");
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(key, sealed, "totp:u1")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses another key, another context or a changed byte", () => {
    const sealed = sealSecret(key, "secret", "totp:u1");
    expect(() => openSecret(randomBytes(32), sealed, "totp:u1")).toThrow();
    expect(() => openSecret(key, sealed, "totp:u2")).toThrow();
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => openSecret(key, `v1:${raw.toString("base64")}`, "totp:u1")).toThrow();
  });

  it("creates the key file once (mode 0600) and reads it back; validates an env key", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bundlinje-key-"));
    const first = loadAppKey(undefined, dir);
    expect(loadAppKey(undefined, dir).equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, "app.key")).mode & 0o777).toBe(0o600);
    expect(loadAppKey(key.toString("base64"), dir).equals(key)).toBe(true);
    expect(() => loadAppKey("c2hvcnQ=", dir)).toThrow(/32 random bytes/);
  });
});
