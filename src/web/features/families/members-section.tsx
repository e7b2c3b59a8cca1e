import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { AddMemberDialog } from "./add-member-dialog.js";
import { ageOn, todayInDenmark } from "./case-dates.js";
import type { FamilyDetail, FamilyMember } from "./casework-types.js";
import { CprRevealButton } from "./cpr-reveal-button.js";
import { EndDateDialog } from "./end-date-dialog.js";
import { useEndMembership } from "./family-queries.js";
import { useLanguageList } from "./language-names.js";

const fullName = (m: FamilyMember) => `${m.person.firstName} ${m.person.lastName}`;

/** "Husstanden": who lives in the family today (and who moved out), with CPR masked. */
export function MembersSection({ family }: { family: FamilyDetail }) {
  const { t } = useTranslation();
  const [isAdding, setIsAdding] = useState(false);
  const [movingOut, setMovingOut] = useState<FamilyMember | null>(null);
  const current = family.members.filter((m) => m.isCurrent);
  const former = family.members.filter((m) => !m.isCurrent);
  return (
    <SectionCard
      title={t("casework.members.title")}
      actions={
        family.abilities.write ? (
          <Button variant="default" size="sm" onClick={() => setIsAdding(true)}>
            {t("casework.members.add")}
          </Button>
        ) : null
      }
    >
      {current.length === 0 ? (
        <Text c="dimmed">{t("casework.members.empty")}</Text>
      ) : (
        <MembersTable
          members={current}
          family={family}
          caption={t("casework.members.title")}
          onMoveOut={family.abilities.write ? setMovingOut : undefined}
        />
      )}
      {former.length > 0 ? (
        <Stack gap="xs">
          <Text component="h3" fw={650} size="md">
            {t("casework.members.formerTitle")}
          </Text>
          <MembersTable members={former} family={family} caption={t("casework.members.formerTitle")} />
        </Stack>
      ) : null}
      {isAdding ? <AddMemberDialog family={family} onClose={() => setIsAdding(false)} /> : null}
      {movingOut ? (
        <EndMembershipDialog familyId={family.id} member={movingOut} onClose={() => setMovingOut(null)} />
      ) : null}
    </SectionCard>
  );
}

interface MembersTableProps {
  members: FamilyMember[];
  family: FamilyDetail;
  caption: string;
  onMoveOut?: (member: FamilyMember) => void;
}

function MembersTable({ members, family, caption, onMoveOut }: MembersTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const languageList = useLanguageList();
  const today = todayInDenmark();
  return (
    <TableScroll label={caption}>
      <Table miw={900} striped withTableBorder bg="white" verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("casework.members.name")}</Table.Th>
            <Table.Th scope="col">{t("casework.members.role")}</Table.Th>
            <Table.Th scope="col">{t("casework.members.age")}</Table.Th>
            <Table.Th scope="col">{t("casework.members.languages")}</Table.Th>
            <Table.Th scope="col">{t("casework.members.school")}</Table.Th>
            <Table.Th scope="col">{t("casework.members.cpr")}</Table.Th>
            {onMoveOut ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t("casework.members.actions")}</VisuallyHidden>
              </Table.Th>
            ) : (
              <Table.Th scope="col">{t("casework.members.period")}</Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => {
            const age = ageOn(m.person.birthDate, today);
            return (
              <Table.Tr key={m.membershipId}>
                <Table.Th scope="row" fw={600}>
                  {fullName(m)}
                  <Text size="xs" c="dimmed" fw={400}>
                    {t(`casework.sexes.${m.person.sex}`)} · {format.date(m.person.birthDate)}
                  </Text>
                </Table.Th>
                <Table.Td>{t(`casework.householdRoles.${m.role}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {age === null ? t("casework.none") : t("casework.ageYears", { count: age })}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {m.person.languages.length > 0 ? languageList(m.person.languages) : t("casework.none")}
                  </Text>
                  <Group gap={6} mt={2}>
                    <Text size="xs" c="dimmed">
                      {t("casework.members.danish")}:{" "}
                      {t(`casework.proficiency.${m.person.danishProficiency}`)}
                    </Text>
                    {m.person.interpreterNeeded ? (
                      <Badge size="xs" color="orange" variant="light">
                        {t("casework.interpreter")}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>{m.person.schoolOrDayCare || t("casework.none")}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {m.person.cprMasked ? (
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" ff="monospace">
                        {m.person.cprMasked}
                      </Text>
                      {family.abilities.revealCpr ? (
                        <CprRevealButton personId={m.person.id} name={fullName(m)} />
                      ) : null}
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t("casework.members.noCpr")}
                    </Text>
                  )}
                </Table.Td>
                {onMoveOut ? (
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => onMoveOut(m)}
                      aria-label={t("casework.members.moveOutNamed", { name: fullName(m) })}
                    >
                      {t("casework.members.moveOut")}
                    </Button>
                  </Table.Td>
                ) : (
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {m.toOn
                      ? t("casework.members.between", {
                          from: format.date(m.fromOn),
                          to: format.date(m.toOn),
                        })
                      : t("casework.members.since", { date: format.date(m.fromOn) })}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function EndMembershipDialog({
  familyId,
  member,
  onClose,
}: {
  familyId: string;
  member: FamilyMember;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const endMembership = useEndMembership(familyId);
  const name = fullName(member);
  return (
    <EndDateDialog
      title={t("casework.members.moveOutTitle", { name })}
      intro={t("casework.members.moveOutText")}
      dateLabel={t("casework.members.moveOutDate")}
      submitLabel={t("casework.members.moveOut")}
      successMessage={t("casework.members.movedOut", { name })}
      minDate={member.fromOn}
      onEnd={(toOn) => endMembership.mutateAsync({ membershipId: member.membershipId, toOn })}
      onClose={onClose}
    />
  );
}
