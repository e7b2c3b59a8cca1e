import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { loadConfig } from "../config.js";
import { PGLITE_EXTENSIONS, pgliteDataPath } from "../db/client.js";
import { DataDirLockedError, lockDataDir } from "../db/data-dir-lock.js";

// npm run restore -- <file.tar.gz> [--force] — restores a backup into DATA_DIR. An existing database
// is kept aside (renamed with a timestamp), never deleted, and only with --force.
const [file, ...flags] = process.argv.slice(2);
const config = loadConfig();
if (!file) {
  console.error("Brug: npm run restore -- <fil.tar.gz> [--force]");
  process.exit(1);
}
if (config.database.kind !== "pglite") {
  console.error("Restore gælder den indlejrede database. Brug pg_restore/psql mod en PostgreSQL-server.");
  process.exit(1);
}
const source = path.resolve(file);
if (!fs.existsSync(source)) {
  console.error(`Filen ${source} findes ikke.`);
  process.exit(1);
}
let release: () => void;
try {
  release = lockDataDir(config.database.dataDir);
} catch (err) {
  console.error(err instanceof DataDirLockedError ? err.message : String(err));
  process.exit(1);
}
const target = pgliteDataPath(config.database.dataDir);
let keptAside: string | null = null;
try {
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    if (!flags.includes("--force")) {
      console.error(
        `Der ligger allerede en database i ${target}. Kør igen med --force for at lægge den til side og gendanne.`,
      );
      process.exit(1);
    }
    keptAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(target, keptAside);
  }
  const blob = new Blob([fs.readFileSync(source)]);
  const db = await PGlite.create(target, { loadDataDir: blob, extensions: PGLITE_EXTENSIONS });
  const check = await db.query<{ n: number }>("select count(*)::int as n from audit_event");
  await db.close();
  console.log(
    `Gendannet fra ${source}: ${check.rows[0]?.n ?? 0} revisionshændelser.${keptAside ? ` Den tidligere database ligger i ${keptAside}.` : ""}`,
  );
} catch (err) {
  // Put the old database back if the restore failed half-way.
  if (keptAside) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(keptAside, target);
  }
  console.error(`Gendannelsen fejlede: ${err instanceof Error ? err.message : String(err)}`);
  release!();
  process.exit(1);
}
release!();
