import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { businessCaseXlsxUrl, useBusinessCaseVersions } from "./business-case-queries.js";
import type { BusinessCaseVersion } from "./business-case-types.js";
import { VersionDiff } from "./version-diff.js";

interface VersionsPanelProps {
  businessCaseId: string;
  currentVersion: number;
  /** The version the editor is based on. */
  editedVersion: number;
  canEdit: boolean;
  /** The versions to compare first (e.g. after a conflict: the edited one and the newest). */
  initialRange?: { from: number; to: number } | null;
  /** Opens a saved version in the editor (saving it then makes it the newest version). */
  onOpenVersion: (version: BusinessCaseVersion) => void;
}

/** "Versioner": who saved what and when, a diff between two versions, and each version's exports. */
export function VersionsPanel({
  businessCaseId,
  currentVersion,
  editedVersion,
  canEdit,
  initialRange,
  onOpenVersion,
}: VersionsPanelProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const versions = useBusinessCaseVersions(businessCaseId);
  const [range, setRange] = useState<{ from: number | null; to: number | null } | null>(initialRange ?? null);
  const title = t("businessCases.versions.title");

  return (
    <QueryState query={versions}>
      {({ items }) => {
        const from = range?.from ?? items[1]?.version ?? items[0]?.version ?? null;
        const to = range?.to ?? items[0]?.version ?? null;
        return (
          <Stack gap="lg">
            <SectionCard title={title}>
              <TableScroll label={title}>
                <Table miw={820} withTableBorder striped bg="white" aria-label={title}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("businessCases.versions.version")}</Table.Th>
                      <Table.Th scope="col">{t("businessCases.versions.note")}</Table.Th>
                      <Table.Th scope="col">{t("businessCases.versions.savedBy")}</Table.Th>
                      <Table.Th scope="col">{t("businessCases.versions.savedAt")}</Table.Th>
                      <Table.Th scope="col">{t("common.actions")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((v) => (
                      <Table.Tr key={v.version}>
                        <Table.Th scope="row" fw={600}>
                          <Group gap={6} wrap="nowrap">
                            {v.version}
                            {v.version === currentVersion ? (
                              <Badge size="sm" variant="light" color="green">
                                {t("businessCases.versions.current")}
                              </Badge>
                            ) : null}
                            {v.version === editedVersion && v.version !== currentVersion ? (
                              <Badge size="sm" variant="light" color="orange">
                                {t("businessCases.versions.inEditor")}
                              </Badge>
                            ) : null}
                          </Group>
                        </Table.Th>
                        <Table.Td style={{ whiteSpace: "pre-line" }}>
                          {v.note || (
                            <Text span c="dimmed">
                              {t("businessCases.versions.noNote")}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{v.createdByName ?? t("businessCases.versions.unknownUser")}</Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(v.createdAt)}</Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            {canEdit && v.version !== editedVersion ? (
                              <Button
                                variant="default"
                                size="compact-sm"
                                aria-label={t("businessCases.versions.openNamed", { version: v.version })}
                                onClick={() => onOpenVersion(v)}
                              >
                                {t("businessCases.versions.open")}
                              </Button>
                            ) : null}
                            <RouterAnchor
                              to="/business-cases/$businessCaseId/print"
                              params={{ businessCaseId }}
                              search={{ version: v.version }}
                              size="sm"
                              aria-label={t("businessCases.versions.printNamed", { version: v.version })}
                            >
                              {t("businessCases.versions.print")}
                            </RouterAnchor>
                            <Anchor
                              href={businessCaseXlsxUrl(businessCaseId, v.version)}
                              download
                              size="sm"
                              aria-label={t("businessCases.versions.xlsxNamed", { version: v.version })}
                            >
                              XLSX
                            </Anchor>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </SectionCard>
            {items.length > 1 ? (
              <SectionCard title={t("businessCases.versions.diffTitle")}>
                <VersionDiff
                  businessCaseId={businessCaseId}
                  versions={items}
                  from={from}
                  to={to}
                  onChange={(f, tt) => setRange({ from: f, to: tt })}
                />
              </SectionCard>
            ) : null}
          </Stack>
        );
      }}
    </QueryState>
  );
}
