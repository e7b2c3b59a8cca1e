import type { AppConfig } from "../src/server/config.js";

/** The app configuration of the tests and benchmarks (no files, no network: the app runs in-process). */
export const testConfig: AppConfig = {
  port: 0,
  host: "127.0.0.1",
  nodeEnv: "test",
  database: { kind: "pglite", dataDir: "/nonexistent" },
  trustProxy: false,
  publicOrigin: undefined,
  logLevel: "silent",
  dataDir: "/nonexistent",
  appEncryptionKey: undefined,
  webDistDir: undefined,
  loginAttemptsPer10Min: 30,
};
