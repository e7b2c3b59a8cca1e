import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL server for tests and benchmarks: initdb + pg_ctl into a temp folder on a
 * free loopback port, stopped and removed afterwards. PostgreSQL refuses to run as root, so as root
 * it runs as the `postgres` user (or `nobody`).
 */
export interface PostgresServer {
  url: (database?: string) => string;
  stop: () => void;
}

function findBinary(name: string): string | null {
  const which = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  for (const dir of fs.existsSync("/usr/lib/postgresql")
    ? fs.readdirSync("/usr/lib/postgresql").sort().reverse()
    : []) {
    const candidate = path.join("/usr/lib/postgresql", dir, "bin", name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

export function postgresBinariesAvailable(): boolean {
  return findBinary("initdb") !== null && findBinary("pg_ctl") !== null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function runAsUser(): { uid: number; gid: number; name: string } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ["postgres", "nobody"]) {
    const r = spawnSync("id", ["-u", name], { encoding: "utf8" });
    const g = spawnSync("id", ["-g", name], { encoding: "utf8" });
    if (r.status === 0) return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()), name };
  }
  throw new Error("Running as root and no 'postgres' or 'nobody' user to run PostgreSQL as");
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const initdb = findBinary("initdb");
  const pgCtl = findBinary("pg_ctl");
  if (!initdb || !pgCtl) throw new Error("PostgreSQL server binaries (initdb, pg_ctl) not found on PATH");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bundlinje-pg-"));
  const dataDir = path.join(dir, "data");
  const user = runAsUser();
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const run = (file: string, args: string[]) => {
    const cmd = user ? "runuser" : file;
    const fullArgs = user ? ["-u", user.name, "--", file, ...args] : args;
    execFileSync(cmd, fullArgs, { stdio: ["ignore", "pipe", "pipe"], cwd: dir });
  };
  run(initdb, [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(pgCtl, ["-D", dataDir, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  let stopped = false;
  return {
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run(pgCtl, ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
