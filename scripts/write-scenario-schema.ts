// npm run docs:schema — writes docs/business-case-scenario.schema.json from the zod schema in
// src/contracts/business-case.ts (a test fails when the committed file is out of date).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ScenarioSchema } from "../src/contracts/business-case.js";

export const SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../docs/business-case-scenario.schema.json",
);

export function scenarioSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(ScenarioSchema, { target: "draft-2020-12" }), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  fs.writeFileSync(SCHEMA_FILE, scenarioSchemaText());
  console.log(`Wrote ${SCHEMA_FILE}`);
}
