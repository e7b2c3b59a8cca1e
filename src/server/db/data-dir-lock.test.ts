import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock.js";

describe("data folder lock (PGlite has none of its own)", () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), "bundlinje-lock-"));

  it("refuses a second holder with a clear message, and frees the folder on release", () => {
    const d = dir();
    const release = lockDataDir(d);
    expect(() => lockDataDir(d)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(d)).toThrow(/in use by another Bundlinje process/);
    release();
    lockDataDir(d)();
  });

  it("takes over a lock left by a process that is gone", () => {
    const d = dir();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    fs.writeFileSync(path.join(d, "bundlinje.lock"), `${dead.stdout}\n`);
    const release = lockDataDir(d);
    expect(fs.readFileSync(path.join(d, "bundlinje.lock"), "utf8").trim()).toBe(String(process.pid));
    release();
  });
});
