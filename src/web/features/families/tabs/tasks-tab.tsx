import { Alert, Button, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isCourseOpen } from "../../../../domain/casework/course-state.js";
import { EmptyState } from "../../../components/empty-state.js";
import { QueryState } from "../../../components/query-state.js";
import { RouterAnchor } from "../../../components/router-links.js";
import { SectionCard } from "../../../components/section-card.js";
import { useFormatters } from "../../../lib/use-formatters.js";
import { ReviewCard } from "../../tasks/review-card.js";
import { ReviewDialog } from "../../tasks/review-dialog.js";
import { useCourseReviews, useCourseTasks } from "../../tasks/task-queries.js";
import { TasksTable } from "../../tasks/tasks-table.js";
import type { CourseSummary } from "../casework-types.js";
import type { FamilyTabProps } from "../family-tab-types.js";

/** "Opgaver": the course's deadlines (open and done) with their actions, and the reviews held so far. */
export function FamilyTasksTab({ family, course }: FamilyTabProps) {
  const { t } = useTranslation();
  const [isReviewing, setIsReviewing] = useState(false);
  if (!course) return null; // the family page shows "no course yet" for tabs that need one
  const canWrite = family.abilities.write;
  const canReview = canWrite && isCourseOpen(course.state);

  return (
    <Stack gap="lg">
      <CourseTasksSection
        courseId={course.id}
        canWrite={canWrite}
        onHoldReview={() => setIsReviewing(true)}
      />
      <SectionCard
        title={t("tasks.reviews.title")}
        actions={
          canReview ? (
            <Button onClick={() => setIsReviewing(true)}>{t("tasks.actions.holdReview")}</Button>
          ) : null
        }
      >
        <ReviewsSection familyId={family.id} course={course} />
      </SectionCard>
      {isReviewing ? (
        <ReviewDialog
          courseId={course.id}
          familyName={family.name}
          acceptedOn={course.acceptedOn}
          onClose={() => setIsReviewing(false)}
        />
      ) : null}
    </Stack>
  );
}

function CourseTasksSection(props: { courseId: string; canWrite: boolean; onHoldReview: () => void }) {
  const { t } = useTranslation();
  const tasks = useCourseTasks(props.courseId);
  return (
    <SectionCard title={t("tasks.tab.tasksTitle")}>
      <Text size="sm" c="dimmed" maw={760}>
        {t("tasks.tab.tasksDescription")}
      </Text>
      <QueryState query={tasks}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t("tasks.tab.empty")} />
          ) : (
            <TasksTable
              tasks={page.items}
              caption={t("tasks.tab.caption")}
              showFamily={false}
              canWrite={props.canWrite}
              onHoldReview={props.onHoldReview}
            />
          )
        }
      </QueryState>
    </SectionCard>
  );
}

/** The reviews, newest first, with the next review's date and a hint when the course must be moved on. */
function ReviewsSection({ familyId, course }: { familyId: string; course: CourseSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const reviews = useCourseReviews(course.id);
  const tasks = useCourseTasks(course.id);
  const nextReview = tasks.data?.items.find((x) => x.kind === "review" && x.doneAt === null);
  const isOpen = isCourseOpen(course.state);
  const stateLabel = t(`casework.courseStates.${course.state}`).toLowerCase();
  const courseTabLink = (
    <RouterAnchor
      to="/families/$familyId"
      params={{ familyId }}
      search={{ tab: "course", courseId: course.id }}
      size="sm"
    >
      {t("tasks.reviews.goToCourse")}
    </RouterAnchor>
  );

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={760}>
        {t("tasks.reviews.description")}
      </Text>
      {nextReview ? (
        <Text fw={600} c={nextReview.isOverdue ? "red.9" : undefined}>
          {nextReview.isOverdue
            ? t("tasks.reviews.nextDueOverdue", { date: format.date(nextReview.dueOn) })
            : t("tasks.reviews.nextDue", { date: format.date(nextReview.dueOn) })}
        </Text>
      ) : null}
      {!isOpen ? (
        <Text size="sm" c="dimmed">
          {t("tasks.reviews.closedCourse", { state: stateLabel })}
        </Text>
      ) : null}
      <QueryState query={reviews}>
        {({ items }) => {
          const latest = items[0];
          const hint =
            isOpen && latest?.decision === "end" ? (
              <Alert color="orange" variant="light">
                <Stack gap={4} align="flex-start">
                  <Text size="sm">
                    {t("tasks.reviews.endHint", { date: format.date(latest.heldOn), state: stateLabel })}
                  </Text>
                  {courseTabLink}
                </Stack>
              </Alert>
            ) : course.state === "review" ? (
              <Alert color="bundlinje" variant="light">
                <Stack gap={4} align="flex-start">
                  <Text size="sm">{t("tasks.reviews.reviewStateHint")}</Text>
                  {courseTabLink}
                </Stack>
              </Alert>
            ) : null;
          return (
            <Stack gap="md">
              {hint}
              {items.length === 0 ? (
                <EmptyState title={t("tasks.reviews.empty")} />
              ) : (
                items.map((review) => <ReviewCard key={review.id} review={review} />)
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
