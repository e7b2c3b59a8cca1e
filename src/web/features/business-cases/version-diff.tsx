import { Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.js";
import { QueryState } from "../../components/query-state.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useScenarioDiff } from "./business-case-queries.js";
import type { BusinessCaseVersion } from "./business-case-types.js";
import { describeScenarioPath } from "./scenario-path-label.js";
import { scenarioValueText } from "./scenario-value-text.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

interface VersionDiffProps {
  businessCaseId: string;
  versions: BusinessCaseVersion[];
  from: number | null;
  to: number | null;
  onChange: (from: number | null, to: number | null) => void;
}

/** "Sammenlign versioner": what changed in the inputs from one saved version to another. */
export function VersionDiff({ businessCaseId, versions, from, to, onChange }: VersionDiffProps) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const diff = useScenarioDiff(businessCaseId, from, to);
  const options = versions.map((v) => ({
    value: String(v.version),
    label: t("businessCases.versions.versionOption", { version: v.version, note: v.note || "–" }),
  }));
  const toScenario = versions.find((v) => v.version === to)?.scenario;
  const title = t("businessCases.versions.diffTableTitle", { from, to });
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("businessCases.versions.from")}
          value={from === null ? "" : String(from)}
          data={options}
          onChange={(event) => onChange(Number(event.currentTarget.value), to)}
          style={{ flex: "1 1 260px", maxWidth: 360 }}
        />
        <NativeSelect
          label={t("businessCases.versions.to")}
          value={to === null ? "" : String(to)}
          data={options}
          onChange={(event) => onChange(from, Number(event.currentTarget.value))}
          style={{ flex: "1 1 260px", maxWidth: 360 }}
        />
      </Group>
      {from === to ? (
        <Text size="sm" c="dimmed">
          {t("businessCases.versions.sameVersion")}
        </Text>
      ) : (
        <QueryState query={diff}>
          {(d) =>
            d.changes.length === 0 ? (
              <EmptyState title={t("businessCases.versions.noChanges")} />
            ) : (
              <TableScroll label={title}>
                <Table miw={720} withTableBorder striped bg="white">
                  <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
                    {t("businessCases.versions.changeCount", {
                      count: d.changes.length,
                      from: d.from,
                      to: d.to,
                    })}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("businessCases.versions.field")}</Table.Th>
                      <Table.Th scope="col">
                        {t("businessCases.versions.before", { version: d.from })}
                      </Table.Th>
                      <Table.Th scope="col">{t("businessCases.versions.after", { version: d.to })}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.changes.map((change) => (
                      <Table.Tr key={change.path}>
                        <Table.Th scope="row" fw={500}>
                          {describeScenarioPath(change.path, toScenario, t)}
                        </Table.Th>
                        <Table.Td>
                          <del>{scenarioValueText(change.path, change.before, format, t)}</del>
                        </Table.Td>
                        <Table.Td>
                          <ins style={{ textDecoration: "none", fontWeight: 600 }}>
                            {scenarioValueText(change.path, change.after, format, t)}
                          </ins>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )
          }
        </QueryState>
      )}
    </Stack>
  );
}
