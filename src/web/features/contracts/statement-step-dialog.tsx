import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { notifySuccess } from "../../lib/notify.js";
import { useStatementStep } from "./contract-queries.js";
import type { ContractPartyView, StatementStep } from "./contract-types.js";

export interface StepChoice {
  step: StatementStep;
  /** For "approve": the party the user approves for (shown in the title). */
  party?: ContractPartyView;
}

interface StatementStepDialogProps {
  statementId: string;
  /** The step being taken; null = closed. */
  choice: StepChoice | null;
  onClose: () => void;
}

/**
 * Asks before a statement takes a step (recompute, validate, approve, adjust), with an optional
 * reason for the statement's history. A refusal (e.g. 409: someone else took a step meanwhile) is
 * shown with the server's own words.
 */
export function StatementStepDialog({ statementId, choice, onClose }: StatementStepDialogProps) {
  const { t } = useTranslation();
  const step = choice?.step ?? "recompute";
  const party = choice?.party?.name ?? "";
  return (
    <Modal
      opened={choice !== null}
      onClose={onClose}
      title={t(`contracts.steps.${step}.title`, { party })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {choice ? <StepForm statementId={statementId} choice={choice} onClose={onClose} /> : null}
    </Modal>
  );
}

function StepForm({
  statementId,
  choice,
  onClose,
}: {
  statementId: string;
  choice: StepChoice;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [reason, setReason] = useState("");
  const takeStep = useStatementStep(statementId);
  const { step } = choice;
  const party = choice.party?.name ?? "";
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        takeStep.mutate(
          { step, reason: reason.trim() },
          {
            onSuccess: (statement) => {
              notifySuccess(t(`contracts.steps.${step}.done`, { party }));
              onClose();
              if (step === "adjustments")
                void navigate({ to: "/statements/$statementId", params: { statementId: statement.id } });
            },
          },
        );
      }}
    >
      <Stack gap="md">
        <Text size="sm">{t(`contracts.steps.${step}.intro`, { party })}</Text>
        <Textarea
          label={t("contracts.steps.reason")}
          description={
            step === "adjustments" ? t("contracts.steps.reasonHintAdjust") : t("contracts.steps.reasonHint")
          }
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          maxRows={6}
          data-autofocus
        />
        {takeStep.error ? <ErrorAlert error={takeStep.error} title={t("contracts.steps.failed")} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={takeStep.isPending}>
            {t(`contracts.steps.${step}.submit`, { party })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
