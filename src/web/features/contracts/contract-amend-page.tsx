import { Alert, Button, Stack, Text, Textarea } from "@mantine/core";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { LoadingState } from "../../components/loading-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { isApiError } from "../../lib/api-error.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useProject } from "../projects/project-queries.js";
import { amendmentProblems, amendmentStartOf } from "./contract-amend-values.js";
import { fieldIdOf } from "./contract-field-id.js";
import { useAmendContract, useContract, useOutcomeRules } from "./contract-queries.js";
import { ContractTermsForm } from "./contract-terms-form.js";
import type { ContractDetail } from "./contract-types.js";

/**
 * /contracts/$contractId/amend: a new version of the contract's terms, with its reason. The form
 * starts from the newest version and remembers its number (`basedOnVersion`); when someone saves
 * another version meanwhile, the server answers 409 and the page offers to load the newest one.
 */
export function ContractAmendPage() {
  const { t } = useTranslation();
  const { contractId } = useParams({ from: "/contracts/$contractId/amend" });
  const contract = useContract(contractId);
  // The form is pinned to the version it was opened with: a background refetch must not move
  // `basedOnVersion` under the user's edits. Loading the newest version again remounts it.
  const [loads, setLoads] = useState(0);
  const [reason, setReason] = useState("");
  const title = t("contracts.amend.title");
  return (
    <>
      <PageHeader
        title={title}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/contracts" size="sm">
              {t("contracts.title")}
            </RouterAnchor>
            <RouterAnchor to="/contracts/$contractId" params={{ contractId }} search={{}} size="sm">
              {contract.data?.title ?? t("contracts.detailTitle")}
            </RouterAnchor>
          </Breadcrumbs>
        }
      />
      <QueryState query={contract}>
        {(c) =>
          c.abilities.manage ? (
            <AmendmentForm
              key={loads}
              contract={c}
              reason={reason}
              onReasonChange={setReason}
              onReload={async () => {
                await contract.refetch();
                setLoads((n) => n + 1);
              }}
            />
          ) : (
            <Alert color="orange" variant="light" role="alert" title={t("contracts.amend.notAllowed")}>
              <RouterAnchor to="/contracts/$contractId" params={{ contractId }} search={{}} size="sm">
                {c.title}
              </RouterAnchor>
            </Alert>
          )
        }
      </QueryState>
    </>
  );
}

interface AmendmentFormProps {
  contract: ContractDetail;
  /** Kept by the page, so that it survives loading the newest version after a 409. */
  reason: string;
  onReasonChange: (reason: string) => void;
  onReload: () => Promise<void>;
}

function AmendmentForm({ contract, reason, onReasonChange, onReload }: AmendmentFormProps) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const [start] = useState(() => amendmentStartOf(contract, i18n.language));
  const project = useProject(contract.projectId);
  const rules = useOutcomeRules(contract.projectId);
  const amend = useAmendContract(contract.id);
  const [isStale, setIsStale] = useState(false);
  const [isReloading, setIsReloading] = useState(false);
  const staleRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (isStale) staleRef.current?.focus();
  }, [isStale]);

  if (!start) return null;
  const earliest = { date: format.date(start.earliestValidFrom), version: start.basedOnVersion };
  const contractId = contract.id;

  return (
    <Stack gap="lg">
      <Alert
        color="bundlinje"
        variant="light"
        role="note"
        title={t("contracts.amend.introTitle", { version: start.basedOnVersion + 1 })}
      >
        <Stack gap="xs">
          <Text size="sm">{t("contracts.amend.intro", { version: start.basedOnVersion })}</Text>
          <Text size="sm">
            {contract.versionInForce === null
              ? t("contracts.amend.noneInForce")
              : t("contracts.amend.inForce", { version: contract.versionInForce })}{" "}
            {t("contracts.amend.locked")}
          </Text>
        </Stack>
      </Alert>
      {isStale ? (
        <Alert
          ref={staleRef}
          tabIndex={-1}
          color="orange"
          variant="light"
          role="alert"
          title={t("contracts.amend.staleTitle")}
        >
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t("contracts.amend.stale")}</Text>
            <Button
              size="xs"
              loading={isReloading}
              onClick={async () => {
                setIsReloading(true);
                try {
                  await onReload();
                } finally {
                  setIsReloading(false);
                }
              }}
            >
              {t("contracts.amend.reload")}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      {project.isError || rules.isError ? (
        <ErrorAlert error={project.error ?? rules.error} />
      ) : !project.data || !rules.data ? (
        <LoadingState />
      ) : (
        <ContractTermsForm
          initialValues={start.values}
          projectTracks={project.data.tracks}
          rules={rules.data.items}
          hasExample={false}
          validFromHint={t("contracts.amend.validFromHint", earliest)}
          submitLabel={t("contracts.amend.submit", { version: start.basedOnVersion + 1 })}
          cancel={
            <RouterButton variant="default" to="/contracts/$contractId" params={{ contractId }} search={{}}>
              {t("common.cancel")}
            </RouterButton>
          }
          validate={(values) =>
            amendmentProblems({ reason, validFrom: values.validFrom }, start.earliestValidFrom, {
              reasonRequired: t("contracts.amend.reasonRequired"),
              validFromTooEarly: t("contracts.amend.validFromTooEarly", earliest),
            })
          }
          extraFields={(form) => (
            <SectionCard title={t("contracts.amend.reasonTitle")}>
              <Textarea
                id={fieldIdOf("reason")}
                label={t("contracts.amend.reason")}
                description={t("contracts.amend.reasonHint")}
                required
                value={reason}
                onChange={(event) => {
                  onReasonChange(event.currentTarget.value);
                  form.clearFieldError("reason");
                }}
                error={form.errors.reason}
                maxLength={2000}
                autosize
                minRows={3}
                maxRows={10}
                maw={720}
              />
            </SectionCard>
          )}
          onSubmit={async (terms) => {
            setIsStale(false);
            let amended: ContractDetail;
            try {
              amended = await amend.mutateAsync({
                terms,
                reason: reason.trim(),
                basedOnVersion: start.basedOnVersion,
              });
            } catch (error) {
              // Someone saved a version meanwhile: the user's changes stay in the form until they
              // choose to load the newest version. Other refusals are shown by the form.
              if (!isApiError(error, "STALE_VERSION")) throw error;
              setIsStale(true);
              return;
            }
            notifySuccess(t("contracts.amend.created", { version: amended.currentVersion }));
            await navigate({ to: "/contracts/$contractId", params: { contractId }, search: {} });
          }}
        />
      )}
    </Stack>
  );
}
