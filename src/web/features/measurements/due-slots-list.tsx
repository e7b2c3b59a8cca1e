import {
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TableScroll } from "../../components/table-scroll.js";
import { isRecordable, slotSubjectKey, subjectOrder } from "./measurement-model.js";
import type { CourseMeasurements, DueSlot } from "./measurement-queries.js";
import type { MeasurementText } from "./use-measurement-text.js";

type DueStatus = DueSlot["status"];

/** The statuses in the order a slot passes through them. */
const STATUS_ORDER: readonly DueStatus[] = ["overdue", "open", "late", "done", "upcoming"];

/** Colours with a text label beside them: the status never rests on colour alone. */
const STATUS_COLORS: Record<DueStatus, string> = {
  upcoming: "gray",
  open: "blue",
  done: "green",
  late: "orange",
  overdue: "red",
};

type Filter = "actionable" | "all";

interface DueSlotsListProps {
  data: CourseMeasurements;
  text: MeasurementText;
  /** Opens the form for a slot; absent when the user may not record. */
  onRecord?: (slot: DueSlot) => void;
}

/**
 * What the course's schedule asks for, grouped by instrument and then by time: each slot's due day,
 * window and status, with "Registrér" for the slots whose window has opened and that are not filled.
 * By default only the open and missing ones are listed; "Alle" shows the whole plan.
 */
export function DueSlotsList({ data, text, onRecord }: DueSlotsListProps) {
  const { t } = useTranslation();
  const actionable = data.due.filter(isRecordable);
  const [filter, setFilter] = useState<Filter>(actionable.length > 0 ? "actionable" : "all");
  const shown = filter === "actionable" ? actionable : data.due;
  const order = subjectOrder(data);
  const counts = STATUS_ORDER.map((s) => [s, data.due.filter((d) => d.status === s).length] as const).filter(
    ([, n]) => n > 0,
  );

  if (data.due.length === 0) {
    return <Text c="dimmed">{t("measurements.tab.noSchedule")}</Text>;
  }

  const instrumentNameOf = (code: string) => {
    const instrument = data.instruments.find((i) => i.code === code);
    return instrument ? text.instrumentName(instrument) : code;
  };
  const next = data.due
    .filter((d) => d.status === "upcoming")
    .sort((a, b) => (a.windowFrom < b.windowFrom ? -1 : a.windowFrom > b.windowFrom ? 1 : 0))[0];
  const groups = data.instruments
    .map((instrument) => ({
      instrument,
      slots: shown
        .filter((d) => d.instrumentCode === instrument.code)
        .sort(
          (a, b) =>
            (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) ||
            order.indexOf(slotSubjectKey(a.subject)) - order.indexOf(slotSubjectKey(b.subject)),
        ),
    }))
    .filter((g) => g.slots.length > 0);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="md">
        <SegmentedControl
          aria-label={t("measurements.due.filterLabel")}
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            {
              value: "actionable",
              label: t("measurements.due.filterActionable", { count: actionable.length }),
            },
            { value: "all", label: t("measurements.due.filterAll", { count: data.due.length }) },
          ]}
        />
        <Group gap={6} aria-label={t("measurements.due.summary")} role="group">
          {counts.map(([status, n]) => (
            <Badge key={status} color={STATUS_COLORS[status]} variant="light">
              {t(`measurements.statuses.${status}`)}: {n}
            </Badge>
          ))}
        </Group>
      </Group>

      {groups.length === 0 ? (
        <Stack gap={4}>
          <Text>{t("measurements.due.nothingActionable")}</Text>
          {next ? (
            <Text size="sm" c="dimmed">
              {t("measurements.due.nextUp", {
                what: `${text.slotName(next)} – ${instrumentNameOf(next.instrumentCode)}`,
                who: text.subjectName(slotSubjectKey(next.subject)),
                date: text.date(next.windowFrom),
              })}
            </Text>
          ) : null}
        </Stack>
      ) : (
        groups.map(({ instrument, slots }) => {
          const name = text.instrumentName(instrument);
          const caption = t("measurements.due.caption", { instrument: name });
          return (
            <Stack key={instrument.code} gap="xs">
              <Title order={3} size="h5">
                {name}
              </Title>
              <TableScroll label={caption}>
                <Table miw={760} striped withTableBorder bg="white" layout="fixed">
                  <VisuallyHidden component="caption">{caption}</VisuallyHidden>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w="20%">
                        {t("measurements.due.columns.when")}
                      </Table.Th>
                      <Table.Th scope="col" w="30%">
                        {t("measurements.due.columns.who")}
                      </Table.Th>
                      <Table.Th scope="col" w="24%">
                        {t("measurements.due.columns.window")}
                      </Table.Th>
                      <Table.Th scope="col" w="14%">
                        {t("measurements.due.columns.status")}
                      </Table.Th>
                      {onRecord ? (
                        <Table.Th scope="col" w="12%">
                          {t("measurements.due.columns.action")}
                        </Table.Th>
                      ) : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {slots.map((slot) => (
                      <SlotRow
                        key={slot.key}
                        slot={slot}
                        instrumentName={name}
                        text={text}
                        onRecord={onRecord}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Stack>
          );
        })
      )}
    </Stack>
  );
}

function SlotRow({
  slot,
  instrumentName,
  text,
  onRecord,
}: {
  slot: DueSlot;
  instrumentName: string;
  text: MeasurementText;
  onRecord?: (slot: DueSlot) => void;
}) {
  const { t } = useTranslation();
  const who = text.subjectName(slotSubjectKey(slot.subject));
  const what = text.slotName(slot);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Text size="sm" fw={500}>
          {what}
        </Text>
        <Text size="xs" c="dimmed">
          {t("measurements.due.columns.due")}: {text.date(slot.dueOn)}
        </Text>
      </Table.Td>
      <Table.Td maw={320}>
        <Text size="sm">{who}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Text size="sm">
          {t("measurements.due.window", { from: text.date(slot.windowFrom), to: text.date(slot.windowTo) })}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Badge color={STATUS_COLORS[slot.status]} variant="light">
          {t(`measurements.statuses.${slot.status}`)}
        </Badge>
        {slot.daysLate !== null && slot.daysLate > 0 ? (
          <Text size="xs" c="dimmed">
            {t("measurements.due.daysLate", { count: slot.daysLate })}
          </Text>
        ) : null}
      </Table.Td>
      {onRecord ? (
        <Table.Td>
          {isRecordable(slot) ? (
            <Button
              size="xs"
              variant={slot.status === "open" ? "filled" : "default"}
              aria-label={t("measurements.due.recordNamed", {
                what: what.toLowerCase(),
                instrument: instrumentName,
                who,
              })}
              onClick={() => onRecord(slot)}
            >
              {t("measurements.due.record")}
            </Button>
          ) : null}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
