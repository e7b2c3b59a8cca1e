import { loadConfig } from "../config.js";
import { loadAppKey } from "../crypto/app-key.js";
import { migrateDatabase } from "../db/client.js";
import { isDatabaseEmpty, seedDemoData } from "../seed/seed.js";
import { runCli } from "./with-database.js";

// npm run db:seed — loads the demo data into an empty database (never into one in use).
await runCli(async (database) => {
  await migrateDatabase(database);
  if (!(await isDatabaseEmpty(database.db))) {
    console.error("Databasen indeholder allerede data; demodata indlæses kun i en tom database.");
    return 1;
  }
  const config = loadConfig();
  await seedDemoData(database.db, new Date(), loadAppKey(config.appEncryptionKey, config.dataDir));
  console.log("Demodata indlæst.");
});
