import { Badge, type MantineColor, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CourseReview, ReviewDecision } from "../../../contracts/casework-tasks.js";
import { DefinitionList } from "../../components/definition-list.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";

// Only the theme's AA-checked palettes are used for badges (see families/state-badges.tsx).
const DECISION_COLOURS: Record<ReviewDecision, MantineColor> = {
  continue: "green",
  adjust: "orange",
  end: "gray",
};

/** A review's decision as a badge. */
export function ReviewDecisionBadge({ decision }: { decision: ReviewDecision }) {
  const { t } = useTranslation();
  return (
    <Badge color={DECISION_COLOURS[decision]} variant={decision === "end" ? "outline" : "light"}>
      {t(`tasks.decisions.${decision}`)}
    </Badge>
  );
}

/** One review held: date, decision, who, the reasons, and the snapshot of the plan it looked at. */
export function ReviewCard({ review }: { review: CourseReview }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { snapshot } = review;
  const heading = t("tasks.reviews.heading", { date: format.date(review.heldOn) });
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={heading}>
      <Stack gap="md">
        <Title order={3} size="h5">
          {heading}
        </Title>
        <DefinitionList
          items={[
            { label: t("tasks.reviews.decision"), value: <ReviewDecisionBadge decision={review.decision} /> },
            {
              label: t("tasks.reviews.heldBy"),
              value: `${review.createdByName ?? t("tasks.reviews.unknownUser")} · ${format.dateTime(review.createdAt)}`,
            },
            {
              label: t("tasks.reviews.planVersion"),
              value:
                snapshot.planVersion > 0
                  ? t("tasks.reviews.planVersionValue", { version: snapshot.planVersion })
                  : t("tasks.reviews.noPlan"),
            },
            {
              label: t("tasks.reviews.contacts"),
              value: t("tasks.reviews.contactsValue", {
                count: snapshot.contactsSinceLastReview,
                date: format.date(snapshot.contactsFromOn),
              }),
            },
          ]}
        />
        <div>
          <Text size="sm" c="dimmed">
            {t("tasks.reviews.reasons")}
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{review.reasons}</Text>
        </div>
        <Stack gap="md">
          <Stack gap={6} maw={560}>
            <Title order={4} size="h6">
              {t("tasks.reviews.goals")}
            </Title>
            {snapshot.goals.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("tasks.reviews.noGoals")}
              </Text>
            ) : (
              <Table withTableBorder verticalSpacing={4} fz="sm" bg="white">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("tasks.reviews.goalCategory")}</Table.Th>
                    <Table.Th scope="col">{t("tasks.reviews.goalStatus")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {snapshot.goals.map((g) => (
                    <Table.Tr key={g.id}>
                      <Table.Td>{t(`tasks.goalCategories.${g.category}`)}</Table.Td>
                      <Table.Td>{t(`tasks.goalStatuses.${g.status}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
          <Stack gap={6}>
            <Title order={4} size="h6">
              {t("tasks.reviews.measures")}
            </Title>
            {snapshot.measures.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("tasks.reviews.noMeasures")}
              </Text>
            ) : (
              <TableScroll label={t("tasks.reviews.measures")}>
                <Table withTableBorder verticalSpacing={4} fz="sm" bg="white" miw={560}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("tasks.reviews.measure")}</Table.Th>
                      <Table.Th scope="col">{t("tasks.reviews.period")}</Table.Th>
                      <Table.Th scope="col">{t("tasks.reviews.measureStatus")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {snapshot.measures.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td>
                          {m.what}
                          <Text size="xs" c="dimmed">
                            {t(`tasks.departments.${m.department}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>
                          {m.endOn
                            ? `${format.date(m.startOn)} – ${format.date(m.endOn)}`
                            : t("tasks.reviews.periodOpen", { from: format.date(m.startOn) })}
                        </Table.Td>
                        <Table.Td>{t(`tasks.measureStatuses.${m.status}`)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </Stack>
        </Stack>
      </Stack>
    </Paper>
  );
}
