import { Button } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RouterButton } from "../../components/router-links.js";
import { statementXlsxUrl } from "./contract-queries.js";
import type { StatementDetail } from "./contract-types.js";
import { StatementStepDialog, type StepChoice } from "./statement-step-dialog.js";

/**
 * The statement's buttons: the steps the user may take now (from the server's abilities), and the
 * XLSX download and print view everyone who sees the statement gets.
 */
export function StatementActions({ statement }: { statement: StatementDetail }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<StepChoice | null>(null);
  const a = statement.abilities;
  return (
    <>
      {a.recompute ? (
        <Button variant="default" onClick={() => setChoice({ step: "recompute" })}>
          {t("contracts.steps.recompute.button")}
        </Button>
      ) : null}
      {a.validate ? (
        <Button onClick={() => setChoice({ step: "validate" })}>
          {t("contracts.steps.validate.button")}
        </Button>
      ) : null}
      {a.approveFor.map((party) => (
        <Button key={party.organisationId} onClick={() => setChoice({ step: "approve", party })}>
          {t("contracts.steps.approve.button", { party: party.name })}
        </Button>
      ))}
      {a.adjust ? (
        <Button variant="default" onClick={() => setChoice({ step: "adjustments" })}>
          {t("contracts.steps.adjustments.button")}
        </Button>
      ) : null}
      <Button component="a" variant="default" href={statementXlsxUrl(statement.id)} download>
        {t("contracts.statement.downloadXlsx")}
      </Button>
      <RouterButton
        variant="default"
        to="/statements/$statementId/print"
        params={{ statementId: statement.id }}
      >
        {t("contracts.statement.print")}
      </RouterButton>
      <StatementStepDialog statementId={statement.id} choice={choice} onClose={() => setChoice(null)} />
    </>
  );
}
