import { Badge, Button, Collapse, Stack, Table, Text } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { CONSENT_PURPOSES, type ConsentPurpose } from "../../../domain/casework/consent.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import type { Consent, FamilyDetail } from "./casework-types.js";
import { ConsentDialog } from "./consent-dialog.js";

const newestFirst = (a: Consent, b: Consent) =>
  b.recordedOn.localeCompare(a.recordedOn) || b.createdAt.localeCompare(a.createdAt);

/** The latest record per purpose and subject (the family, or one person): the consent in force. */
function effectiveConsents(consents: Consent[]): Map<ConsentPurpose, Consent[]> {
  const byPurpose = new Map<ConsentPurpose, Consent[]>();
  for (const purpose of CONSENT_PURPOSES) {
    const latest = new Map<string, Consent>();
    for (const c of consents.filter((x) => x.purpose === purpose).sort(newestFirst)) {
      const subject = c.personId ?? "family";
      if (!latest.has(subject)) latest.set(subject, c);
    }
    byPurpose.set(purpose, [...latest.values()]);
  }
  return byPurpose;
}

/** "Samtykker": per purpose, the consent in force (given or withdrawn, by whom, when) and the history. */
export function ConsentsSection({ family }: { family: FamilyDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [isRecording, setIsRecording] = useState(false);
  const [isHistoryOpen, setIsHistoryOpen] = useState(false);
  const historyId = useId();
  const effective = effectiveConsents(family.consents);
  const personName = (personId: string | null) => {
    if (!personId) return t("casework.consents.wholeFamily");
    const m = family.members.find((x) => x.person.id === personId);
    return m ? `${m.person.firstName} ${m.person.lastName}` : t("casework.none");
  };
  const missingPurposes = CONSENT_PURPOSES.filter((p) => (effective.get(p) ?? []).length === 0);

  return (
    <SectionCard
      title={t("casework.consents.title")}
      actions={
        family.abilities.write ? (
          <Button variant="default" size="sm" onClick={() => setIsRecording(true)}>
            {t("casework.consents.record")}
          </Button>
        ) : null
      }
    >
      <Text size="sm" c="dimmed" maw={760}>
        {t("casework.consents.description")}
      </Text>
      <TableScroll label={t("casework.consents.title")}>
        <Table miw={760} withTableBorder bg="white" verticalSpacing="xs">
          <Table.Caption>{t("casework.consents.title")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("casework.consents.purpose")}</Table.Th>
              <Table.Th scope="col">{t("casework.consents.subject")}</Table.Th>
              <Table.Th scope="col">{t("casework.consents.status")}</Table.Th>
              <Table.Th scope="col">{t("casework.consents.recordedOn")}</Table.Th>
              <Table.Th scope="col">{t("casework.consents.recordedBy")}</Table.Th>
              <Table.Th scope="col">{t("casework.consents.note")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {CONSENT_PURPOSES.flatMap((purpose) => {
              const records = effective.get(purpose) ?? [];
              const label = t(`casework.consentPurposes.${purpose}`);
              if (records.length === 0) {
                return [
                  <Table.Tr key={purpose}>
                    <Table.Th scope="row" fw={600}>
                      {label}
                    </Table.Th>
                    <Table.Td>{t("casework.none")}</Table.Td>
                    <Table.Td>
                      <Badge color="gray" variant="outline" size="sm">
                        {t("casework.consents.missing")}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{t("casework.none")}</Table.Td>
                    <Table.Td>{t("casework.none")}</Table.Td>
                    <Table.Td>{t("casework.none")}</Table.Td>
                  </Table.Tr>,
                ];
              }
              return records.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={600}>
                    {label}
                  </Table.Th>
                  <Table.Td>{personName(c.personId)}</Table.Td>
                  <Table.Td>
                    <Badge color={c.isGiven ? "green" : "red"} variant="light" size="sm">
                      {c.isGiven ? t("casework.consents.given") : t("casework.consents.withdrawn")}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{format.date(c.recordedOn)}</Table.Td>
                  <Table.Td>{c.recordedByName ?? t("casework.none")}</Table.Td>
                  <Table.Td maw={280}>{c.note || t("casework.none")}</Table.Td>
                </Table.Tr>
              ));
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {family.consents.length > 0 ? (
        <Stack gap="xs">
          <div>
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={isHistoryOpen}
              aria-controls={historyId}
              onClick={() => setIsHistoryOpen((open) => !open)}
            >
              {t("casework.consents.history", { count: family.consents.length })}
            </Button>
          </div>
          <Collapse expanded={isHistoryOpen} id={historyId}>
            <TableScroll label={t("casework.consents.historyTitle")}>
              <Table miw={760} striped withTableBorder bg="white" verticalSpacing="xs">
                <Table.Caption>{t("casework.consents.historyTitle")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("casework.consents.recordedOn")}</Table.Th>
                    <Table.Th scope="col">{t("casework.consents.purpose")}</Table.Th>
                    <Table.Th scope="col">{t("casework.consents.subject")}</Table.Th>
                    <Table.Th scope="col">{t("casework.consents.status")}</Table.Th>
                    <Table.Th scope="col">{t("casework.consents.recordedBy")}</Table.Th>
                    <Table.Th scope="col">{t("casework.consents.note")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...family.consents].sort(newestFirst).map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{format.date(c.recordedOn)}</Table.Td>
                      <Table.Td>{t(`casework.consentPurposes.${c.purpose}`)}</Table.Td>
                      <Table.Td>{personName(c.personId)}</Table.Td>
                      <Table.Td>
                        {c.isGiven ? t("casework.consents.given") : t("casework.consents.withdrawn")}
                      </Table.Td>
                      <Table.Td>
                        {c.recordedByName ?? t("casework.none")}
                        <Text size="xs" c="dimmed">
                          {format.dateTime(c.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={280}>{c.note || t("casework.none")}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Collapse>
        </Stack>
      ) : null}
      {isRecording ? (
        <ConsentDialog
          family={family}
          initialPurposes={missingPurposes}
          onClose={() => setIsRecording(false)}
        />
      ) : null}
    </SectionCard>
  );
}
