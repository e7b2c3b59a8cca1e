#!/usr/bin/env node
// The `bundlinje` command (npx bundlinje …): runs the TypeScript CLI through tsx.
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { register } = await import("tsx/esm/api");
register();
const [command, ...args] = process.argv.slice(2);
if (command === "business-case") {
  const { runBusinessCaseCli } = await import(path.join(root, "src/server/cli/business-case.ts"));
  process.exitCode = await runBusinessCaseCli(args);
} else {
  console.error(
    "Brug: npx bundlinje business-case <scenario.json> [--format table|csv|json] [--draws N --seed S]",
  );
  process.exitCode = 1;
}
