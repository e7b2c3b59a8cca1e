import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CourseState } from "../../../domain/casework/course-state.js";
import { DefinitionList } from "../../components/definition-list.js";
import { RouterAnchor } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useVersionedSave } from "../../lib/use-versioned-save.js";
import type { AllowedEvent, CourseDetail } from "./casework-types.js";
import { useCourseTransition } from "./family-queries.js";
import { CourseStateBadge } from "./state-badges.js";
import { TeamSection } from "./team-section.js";
import { TransitionDialog } from "./transition-dialog.js";
import { TransitionsTable, useStepLabels } from "./transitions-table.js";

/** The course: its state and the steps it may take now, the case team, and its history. */
export function CoursePanel({
  course,
  onReload,
}: {
  course: CourseDetail;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const labels = useStepLabels("course");
  const transition = useCourseTransition(course.id);
  const versioned = useVersionedSave();
  const [event, setEvent] = useState<AllowedEvent | null>(null);

  return (
    <Stack gap="lg">
      <SectionCard title={t("casework.course.title")}>
        {versioned.staleMessage ? (
          <Alert color="orange" variant="light" role="alert" title={t("errors.staleTitle")}>
            {versioned.staleMessage}
          </Alert>
        ) : null}
        <DefinitionList
          items={[
            {
              label: t("casework.course.state"),
              value: (
                <Group gap="xs" component="span">
                  <CourseStateBadge state={course.state} />
                  <Text component="span" size="sm" c="dimmed">
                    {t("casework.referrals.stateSince", { date: format.date(course.stateSince) })}
                  </Text>
                </Group>
              ),
            },
            { label: t("casework.course.acceptedOn"), value: format.date(course.acceptedOn) },
            {
              label: t("casework.course.projectTrack"),
              value: `${course.projectName} · ${course.trackName}`,
            },
            {
              label: t("casework.course.provider"),
              value: course.providerName ?? t("casework.course.noProvider"),
            },
            {
              label: t("casework.course.referral"),
              value: (
                <RouterAnchor to="/referrals/$referralId" params={{ referralId: course.referralId }}>
                  {t("casework.family.openReferral")}
                </RouterAnchor>
              ),
            },
          ]}
        />
        <Stack gap="xs">
          <Text component="h3" fw={650} size="md">
            {t("casework.course.actionsTitle")}
          </Text>
          {!course.abilities.write ? (
            <Text size="sm" c="dimmed">
              {t("casework.course.readOnly")}
            </Text>
          ) : course.allowedEvents.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("casework.course.noActions")}
            </Text>
          ) : (
            <Group gap="sm">
              {course.allowedEvents.map((e) => (
                <Button
                  key={e.event}
                  variant={e.event === "end-early" ? "outline" : "filled"}
                  color={e.event === "end-early" ? "red" : undefined}
                  onClick={() => setEvent(e)}
                >
                  {labels.event(e.event)}
                </Button>
              ))}
            </Group>
          )}
        </Stack>
      </SectionCard>
      <TeamSection course={course} />
      <SectionCard title={t("casework.course.historyTitle")}>
        <TransitionsTable
          transitions={course.transitions}
          machine="course"
          caption={t("casework.course.historyTitle")}
        />
      </SectionCard>
      {event ? (
        <TransitionDialog
          title={labels.event(event.event)}
          fromLabel={labels.state(course.state)}
          toLabel={labels.state(event.to)}
          isReasonRequired={event.isReasonRequired}
          isDestructive={event.event === "end-early"}
          onClose={() => setEvent(null)}
          onSubmit={async ({ on, reason }) => {
            const saved = await versioned.run(
              () =>
                transition.mutateAsync({
                  event: event.event,
                  on,
                  ...(reason ? { reason } : {}),
                  version: course.version,
                }),
              onReload,
            );
            setEvent(null);
            if (saved)
              notifySuccess(t("casework.course.moved", { state: labels.state(event.to as CourseState) }));
          }}
        />
      ) : null}
    </Stack>
  );
}
