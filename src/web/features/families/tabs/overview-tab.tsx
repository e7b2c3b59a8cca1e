import { Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterAnchor } from "../../../components/router-links.js";
import { SectionCard } from "../../../components/section-card.js";
import { TableScroll } from "../../../components/table-scroll.js";
import { useFormatters } from "../../../lib/use-formatters.js";
import { ConsentsSection } from "../consents-section.js";
import type { FamilyTabProps } from "../family-tab-types.js";
import { MembersSection } from "../members-section.js";
import { CourseStateBadge, ReferralStateBadge } from "../state-badges.js";

/** "Overblik": the household, the family's referrals and courses, and its consents. */
export function FamilyOverviewTab({ family }: FamilyTabProps) {
  return (
    <Stack gap="lg">
      <MembersSection family={family} />
      <CasesSection family={family} />
      <ConsentsSection family={family} />
    </Stack>
  );
}

/** The family's referrals, each with the course it opened (if accepted). */
function CasesSection({ family }: Pick<FamilyTabProps, "family">) {
  const { t } = useTranslation();
  const format = useFormatters();
  const courseOf = (referralId: string) =>
    family.referrals.find((r) => r.id === referralId)?.courseId ?? null;
  return (
    <SectionCard title={t("casework.family.casesTitle")}>
      {family.referrals.length === 0 ? (
        <Text c="dimmed">{t("casework.family.noCases")}</Text>
      ) : (
        <TableScroll label={t("casework.family.casesTitle")}>
          <Table miw={720} withTableBorder bg="white" verticalSpacing="xs">
            <Table.Caption>{t("casework.family.casesTitle")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("casework.family.referral")}</Table.Th>
                <Table.Th scope="col">{t("casework.referrals.columns.projectTrack")}</Table.Th>
                <Table.Th scope="col">{t("casework.referrals.columns.state")}</Table.Th>
                <Table.Th scope="col">{t("casework.family.course")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {family.referrals.map((r) => {
                const courseId = courseOf(r.id);
                const course = family.courses.find((c) => c.id === courseId);
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <RouterAnchor to="/referrals/$referralId" params={{ referralId: r.id }}>
                        {t("casework.family.referredOn", { date: format.date(r.referredOn) })}
                      </RouterAnchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.trackName}</Text>
                      <Text size="xs" c="dimmed">
                        {r.projectName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ReferralStateBadge state={r.state} size="sm" />
                    </Table.Td>
                    <Table.Td>
                      {course ? (
                        <Group gap="xs">
                          <RouterAnchor
                            to="/families/$familyId"
                            params={{ familyId: family.id }}
                            search={{ tab: "course", courseId: course.id }}
                          >
                            {t("casework.family.acceptedOn", { date: format.date(course.acceptedOn) })}
                          </RouterAnchor>
                          <CourseStateBadge state={course.state} size="sm" />
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t("casework.none")}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </SectionCard>
  );
}
