import { Button, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseTask } from "../../../contracts/casework-tasks.js";
import { danishDateOf } from "../../../domain/casework/danish-time.js";
import { RouterAnchor } from "../../components/router-links.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { todayInDenmark } from "../families/case-dates.js";
import { CompleteTaskDialog } from "./complete-task-dialog.js";
import { TaskDue } from "./task-due.js";

interface TasksTableProps {
  tasks: CaseTask[];
  caption: string;
  /** "Mine opgaver" shows the family (a link to its Opgaver tab); the family page does not. */
  showFamily: boolean;
  /** Whether the user may complete tasks and hold reviews (the server decides each request). */
  canWrite: boolean;
  /** A review task's action: hold the review (the review records the task as done). */
  onHoldReview: (task: CaseTask) => void;
}

/** Tasks as a table: due date with its flag, kind, title and the action (complete, or hold the review). */
export function TasksTable({ tasks, caption, showFamily, canWrite, onHoldReview }: TasksTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = todayInDenmark();
  const [completing, setCompleting] = useState<CaseTask | null>(null);

  return (
    <>
      <TableScroll label={caption}>
        <Table miw={showFamily ? 960 : 760} striped highlightOnHover withTableBorder bg="white">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("tasks.columns.due")}</Table.Th>
              {showFamily ? <Table.Th scope="col">{t("tasks.columns.family")}</Table.Th> : null}
              <Table.Th scope="col">{t("tasks.columns.kind")}</Table.Th>
              <Table.Th scope="col">{t("tasks.columns.task")}</Table.Th>
              <Table.Th scope="col">{t("tasks.columns.action")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <TaskDue task={task} today={today} />
                </Table.Td>
                {showFamily ? (
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <RouterAnchor
                      to="/families/$familyId"
                      params={{ familyId: task.familyId }}
                      search={{ tab: "tasks", courseId: task.courseId }}
                      fw={600}
                      size="sm"
                    >
                      {task.familyName}
                    </RouterAnchor>
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Text size="sm">{t(`tasks.kinds.${task.kind}`)}</Text>
                </Table.Td>
                <Table.Td maw={420}>
                  <Text size="sm">{task.title}</Text>
                </Table.Td>
                <Table.Td>
                  {task.doneAt ? (
                    <Text size="sm" c="dimmed">
                      {task.doneByName
                        ? t("tasks.doneBy", {
                            date: format.date(danishDateOf(new Date(task.doneAt))),
                            name: task.doneByName,
                          })
                        : t("tasks.doneOn", { date: format.date(danishDateOf(new Date(task.doneAt))) })}
                    </Text>
                  ) : !canWrite ? (
                    <Text size="sm" c="dimmed">
                      {t("tasks.readOnly")}
                    </Text>
                  ) : task.kind === "review" ? (
                    <Button size="xs" onClick={() => onHoldReview(task)}>
                      {t("tasks.actions.holdReview")}
                      <VisuallyHidden>{`: ${task.familyName}`}</VisuallyHidden>
                    </Button>
                  ) : (
                    <Button size="xs" variant="default" onClick={() => setCompleting(task)}>
                      {t("tasks.actions.complete")}
                      <VisuallyHidden>{`: ${task.title} (${task.familyName})`}</VisuallyHidden>
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {completing ? <CompleteTaskDialog task={completing} onClose={() => setCompleting(null)} /> : null}
    </>
  );
}
