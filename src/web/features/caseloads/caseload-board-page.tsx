import { Button, Stack, Text, Title } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { DefinitionList } from "../../components/definition-list.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { SectionCard } from "../../components/section-card.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { CaseloadLimitsDialog } from "./caseload-limits-dialog.js";
import { type CaseloadBoard, type CaseloadWorker, useCaseloadBoard } from "./caseload-queries.js";
import { ReassignCaseloadDialog } from "./reassign-caseload-dialog.js";
import { WorkerCaseloadCard } from "./worker-caseload-card.js";

/**
 * "Sagsstammer": each worker's families, weighted by track, against the municipality's limits, with
 * their overdue tasks (GET /api/caseloads). Team leaders see everyone, move courses between workers
 * and set the limits; a caseworker sees only their own caseload.
 */
export function CaseloadBoardPage() {
  const { t } = useTranslation();
  const board = useCaseloadBoard();
  return (
    <>
      <PageHeader title={t("caseload.title")} description={t("caseload.description")} />
      <QueryState query={board}>{(data) => <Board board={data} />}</QueryState>
    </>
  );
}

type Dialog =
  | { kind: "reassign"; worker: CaseloadWorker }
  | { kind: "worker-limits"; worker: CaseloadWorker }
  | { kind: "default-limits" };

function Board({ board }: { board: CaseloadBoard }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const workersHeadingId = useId();
  const close = () => setDialog(null);
  if (board.organisationId === null) {
    return <EmptyState title={t("caseload.noOrganisation")} description={t("caseload.noOrganisationHint")} />;
  }
  const over = board.workers.filter((w) => w.status === "over-hard-limit").length;
  const warning = board.workers.filter((w) => w.status === "warning").length;
  const isOwnOnly = !board.canManage;

  return (
    <Stack gap="lg">
      <Text>
        {t("caseload.asOf", { organisation: board.organisationName ?? "", date: format.date(board.asOf) })}
        {board.canManage ? ` ${t("caseload.summary", { count: board.workers.length, over, warning })}` : null}
      </Text>
      {board.canManage ? (
        <SectionCard
          title={t("caseload.defaults.title")}
          actions={
            <Button variant="default" size="sm" onClick={() => setDialog({ kind: "default-limits" })}>
              {t("caseload.defaults.edit")}
            </Button>
          }
        >
          <DefinitionList
            items={[
              {
                label: t("caseload.defaults.warningAt"),
                value: t("caseload.familiesCount", { count: board.defaults.warningAtFamilies }),
              },
              {
                label: t("caseload.defaults.hardLimit"),
                value: t("caseload.familiesCount", { count: board.defaults.hardLimitFamilies }),
              },
            ]}
          />
          <Text size="sm" c="dimmed">
            {t("caseload.defaults.hint")}
          </Text>
        </SectionCard>
      ) : null}
      <Stack gap="md" component="section" aria-labelledby={workersHeadingId}>
        <Title order={2} size="h3" id={workersHeadingId}>
          {isOwnOnly ? t("caseload.ownTitle") : t("caseload.workersTitle")}
        </Title>
        {board.workers.length === 0 ? (
          <EmptyState title={t("caseload.noWorkers")} />
        ) : (
          board.workers.map((w) => (
            <WorkerCaseloadCard
              key={w.userId}
              worker={w}
              isInitiallyOpen={isOwnOnly}
              onReassign={board.canManage ? () => setDialog({ kind: "reassign", worker: w }) : undefined}
              onEditLimits={
                board.canManage ? () => setDialog({ kind: "worker-limits", worker: w }) : undefined
              }
            />
          ))
        )}
      </Stack>
      {dialog?.kind === "reassign" ? (
        <ReassignCaseloadDialog worker={dialog.worker} workers={board.workers} onClose={close} />
      ) : null}
      {dialog?.kind === "worker-limits" ? (
        <CaseloadLimitsDialog
          worker={dialog.worker}
          organisationName={board.organisationName}
          current={dialog.worker.limits}
          defaults={board.defaults}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === "default-limits" ? (
        <CaseloadLimitsDialog
          worker={null}
          organisationName={board.organisationName}
          current={board.defaults}
          defaults={board.defaults}
          onClose={close}
        />
      ) : null}
    </Stack>
  );
}
