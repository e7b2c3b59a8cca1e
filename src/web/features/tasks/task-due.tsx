import { Badge, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CaseTask } from "../../../contracts/casework-tasks.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { dueStatusOf } from "./task-dates.js";

const nowrap = { whiteSpace: "nowrap" } as const;
/** A badge that never cuts its words short (Mantine's ellipsis would hide the days). */
const fullBadge = {
  root: { maxWidth: "none", overflow: "visible" },
  label: { overflow: "visible" },
} as const;

/** A task's due date with its flag: overdue (days), due today, due soon, or done. */
export function TaskDue({ task, today }: { task: CaseTask; today: CalendarDate }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const isDone = task.doneAt !== null;
  const status = isDone ? null : dueStatusOf(task.dueOn, today);
  // The server's flag decides "overdue"; the days are counted here for the words.
  const isOverdue = !isDone && task.isOverdue;
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm" style={nowrap} fw={isOverdue ? 600 : undefined} c={isOverdue ? "red.9" : undefined}>
        {format.date(task.dueOn)}
      </Text>
      {isDone ? (
        <Badge styles={fullBadge} size="sm" color="green" variant="light">
          {t("tasks.due.done")}
        </Badge>
      ) : isOverdue ? (
        <Badge styles={fullBadge} size="sm" color="red" variant="filled">
          {t("tasks.due.overdue", { count: status?.kind === "overdue" ? status.days : 1 })}
        </Badge>
      ) : status?.kind === "today" ? (
        <Badge styles={fullBadge} size="sm" color="orange" variant="light">
          {t("tasks.due.today")}
        </Badge>
      ) : status?.kind === "soon" ? (
        <Badge styles={fullBadge} size="sm" color="orange" variant="light">
          {t("tasks.due.soon", { count: status.days })}
        </Badge>
      ) : null}
    </Stack>
  );
}
