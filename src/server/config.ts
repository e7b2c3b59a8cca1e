import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  /**
   * Connections each app server keeps to PostgreSQL. More than the database server's cores only adds
   * contention: on 2 cores, 4 instead of 10 took the family list's p95 from ~210 to ~180 ms.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of the app. */
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  /** Public origin, e.g. https://bundlinje.kommune.dk — decides whether cookies are Secure. */
  PUBLIC_ORIGIN: z.string().url().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** Base64 of 32 random bytes; when unset the key lives in DATA_DIR/app.key. */
  APP_ENCRYPTION_KEY: z.string().optional(),
  /** Login attempts one client address may make in 10 minutes (the browser tests sign in far more often). */
  LOGIN_ATTEMPTS_PER_10_MIN: z.coerce.number().int().min(1).default(30),
  /** The built web app to serve; default dist/web. The browser tests build into a folder of their own. */
  WEB_DIST_DIR: z.string().optional(),
});

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string; poolSize?: number };

export interface AppConfig {
  port: number;
  host: string;
  nodeEnv: "development" | "production" | "test";
  database: DatabaseTarget;
  trustProxy: boolean;
  publicOrigin: string | undefined;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Folder for local files (the embedded database, the app key when not in the environment). */
  dataDir: string;
  appEncryptionKey: string | undefined;
  /** Absolute path of the built web app, when set (else the server serves ROOT/dist/web). */
  webDistDir: string | undefined;
  /** Login attempts per client address per 10 minutes. */
  loginAttemptsPer10Min: number;
}

/** Reads configuration from the environment; exits with a readable message on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    nodeEnv: e.NODE_ENV,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: "pglite", dataDir: path.resolve(e.DATA_DIR) },
    trustProxy: e.TRUST_PROXY,
    publicOrigin: e.PUBLIC_ORIGIN,
    logLevel: e.LOG_LEVEL,
    dataDir: path.resolve(e.DATA_DIR),
    appEncryptionKey: e.APP_ENCRYPTION_KEY,
    webDistDir: e.WEB_DIST_DIR ? path.resolve(e.WEB_DIST_DIR) : undefined,
    loginAttemptsPer10Min: e.LOGIN_ATTEMPTS_PER_10_MIN,
  };
}
