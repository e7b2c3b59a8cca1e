// npm start: builds the web app when its sources changed since the last build (Vite, ~2–5 s), then
// starts the server (TypeScript run through tsx; no separate compile step). Arguments are passed on,
// e.g. `npm start -- --no-demo`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stamp = path.join(root, "dist/web/index.html");
const sources = ["src/web", "src/contracts", "src/domain", "vite.config.ts", "package-lock.json"];

function newestMtime(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(full).reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), st.mtimeMs);
}

const builtAt = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (builtAt < Math.max(...sources.map(newestMtime))) {
  const started = Date.now();
  process.stdout.write("Bygger web-appen… ");
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  console.log(`færdig på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "src/server/main.ts"));
