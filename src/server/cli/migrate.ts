import { migrateDatabase } from "../db/client.js";
import { runCli } from "./with-database.js";

// npm run db:migrate — applies the committed migrations (the server also does this at start).
await runCli(async (database) => {
  await migrateDatabase(database);
  console.log(`Migreringer anvendt (${database.kind}).`);
});
