import fs from "node:fs";
import path from "node:path";
import { runCli } from "./with-database.js";

// npm run backup -- <file.tar.gz> — a consistent copy of the embedded database. The server must be
// stopped (the data-folder lock makes sure). For a PostgreSQL server use pg_dump (docs/operations.md).
await runCli(async (database, [file]) => {
  if (!file) {
    console.error("Brug: npm run backup -- <fil.tar.gz>");
    return 1;
  }
  if (!database.pglite) {
    console.error(
      "Backup-kommandoen gælder den indlejrede database. Brug pg_dump mod en PostgreSQL-server (se docs/operations.md).",
    );
    return 1;
  }
  const target = path.resolve(file);
  if (fs.existsSync(target)) {
    console.error(`${target} findes allerede; vælg et nyt filnavn.`);
    return 1;
  }
  const dump = await database.pglite.dumpDataDir("gzip");
  const tmp = `${target}.partial`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, target); // never leave a half-written backup under the real name
  console.log(`Backup skrevet til ${target} (${Math.round(fs.statSync(target).size / 1024)} KB).`);
});
