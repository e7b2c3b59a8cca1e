// npm run db:check — fails when the Drizzle schema and the committed migrations disagree (drift):
// drizzle-kit generates into a copy of migrations/; a new file there means the schema changed
// without a migration.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Returns the names of migration files drizzle-kit would add; empty when there is no drift. */
export function findMigrationDrift(): string[] {
  // drizzle-kit reads `out` relative to the project, so the copy lives under .tmp/.
  fs.mkdirSync(path.join(root, ".tmp"), { recursive: true });
  const copy = fs.mkdtempSync(path.join(root, ".tmp", "drift-"));
  try {
    fs.cpSync(path.join(root, "migrations"), copy, { recursive: true });
    const before = new Set(fs.readdirSync(copy));
    const output = execFileSync(
      process.execPath,
      [path.join(root, "node_modules/drizzle-kit/bin.cjs"), "generate", "--name", "drift"],
      {
        cwd: root,
        env: { ...process.env, DRIZZLE_OUT: path.relative(root, copy) },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const added = fs.readdirSync(copy).filter((f) => f.endsWith(".sql") && !before.has(f));
    // drizzle-kit can exit 0 after an error: trust only its explicit "nothing to migrate".
    if (added.length === 0 && !/No schema changes/i.test(output))
      throw new Error(`drizzle-kit generate failed:\n${output}`);
    return added;
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const drift = findMigrationDrift();
  if (drift.length > 0) {
    console.error(
      "The schema has changes without a migration. Run `npm run db:generate` and commit the result.",
    );
    process.exit(1);
  }
  console.log("Migrations match the schema.");
}
