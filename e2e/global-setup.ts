import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "..");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Builds the web app and starts the real server (demo data, temp DATA_DIR) for the browser journeys.
 * Without Chromium the journeys cannot run: a failure in CI, a warning and an empty run locally.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(CHROMIUM)) {
    if (process.env.CI) throw new Error(`CI: Chromium not found at ${CHROMIUM}; the browser tests must run.`);
    console.warn(`Chromium not found at ${CHROMIUM}: browser tests will be skipped.`);
  }
  // Each run builds into a folder of its own, so runs side by side (and `npm start`) never serve
  // each other's half-written build.
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "bundlinje-e2e-web-"));
  execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules/vite/bin/vite.js"),
      "build",
      "--logLevel",
      "warn",
      "--outDir",
      webDir,
      "--emptyOutDir",
    ],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bundlinje-e2e-"));
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      WEB_DIST_DIR: webDir,
      // Every journey signs in; one address may otherwise try 30 times in 10 minutes.
      LOGIN_ATTEMPTS_PER_10_MIN: "100000",
      LOG_LEVEL: "warn",
      NODE_ENV: "development",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (output.includes("Stop med Ctrl-C")) {
        clearInterval(timer);
        resolve();
      } else if (server.exitCode !== null || Date.now() - started > 60_000) {
        clearInterval(timer);
        reject(new Error(`The server did not start:\n${output}`));
      }
    }, 100);
  });
  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(webDir, { recursive: true, force: true });
  };
}
