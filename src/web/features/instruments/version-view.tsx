import { Badge, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { InstrumentVersion, Respondent } from "../../../domain/progression/index.js";
import { DefinitionList } from "../../components/definition-list.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useInstrumentText } from "./use-instrument-text.js";

/**
 * One version of an instrument in words: whom it is about and who answers, each question with its
 * scale, and each score with the change that counts and its bands.
 */
export function VersionView({ version }: { version: InstrumentVersion }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const text = useInstrumentText();
  const respondents = (list: readonly Respondent[]) =>
    list.map((r) => t(`instruments.respondents.${r}`)).join(", ");

  return (
    <Stack gap="lg">
      <DefinitionList
        items={[
          {
            label: t("instruments.view.subjects"),
            value: version.isPerGoal
              ? t("instruments.view.perGoal")
              : version.subjects.map((s) => t(`instruments.subjects.${s}`)).join(", "),
          },
          ...(version.subjects.includes("person") && !version.isPerGoal
            ? [
                {
                  label: t("instruments.view.memberRoles"),
                  value: version.memberRoles
                    ? version.memberRoles.map((r) => t(`instruments.memberRoles.${r}`)).join(", ")
                    : t("instruments.view.allMembers"),
                },
              ]
            : []),
          { label: t("instruments.view.respondents"), value: respondents(version.respondents) },
          ...(version.periodNote
            ? [{ label: t("instruments.view.periodNote"), value: version.periodNote }]
            : []),
          ...(version.validFrom
            ? [{ label: t("instruments.view.validFrom"), value: format.date(version.validFrom) }]
            : []),
        ]}
      />
      <Stack gap="sm" component="section" aria-labelledby="version-items">
        <Title order={3} size="h5" id="version-items">
          {t("instruments.view.itemsTitle", { count: version.items.length })}
        </Title>
        <List type="ordered" spacing="md">
          {version.items.map((item) => (
            <List.Item key={item.code}>
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={600}>{text.label(item)}</Text>
                  {!item.isRequired ? (
                    <Badge variant="light" color="gray" size="sm">
                      {t("instruments.view.optional")}
                    </Badge>
                  ) : null}
                </Group>
                {item.help ? (
                  <Text size="sm" c="dimmed">
                    {item.help}
                  </Text>
                ) : null}
                <Text size="sm">
                  {text.scale(item.scale)} · {t(`instruments.directions.${item.direction}`)}
                </Text>
                {item.respondents ? (
                  <Text size="sm">
                    {t("instruments.view.itemRespondents", { list: respondents(item.respondents) })}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  {t("instruments.view.code", { code: item.code })}
                </Text>
              </Stack>
            </List.Item>
          ))}
        </List>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="version-scores">
        <Title order={3} size="h5" id="version-scores">
          {t("instruments.view.scoresTitle", { count: version.scores.length })}
        </Title>
        <TableScroll label={t("instruments.view.scoresTitle", { count: version.scores.length })}>
          <Table miw={760} withTableBorder verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("instruments.view.score")}</Table.Th>
                <Table.Th scope="col">{t("instruments.view.rule")}</Table.Th>
                <Table.Th scope="col">{t("instruments.view.meaningfulChange")}</Table.Th>
                <Table.Th scope="col">{t("instruments.view.cutOffs")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {version.scores.map((score) => (
                <Table.Tr key={score.code}>
                  <Table.Th scope="row" fw={600}>
                    {text.label(score)}
                    <Text size="xs" c="dimmed" fw={400}>
                      {t(`instruments.directions.${score.direction}`)}
                    </Text>
                  </Table.Th>
                  <Table.Td>{text.scoreRule(score, version.items)}</Table.Td>
                  <Table.Td>{text.threshold(score.meaningfulChange)}</Table.Td>
                  <Table.Td>
                    {score.cutOffs?.length ? (
                      <List size="sm" spacing={2}>
                        {score.cutOffs.map((c) => (
                          <List.Item key={c.code}>
                            {t("instruments.view.cutOff", {
                              from: format.number(c.fromValue),
                              label: c.label,
                            })}
                          </List.Item>
                        ))}
                      </List>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t("instruments.view.noCutOffs")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {version.familyAggregate ? (
          <Text size="sm">
            {t("instruments.view.familyAggregate", {
              rho: format.number(version.familyAggregate.rho),
              change: text.threshold(version.familyAggregate.meaningfulChange),
            })}
          </Text>
        ) : null}
      </Stack>
    </Stack>
  );
}
