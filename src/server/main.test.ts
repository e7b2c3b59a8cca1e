import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The real server process on a temp DATA_DIR: start, lock, graceful shutdown with requests in flight.
// Database-independent, so it runs in the PGlite project only.
const root = path.resolve(import.meta.dirname, "../..");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function startServer(dataDir: string, port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      NODE_ENV: "development",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("Stop med Ctrl-C")) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    exited.then(() => {
      clearInterval(timer);
      reject(new Error(`server exited: ${output}`));
    });
  });
  ready.catch(() => {}); // a server expected to fail is awaited through `exited` instead
  return { child, ready, exited, output: () => output };
}

const kill = (child: ChildProcess) => child.exitCode === null && child.kill("SIGKILL");

describe.skipIf(process.env.TEST_DB !== "pglite")("server process", () => {
  it("locks its data folder, shuts down gracefully with requests in flight, and restarts on the same data", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bundlinje-main-"));
    const port = await freePort();
    const first = startServer(dataDir, port);
    try {
      await first.ready;
      expect(first.output()).toContain("admin@bundlinje.demo");
      const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
      expect(health).toMatchObject({ status: "ok", database: "pglite" });

      const second = startServer(dataDir, await freePort());
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain("in use by another Bundlinje process");

      // Logins write (session + audit) — signal SIGTERM while they are under way.
      const inFlight = Array.from({ length: 6 }, (_, i) =>
        fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            email: "leder@vejle.demo",
            password: i % 2 ? "bundlinje-demo" : "wrong-password-x",
          }),
        }).then((r) => r.status),
      );
      await new Promise((r) => setTimeout(r, 15));
      first.child.kill("SIGTERM");
      const statuses = await Promise.all(inFlight);
      expect(statuses.every((s) => s === 200 || s === 401)).toBe(true);
      expect(await first.exited).toBe(0);
      expect(fs.existsSync(path.join(dataDir, "bundlinje.lock"))).toBe(false);
    } finally {
      kill(first.child);
    }

    const again = startServer(dataDir, port);
    try {
      await again.ready;
      expect(again.output()).not.toContain("Demodata er indlæst"); // the data survived
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "leder@vejle.demo", password: "bundlinje-demo" }),
      });
      expect(res.status).toBe(200);
      again.child.kill("SIGINT");
      expect(await again.exited).toBe(0);
    } finally {
      kill(again.child);
    }
  }, 90_000);
});
