import { verifyAuditChain } from "../audit/verify.js";
import { runCli } from "./with-database.js";

// npm run audit:verify — recomputes the audit log's hash chain and names the first broken link.
await runCli(async (database) => {
  const verdict = await verifyAuditChain(database.db);
  if (verdict.ok) {
    console.log(`Revisionsloggen er intakt: ${verdict.rows} hændelser, kæden er ubrudt.`);
    return 0;
  }
  console.error(
    `Revisionsloggen er BRUDT ved hændelse nr. ${verdict.brokenAtSeq} (seq): ${verdict.reason}. ${verdict.rows} hændelser i alt.`,
  );
  return 2;
});
