import { Alert, Button, Grid, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundPage } from "../../app/not-found-page.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { DefinitionList } from "../../components/definition-list.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { isApiError } from "../../lib/api-error.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useVersionedSave } from "../../lib/use-versioned-save.js";
import type { AllowedEvent, FamilyDetail, ReferralDetail } from "../families/casework-types.js";
import { useConsultants, useFamily } from "../families/family-queries.js";
import { ReferralStateBadge } from "../families/state-badges.js";
import { TransitionDialog } from "../families/transition-dialog.js";
import { TransitionsTable, useStepLabels } from "../families/transitions-table.js";
import { AcceptanceCheck } from "./acceptance-check.js";
import { useReferral, useReferralTransition } from "./referral-queries.js";

const DECIDABLE = new Set(["submitted", "screening", "wait-listed"]);

/** One referral: the facts, the acceptance check, the steps allowed now, and the history. */
export function ReferralDetailPage() {
  const { t } = useTranslation();
  const { referralId } = useParams({ from: "/referrals/$referralId" });
  const referral = useReferral(referralId);
  if (
    referral.isError &&
    isApiError(referral.error) &&
    (referral.error.status === 404 || referral.error.status === 403)
  ) {
    return <NotFoundPage />;
  }
  const title = referral.data
    ? t("casework.referral.title", { family: referral.data.familyName })
    : t("casework.referral.detailTitle");
  return (
    <>
      <PageHeader
        title={title}
        above={
          <Breadcrumbs current={referral.data?.familyName ?? title}>
            <RouterAnchor to="/referrals" search={{}} size="sm">
              {t("casework.referrals.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
        badges={referral.data ? <ReferralStateBadge state={referral.data.state} /> : null}
      />
      <QueryState query={referral}>
        {(r) => <ReferralContent referral={r} onReload={() => referral.refetch()} />}
      </QueryState>
    </>
  );
}

function ReferralContent({
  referral,
  onReload,
}: {
  referral: ReferralDetail;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const family = useFamily(referral.familyId);
  const labels = useStepLabels("referral");
  const transition = useReferralTransition(referral.id);
  const versioned = useVersionedSave();
  const [event, setEvent] = useState<AllowedEvent | null>(null);
  const childNames = referral.childIds.map((id) => {
    const m = family.data?.members.find((x) => x.person.id === id);
    return m ? `${m.person.firstName} ${m.person.lastName}` : null;
  });

  return (
    <Stack gap="lg">
      {versioned.staleMessage ? (
        <Alert color="orange" variant="light" role="alert" title={t("errors.staleTitle")}>
          {versioned.staleMessage}
        </Alert>
      ) : null}
      {referral.state === "accepted" && referral.courseId ? (
        <Alert color="green" variant="light" title={t("casework.referral.acceptedTitle")}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t("casework.referral.acceptedText")}</Text>
            <RouterButton
              to="/families/$familyId"
              params={{ familyId: referral.familyId }}
              search={{ tab: "course", courseId: referral.courseId }}
            >
              {t("casework.referral.goToCourse")}
            </RouterButton>
          </Stack>
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <SectionCard title={t("casework.referral.factsTitle")}>
            <DefinitionList
              items={[
                {
                  label: t("casework.referral.family"),
                  value: (
                    <RouterAnchor
                      to="/families/$familyId"
                      params={{ familyId: referral.familyId }}
                      search={{}}
                    >
                      {referral.familyName}
                    </RouterAnchor>
                  ),
                },
                {
                  label: t("casework.referral.projectTrack"),
                  value: `${referral.projectName} · ${referral.trackName}`,
                },
                { label: t("casework.referral.referredOn"), value: format.date(referral.referredOn) },
                {
                  label: t("casework.referral.state"),
                  value: t("casework.referral.stateSince", {
                    state: labels.state(referral.state),
                    date: format.date(referral.stateSince),
                  }),
                },
                { label: t("casework.referral.legalBasis"), value: referral.legalBasis },
                {
                  label: t("casework.referral.caseworker"),
                  value: referral.caseworker?.name ?? t("casework.families.noCaseworker"),
                },
                {
                  label: t("casework.referral.childrenLabel"),
                  value:
                    childNames.length === 0
                      ? t("casework.none")
                      : childNames.every((n) => n !== null)
                        ? childNames.join(", ")
                        : t("casework.referral.children", { count: childNames.length }),
                },
              ]}
            />
            <div>
              <Text size="sm" c="dimmed">
                {t("casework.referral.reason")}
              </Text>
              <Text style={{ whiteSpace: "pre-line" }}>{referral.reason}</Text>
            </div>
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            {DECIDABLE.has(referral.state) ? (
              <AcceptanceCheck referral={referral} family={family.data} />
            ) : null}
            <SectionCard title={t("casework.referral.actionsTitle")}>
              {!DECIDABLE.has(referral.state) || referral.allowedEvents.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("casework.referral.noActions")}
                </Text>
              ) : !referral.abilities.write ? (
                <Text size="sm" c="dimmed">
                  {t("casework.referral.readOnly")}
                </Text>
              ) : (
                <Stack gap="sm">
                  <Group gap="sm">
                    {referral.allowedEvents.map((e) => (
                      <Button
                        key={e.event}
                        variant={e.event === "accept" || e.event === "start-screening" ? "filled" : "default"}
                        color={e.event === "reject" ? "red" : undefined}
                        disabled={e.event === "accept" && !referral.acceptance.canAccept}
                        onClick={() => setEvent(e)}
                      >
                        {labels.event(e.event)}
                      </Button>
                    ))}
                  </Group>
                  {referral.allowedEvents.some((e) => e.event === "accept") &&
                  !referral.acceptance.canAccept ? (
                    <Text size="sm" c="dimmed">
                      {t("casework.referral.acceptBlocked")}
                    </Text>
                  ) : null}
                </Stack>
              )}
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
      <SectionCard title={t("casework.referral.historyTitle")}>
        <TransitionsTable
          transitions={referral.transitions}
          machine="referral"
          caption={t("casework.referral.historyTitle")}
        />
      </SectionCard>
      {event ? (
        <ReferralEventDialog
          referral={referral}
          event={event}
          family={family.data}
          onClose={() => setEvent(null)}
          onSubmit={async (input) => {
            const saved = await versioned.run(
              () => transition.mutateAsync({ ...input, event: event.event, version: referral.version }),
              onReload,
            );
            setEvent(null);
            if (saved) notifySuccess(t("casework.referral.moved", { state: labels.state(event.to) }));
          }}
        />
      ) : null}
    </Stack>
  );
}

interface EventInput {
  on: string;
  reason?: string;
  providerOrganisationId?: string;
  consultantUserId?: string;
}

/** The dialog of one step; accepting also chooses the provider and (optionally) its consultant. */
function ReferralEventDialog({
  referral,
  event,
  onClose,
  onSubmit,
}: {
  referral: ReferralDetail;
  event: AllowedEvent;
  family: FamilyDetail | undefined;
  onClose: () => void;
  onSubmit: (input: EventInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const labels = useStepLabels("referral");
  const isAccept = event.event === "accept";
  const [providerId, setProviderId] = useState(
    referral.providers.length === 1 ? referral.providers[0]!.id : "",
  );
  const [consultantId, setConsultantId] = useState("");
  const consultants = useConsultants(isAccept && providerId ? providerId : null);
  const consultantOptions = consultants.data ?? [];

  return (
    <TransitionDialog
      title={labels.event(event.event)}
      fromLabel={labels.state(referral.state)}
      toLabel={labels.state(event.to)}
      isReasonRequired={event.isReasonRequired}
      isDestructive={event.event === "reject"}
      onClose={onClose}
      onSubmit={({ on, reason }) =>
        onSubmit({
          on,
          ...(reason ? { reason } : {}),
          ...(isAccept && providerId ? { providerOrganisationId: providerId } : {}),
          ...(isAccept && consultantId ? { consultantUserId: consultantId } : {}),
        })
      }
    >
      {isAccept && referral.providers.length > 0 ? (
        <Stack gap="md">
          <NativeSelect
            label={t("casework.referral.provider")}
            description={t("casework.referral.providerHint")}
            required
            value={providerId}
            data={[
              ...(referral.providers.length > 1 ? [{ value: "", label: t("common.choose") }] : []),
              ...referral.providers.map((p) => ({ value: p.id, label: p.name })),
            ]}
            onChange={(e) => {
              setProviderId(e.currentTarget.value);
              setConsultantId("");
            }}
          />
          {consultantOptions.length > 0 ? (
            <NativeSelect
              label={t("casework.referral.consultant")}
              description={t("casework.referral.consultantHint")}
              value={consultantId}
              data={[
                { value: "", label: t("casework.referral.noConsultant") },
                ...consultantOptions.map((c) => ({ value: c.id, label: c.name })),
              ]}
              onChange={(e) => setConsultantId(e.currentTarget.value)}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t("casework.referral.consultantLater")}
            </Text>
          )}
        </Stack>
      ) : null}
    </TransitionDialog>
  );
}
