import { Badge, Button, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TableScroll } from "../../components/table-scroll.js";
import { recordSubjectKey } from "./measurement-model.js";
import type { CourseMeasurements, MeasurementRecord } from "./measurement-queries.js";
import { resultText } from "./measurement-summary.js";
import type { MeasurementText } from "./use-measurement-text.js";

/** Rows shown at first, and how many more each "Vis flere" adds. */
const PAGE = 15;

interface MeasurementHistoryProps {
  data: CourseMeasurements;
  text: MeasurementText;
  /** Opens the correction form; absent when the user may not correct. */
  onCorrect?: (record: MeasurementRecord) => void;
}

/**
 * Every measurement of the course, newest first, corrected ones included: a corrected record stays,
 * marked "Rettet" with when, by whom and why; its correction says what it replaces. Only effective
 * records can be corrected.
 */
export function MeasurementHistory({ data, text, onCorrect }: MeasurementHistoryProps) {
  const { t } = useTranslation();
  const [instrumentCode, setInstrumentCode] = useState("");
  const [shown, setShown] = useState(PAGE);
  const byId = new Map(data.measurements.map((m) => [m.id, m]));
  const instruments = data.instruments.filter((i) =>
    data.measurements.some((m) => m.instrumentCode === i.code),
  );
  const records = data.measurements
    .filter((m) => !instrumentCode || m.instrumentCode === instrumentCode)
    .sort((a, b) => b.measuredOn.localeCompare(a.measuredOn) || b.recordedAt.localeCompare(a.recordedAt));
  const nameOf = (code: string) => {
    const instrument = data.instruments.find((i) => i.code === code);
    return instrument ? text.instrumentName(instrument) : code;
  };
  const caption = t("measurements.history.caption");

  return (
    <Stack gap="md">
      <NativeSelect
        label={t("measurements.history.filter")}
        value={instrumentCode}
        onChange={(event) => {
          setInstrumentCode(event.currentTarget.value);
          setShown(PAGE);
        }}
        data={[
          { value: "", label: t("measurements.history.allInstruments") },
          ...instruments.map((i) => ({ value: i.code, label: text.instrumentName(i) })),
        ]}
        maw={320}
      />
      {records.length === 0 ? (
        <Text c="dimmed">{t("measurements.history.empty")}</Text>
      ) : (
        <>
          <Text size="sm" fw={600} aria-live="polite">
            {t("measurements.history.showing", {
              shown: Math.min(shown, records.length),
              total: records.length,
            })}
          </Text>
          <TableScroll label={caption}>
            <Table miw={860} withTableBorder bg="white" verticalSpacing="sm">
              <Table.Caption>{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("measurements.history.columns.measuredOn")}</Table.Th>
                  <Table.Th scope="col">{t("measurements.history.columns.measurement")}</Table.Th>
                  <Table.Th scope="col" w="36%">
                    {t("measurements.history.columns.result")}
                  </Table.Th>
                  <Table.Th scope="col">{t("measurements.history.columns.respondent")}</Table.Th>
                  <Table.Th scope="col">{t("measurements.history.columns.recorded")}</Table.Th>
                  {onCorrect ? (
                    <Table.Th scope="col">{t("measurements.history.columns.action")}</Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {records.slice(0, shown).map((m) => {
                  const replacement = m.supersededById ? byId.get(m.supersededById) : undefined;
                  const replaced = m.supersedesId ? byId.get(m.supersedesId) : undefined;
                  const who = text.subjectName(recordSubjectKey(m));
                  const isCorrected = m.supersededById !== null;
                  return (
                    <Table.Tr key={m.id} bg={isCorrected ? "gray.0" : undefined}>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{text.date(m.measuredOn)}</Table.Td>
                      <Table.Td maw={260}>
                        <Text size="sm" fw={500}>
                          {nameOf(m.instrumentCode)}
                        </Text>
                        <Text size="sm">{who}</Text>
                      </Table.Td>
                      <Table.Td maw={380}>
                        <Stack gap={4}>
                          <Group gap={6}>
                            {isCorrected ? (
                              <Badge color="orange" variant="light">
                                {t("measurements.history.corrected")}
                              </Badge>
                            ) : null}
                            {replaced ? (
                              <Badge color="blue" variant="light">
                                {t("measurements.history.correction")}
                              </Badge>
                            ) : null}
                            <Text size="sm" td={isCorrected ? "line-through" : undefined}>
                              {resultText(data, m, text)}
                            </Text>
                          </Group>
                          {m.period ? (
                            <Text size="xs" c="dimmed">
                              {t("measurements.history.period", {
                                from: text.date(m.period.from),
                                to: text.date(m.period.to),
                              })}
                            </Text>
                          ) : null}
                          {replacement ? (
                            <Text size="sm">
                              {replacement.recordedByName
                                ? t("measurements.history.correctedBy", {
                                    date: text.dayOf(replacement.recordedAt),
                                    name: replacement.recordedByName,
                                    reason: replacement.correctionReason ?? "",
                                  })
                                : t("measurements.history.correctedByUnknown", {
                                    date: text.dayOf(replacement.recordedAt),
                                    reason: replacement.correctionReason ?? "",
                                  })}
                            </Text>
                          ) : null}
                          {replaced ? (
                            <Text size="xs" c="dimmed">
                              {t("measurements.history.correctionOf", {
                                when: text.dayOf(replaced.recordedAt),
                              })}
                            </Text>
                          ) : null}
                          {m.note ? (
                            <Text size="xs" c="dimmed">
                              {m.note}
                            </Text>
                          ) : null}
                        </Stack>
                      </Table.Td>
                      <Table.Td>{t(`measurements.respondents.${m.respondent}`)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                          {text.dayOf(m.recordedAt)}
                        </Text>
                        {m.recordedByName ? (
                          <Text size="sm">
                            {t("measurements.history.recordedBy", { name: m.recordedByName })}
                          </Text>
                        ) : null}
                        {m.importId ? (
                          <Text size="xs" c="dimmed">
                            {t("measurements.history.imported")}
                          </Text>
                        ) : null}
                      </Table.Td>
                      {onCorrect ? (
                        <Table.Td>
                          {isCorrected ? null : (
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={t("measurements.history.correctNamed", {
                                instrument: nameOf(m.instrumentCode),
                                who,
                                date: text.date(m.measuredOn),
                              })}
                              onClick={() => onCorrect(m)}
                            >
                              {t("measurements.history.correct")}
                            </Button>
                          )}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {records.length > shown ? (
            <Group justify="center">
              <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
                {t("measurements.history.showMore", { count: Math.min(PAGE, records.length - shown) })}
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}
