import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CASE_TASK_KINDS, type CaseTask, type CaseTaskKind } from "../../../contracts/casework-tasks.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { useCan } from "../../lib/use-can.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { ReviewDialog } from "./review-dialog.js";
import { useMyTasks } from "./task-queries.js";
import { type MyTasksSearch, TASK_PAGE_SIZE } from "./task-search.js";
import { TasksTable } from "./tasks-table.js";

/** "Mine opgaver": the signed-in user's deadlines across their courses (GET /api/tasks/mine), overdue first. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormatters();
  const search = useSearch({ from: "/tasks" });
  const navigate = useNavigate({ from: "/tasks" });
  const [reviewing, setReviewing] = useState<CaseTask | null>(null);
  const status = search.status ?? "open";
  const offset = search.offset ?? 0;
  // "Overdue" is about open tasks only; with done tasks shown it would always be empty.
  const overdue = status !== "done" && search.overdue === true;
  const tasks = useMyTasks({
    status,
    kind: search.kind,
    overdue,
    limit: TASK_PAGE_SIZE,
    offset,
  });
  // The count of overdue deadlines beside the heading, whatever the filters show.
  const overdueCount = useMyTasks({ status: "open", overdue: true, limit: 1, offset: 0 }).data?.total ?? 0;
  const isFiltered = Boolean(search.status || search.kind || search.overdue);
  const setFilters = (patch: Partial<MyTasksSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, offset: undefined }), replace: true });
  const goTo = (newOffset: number) =>
    void navigate({ search: (prev) => ({ ...prev, offset: newOffset > 0 ? newOffset : undefined }) });

  return (
    <>
      <PageHeader
        title={t("tasks.mine.title")}
        description={t("tasks.mine.description")}
        badges={
          overdueCount > 0 ? (
            <Badge color="red" variant="filled">
              {t("tasks.mine.overdueSummary", { count: overdueCount })}
            </Badge>
          ) : null
        }
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md" component="section" aria-label={t("tasks.mine.filtersTitle")}>
          <Group align="flex-end" gap="md" wrap="wrap">
            <NativeSelect
              label={t("tasks.mine.status")}
              value={status}
              data={(["open", "done", "all"] as const).map((s) => ({
                value: s,
                label: t(`tasks.mine.statuses.${s}`),
              }))}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setFilters({ status: value === "done" || value === "all" ? value : undefined });
              }}
              style={{ flex: "0 1 220px" }}
            />
            <NativeSelect
              label={t("tasks.mine.kind")}
              value={search.kind ?? ""}
              data={[
                { value: "", label: t("tasks.mine.allKinds") },
                ...CASE_TASK_KINDS.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) })),
              ]}
              onChange={(event) =>
                setFilters({ kind: (event.currentTarget.value || undefined) as CaseTaskKind | undefined })
              }
              style={{ flex: "0 1 260px" }}
            />
            <Checkbox
              label={t("tasks.mine.onlyOverdue")}
              checked={overdue}
              disabled={status === "done"}
              onChange={(event) => setFilters({ overdue: event.currentTarget.checked || undefined })}
              mb={8}
            />
            {isFiltered ? (
              <Button variant="subtle" onClick={() => void navigate({ search: {}, replace: true })}>
                {t("tasks.mine.clear")}
              </Button>
            ) : null}
          </Group>
        </Paper>
        <QueryState query={tasks}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState
                title={isFiltered ? t("tasks.mine.noMatches") : t("tasks.mine.empty")}
                description={isFiltered ? t("common.tryOtherSearch") : t("tasks.mine.emptyHint")}
              />
            ) : (
              <Stack gap="sm">
                <TasksTable
                  tasks={page.items}
                  caption={t("tasks.mine.showing", {
                    from: format.number(offset + 1),
                    to: format.number(offset + page.items.length),
                    total: format.number(page.total),
                  })}
                  showFamily
                  canWrite={can("family.write")}
                  onHoldReview={setReviewing}
                />
                {page.total > TASK_PAGE_SIZE ? (
                  <nav aria-label={t("tasks.mine.pagination")}>
                    <Group justify="space-between">
                      <Button
                        variant="default"
                        disabled={offset === 0}
                        onClick={() => goTo(Math.max(0, offset - TASK_PAGE_SIZE))}
                      >
                        {t("tasks.mine.previous")}
                      </Button>
                      <Text size="sm" c="dimmed">
                        {t("tasks.mine.pageOf", {
                          page: format.number(Math.floor(offset / TASK_PAGE_SIZE) + 1),
                          pages: format.number(Math.ceil(page.total / TASK_PAGE_SIZE)),
                        })}
                      </Text>
                      <Button
                        variant="default"
                        disabled={offset + TASK_PAGE_SIZE >= page.total}
                        onClick={() => goTo(offset + TASK_PAGE_SIZE)}
                      >
                        {t("tasks.mine.next")}
                      </Button>
                    </Group>
                  </nav>
                ) : null}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
      {reviewing ? (
        <ReviewDialog
          courseId={reviewing.courseId}
          familyName={reviewing.familyName}
          onClose={() => setReviewing(null)}
        />
      ) : null}
    </>
  );
}
