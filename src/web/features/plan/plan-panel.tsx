import { Alert, Button, List, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.js";
import { QueryState } from "../../components/query-state.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useVersionedSave } from "../../lib/use-versioned-save.js";
import type { CourseDetail, CourseSummary, FamilyDetail } from "../families/casework-types.js";
import { useCourse } from "../families/family-queries.js";
import { AgreementDialog } from "./agreement-dialog.js";
import { PlanEditor } from "./plan-editor.js";
import { type PlanFormValues, planFormValues, toPlanInput } from "./plan-form-values.js";
import { planKeys, usePlan, usePlanVersion, usePlanVersions, useSavePlan } from "./plan-queries.js";
import { PlanReadView } from "./plan-read-view.js";
import { PlanSummary } from "./plan-summary.js";
import type { FamilyPlanView } from "./plan-types.js";
import { hasNoChanges, type UnsavedChanges, unsavedChangesOf } from "./unsaved-changes.js";
import { type PlanText, usePlanText } from "./use-plan-text.js";
import { VersionsSection } from "./versions-section.js";

const NO_TEAM: CourseDetail["team"] = [];

/** Familiens Plan of a course: the current version, the editor, the versions and their comparison. */
export function PlanPanel({ family, course }: { family: FamilyDetail; course: CourseSummary }) {
  const queryClient = useQueryClient();
  const plan = usePlan(course.id);
  // The case team names the users a measure may name as responsible.
  const detail = useCourse(course.id);
  const text = usePlanText(family, detail.data?.team);
  return (
    <QueryState query={plan}>
      {(view) => (
        <PlanContent
          view={view}
          family={family}
          team={detail.data?.team ?? NO_TEAM}
          text={text}
          // After a refused save: the current version, the list of versions and the comparison.
          onReload={() => queryClient.invalidateQueries({ queryKey: planKeys.course(course.id) })}
        />
      )}
    </QueryState>
  );
}

interface EditSession {
  /** The version the edit is based on: the If-Match of the save, fixed when editing starts. */
  baseVersion: number;
  initialValues: PlanFormValues;
}

function PlanContent({
  view,
  family,
  team,
  text,
  onReload,
}: {
  view: FamilyPlanView;
  family: FamilyDetail;
  team: CourseDetail["team"];
  text: PlanText;
  onReload: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "da";
  const format = useFormatters();
  const courseId = view.courseId;
  const versions = usePlanVersions(courseId);
  const save = useSavePlan(courseId);
  const versioned = useVersionedSave();
  const [session, setSession] = useState<EditSession | null>(null);
  const [viewed, setViewed] = useState<number | null>(null);
  const [isAgreeing, setIsAgreeing] = useState(false);
  const [refused, setRefused] = useState<UnsavedChanges | null>(null);
  const older = usePlanVersion(courseId, viewed);
  const topRef = useRef<HTMLDivElement>(null);
  const canWrite = view.abilities.write;

  const startEditing = () => {
    setRefused(null);
    setViewed(null);
    setSession({ baseVersion: view.currentVersion, initialValues: planFormValues(view.plan, language) });
  };
  const leaveEditor = () => {
    setSession(null);
    requestAnimationFrame(() => topRef.current?.scrollIntoView({ block: "start" }));
  };
  const saveEdit = async (edit: EditSession, values: PlanFormValues) => {
    let savedVersion = edit.baseVersion + 1;
    const saved = await versioned.run(async () => {
      const next = await save.mutateAsync({
        plan: toPlanInput(values, language),
        note: values.note.trim(),
        baseVersion: edit.baseVersion,
      });
      savedVersion = next.version;
    }, onReload);
    if (saved) {
      notifySuccess(t("plan.editor.saved", { version: savedVersion }));
    } else {
      // Nothing was written: show what the user had changed, so that it can be worked into the newest version.
      setRefused(unsavedChangesOf(edit.initialValues, values));
    }
    leaveEditor();
  };

  if (session) {
    return (
      <PlanEditor
        initialValues={session.initialValues}
        baseVersion={session.baseVersion}
        family={family}
        team={team}
        onCancel={leaveEditor}
        onSave={(values) => saveEdit(session, values)}
      />
    );
  }

  const shown = viewed !== null ? older : null;
  return (
    <Stack gap="lg" ref={topRef}>
      {versioned.staleMessage && refused ? (
        <StaleSaveAlert
          message={versioned.staleMessage}
          refused={refused}
          onEditLatest={canWrite ? startEditing : null}
        />
      ) : null}
      {!canWrite ? (
        <Text size="sm" c="dimmed">
          {t("plan.readOnly")}
        </Text>
      ) : null}
      {view.currentVersion === 0 ? (
        <EmptyState
          title={t("plan.emptyTitle")}
          description={t("plan.emptyText")}
          action={canWrite ? <Button onClick={startEditing}>{t("plan.create")}</Button> : null}
        />
      ) : shown ? (
        <QueryState query={shown}>
          {(old) => (
            <Stack gap="lg">
              <Alert
                color="blue"
                variant="light"
                title={t("plan.versions.viewing", { version: old.version })}
              >
                <Stack gap="sm" align="flex-start">
                  <Text size="sm">
                    {t("plan.versions.viewingText", {
                      name: old.createdByName ?? t("plan.summary.unknownUser"),
                      when: old.createdAt ? format.dateTime(old.createdAt) : "",
                      current: view.currentVersion,
                    })}
                  </Text>
                  <Button variant="default" size="xs" onClick={() => setViewed(null)}>
                    {t("plan.versions.backToCurrent")}
                  </Button>
                </Stack>
              </Alert>
              <PlanSummary view={old} />
              <PlanReadView view={old} text={text} />
            </Stack>
          )}
        </QueryState>
      ) : (
        <>
          <PlanSummary
            view={view}
            actions={canWrite ? { onEdit: startEditing, onAgree: () => setIsAgreeing(true) } : null}
          />
          <PlanReadView view={view} text={text} />
        </>
      )}
      {view.currentVersion > 0 ? (
        <QueryState query={versions}>
          {({ items }) => (
            <>
              <VersionsSection
                courseId={courseId}
                versions={items}
                currentVersion={view.currentVersion}
                viewedVersion={viewed ?? view.currentVersion}
                onView={(version) => {
                  setViewed(version === view.currentVersion ? null : version);
                  requestAnimationFrame(() => topRef.current?.scrollIntoView({ block: "start" }));
                }}
                text={text}
                currentGoals={view.plan.goals}
              />
              {isAgreeing ? (
                <AgreementDialog
                  courseId={courseId}
                  versions={items}
                  version={view.currentVersion}
                  onClose={() => setIsAgreeing(false)}
                />
              ) : null}
            </>
          )}
        </QueryState>
      ) : null}
    </Stack>
  );
}

/** A save refused with 409: the server's message (who saved what), and what this user had changed. */
function StaleSaveAlert({
  message,
  refused,
  onEditLatest,
}: {
  message: string;
  refused: UnsavedChanges;
  onEditLatest: (() => void) | null;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const lines = [
    ...refused.goals.map((g) => t(`plan.stale.goal_${g.change}`, { label: g.label })),
    ...refused.measures.map((m) => t(`plan.stale.measure_${m.change}`, { label: m.label })),
  ];
  return (
    <Alert ref={ref} tabIndex={-1} color="orange" variant="light" role="alert" title={t("errors.staleTitle")}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        {!hasNoChanges(refused) ? (
          <>
            <Text size="sm">{t("plan.stale.lost")}</Text>
            <List size="sm" spacing={2}>
              {lines.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        {refused.isNoteWritten ? <Text size="sm">{t("plan.stale.noteLost")}</Text> : null}
        <Text size="sm">{t("plan.stale.redo")}</Text>
        {onEditLatest ? (
          <Button size="xs" onClick={onEditLatest}>
            {t("plan.stale.editLatest")}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
