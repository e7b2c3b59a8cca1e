import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import type { Transition } from "./casework-types.js";

type Machine = "course" | "referral";

/** The name of an event or a state in the interface language (the raw value when unknown). */
export function useStepLabels(machine: Machine) {
  const { t, i18n } = useTranslation();
  const events = machine === "course" ? "casework.courseEvents" : "casework.referralEvents";
  const states = machine === "course" ? "casework.courseStates" : "casework.referralStates";
  const lookUp = (key: string, fallback: string) =>
    i18n.exists(key) ? (t(key as never) as string) : fallback;
  return {
    event: (event: string) => lookUp(`${events}.${event}`, event),
    state: (state: string) => lookUp(`${states}.${state}`, state),
  };
}

/** A course's or referral's history, oldest first: date, step, from → to, reason, by whom. */
export function TransitionsTable({
  transitions,
  machine,
  caption,
}: {
  transitions: Transition[];
  machine: Machine;
  caption: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const labels = useStepLabels(machine);
  if (transitions.length === 0) {
    return <Text c="dimmed">{t("casework.transitions.empty")}</Text>;
  }
  return (
    <TableScroll label={caption}>
      <Table miw={720} striped withTableBorder bg="white">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("casework.transitions.on")}</Table.Th>
            <Table.Th scope="col">{t("casework.transitions.event")}</Table.Th>
            <Table.Th scope="col">{t("casework.transitions.change")}</Table.Th>
            <Table.Th scope="col">{t("casework.transitions.reason")}</Table.Th>
            <Table.Th scope="col">{t("casework.transitions.by")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {transitions.map((step) => (
            <Table.Tr key={step.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{format.date(step.onDate)}</Table.Td>
              <Table.Td>{labels.event(step.event)}</Table.Td>
              <Table.Td>
                {step.fromState ? `${labels.state(step.fromState)} → ` : ""}
                {labels.state(step.toState)}
              </Table.Td>
              <Table.Td maw={360}>
                {step.reason ? (
                  <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                    {step.reason}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("casework.none")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{step.byName ?? t("casework.none")}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
