import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import {
  DATA_QUALITY_KINDS,
  type DataQualityKind,
  type DataQualityPage as Page,
} from "../../../contracts/progression-cohort.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useProject } from "../projects/project-queries.js";
import { useDataQuality } from "./data-quality-queries.js";
import { DATA_QUALITY_PAGE_SIZE, type DataQualitySearch } from "./data-quality-search.js";
import { DataQualityTable } from "./data-quality-table.js";

const TOTAL_OF: Record<DataQualityKind, keyof Page["totals"]> = {
  missing: "missing",
  late: "late",
  duplicate: "duplicate",
  "out-of-range": "outOfRange",
};

/**
 * "Datakvalitet" of a project: the courses the user may see with missing, late, duplicate or
 * out-of-range measurements, with the rules stated, filters in the address, and links to the families.
 */
export function DataQualityPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { projectId } = useParams({ from: "/projects/$projectId/data-quality" });
  const search = useSearch({ from: "/projects/$projectId/data-quality" });
  const navigate = useNavigate({ from: "/projects/$projectId/data-quality" });
  const project = useProject(projectId);
  const quality = useDataQuality(projectId, search);
  const projectName = project.data?.name ?? "";
  const offset = search.offset ?? 0;
  const k = "progressionCohort.dataQuality";
  const title = t(`${k}.title`);
  const setFilters = (patch: Partial<DataQualitySearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, offset: undefined }), replace: true });
  const isFiltered = Boolean(search.track || search.kind || search.caseworker);

  return (
    <>
      <PageHeader
        title={title}
        documentTitle={t(`${k}.documentTitle`, { project: projectName })}
        description={t(`${k}.description`)}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/projects" size="sm">
              {t("projects.title")}
            </RouterAnchor>
            <RouterAnchor to="/projects/$projectId" params={{ projectId }} size="sm">
              {projectName || t("projects.detailTitle")}
            </RouterAnchor>
          </Breadcrumbs>
        }
        actions={
          <RouterButton
            to="/projects/$projectId/progression"
            params={{ projectId }}
            search={{}}
            variant="default"
          >
            {t(`${k}.toCohort`)}
          </RouterButton>
        }
      />
      <QueryState query={quality}>
        {(page) => (
          <Stack gap="lg">
            <Totals
              page={page}
              asOf={format.date(page.asOf)}
              selected={search.kind}
              onKind={(kind) => setFilters({ kind: search.kind === kind ? undefined : kind })}
            />
            <Definitions />
            <Paper withBorder radius="md" p="md" component="section" aria-label={t(`${k}.filters.title`)}>
              <Group align="flex-end" gap="md" wrap="wrap">
                <NativeSelect
                  label={t(`${k}.filters.track`)}
                  value={search.track ?? ""}
                  data={[
                    { value: "", label: t(`${k}.filters.allTracks`) },
                    ...page.options.tracks.map((tr) => ({ value: tr.id, label: tr.name })),
                  ]}
                  onChange={(e) => setFilters({ track: e.currentTarget.value || undefined })}
                  style={{ flex: "0 1 260px" }}
                />
                <NativeSelect
                  label={t(`${k}.filters.kind`)}
                  value={search.kind ?? ""}
                  data={[
                    { value: "", label: t(`${k}.filters.allKinds`) },
                    ...DATA_QUALITY_KINDS.map((kind) => ({ value: kind, label: t(`${k}.kinds.${kind}`) })),
                  ]}
                  onChange={(e) =>
                    setFilters({ kind: (e.currentTarget.value || undefined) as DataQualityKind | undefined })
                  }
                  style={{ flex: "0 1 220px" }}
                />
                {page.options.caseworkers.length > 0 ? (
                  <NativeSelect
                    label={t(`${k}.filters.caseworker`)}
                    value={search.caseworker ?? ""}
                    data={[
                      { value: "", label: t(`${k}.filters.allCaseworkers`) },
                      ...page.options.caseworkers.map((c) => ({ value: c.id, label: c.name })),
                    ]}
                    onChange={(e) => setFilters({ caseworker: e.currentTarget.value || undefined })}
                    style={{ flex: "0 1 240px" }}
                  />
                ) : null}
                {isFiltered ? (
                  <Button variant="subtle" onClick={() => void navigate({ search: {}, replace: true })}>
                    {t(`${k}.filters.clear`)}
                  </Button>
                ) : null}
              </Group>
            </Paper>
            {page.options.tracks
              .filter((tr) => !tr.hasSchedule && (!search.track || search.track === tr.id))
              .map((tr) => (
                <Alert key={tr.id} color="bundlinje" variant="light">
                  {t(`${k}.noSchedule`, { track: tr.name })}
                </Alert>
              ))}
            {page.items.length === 0 ? (
              <EmptyState title={isFiltered ? t(`${k}.emptyFiltered`) : t(`${k}.empty`)} />
            ) : (
              <Stack gap="sm">
                <DataQualityTable
                  kind={search.kind}
                  courses={page.items}
                  caption={t(`${k}.showing`, {
                    from: format.number(offset + 1),
                    to: format.number(offset + page.items.length),
                    total: format.number(page.total),
                  })}
                />
                {page.total > DATA_QUALITY_PAGE_SIZE ? (
                  <nav aria-label={t(`${k}.pagination`)}>
                    <Group justify="space-between">
                      <Button
                        variant="default"
                        disabled={offset === 0}
                        onClick={() =>
                          void navigate({
                            search: (prev) => ({
                              ...prev,
                              offset: Math.max(0, offset - DATA_QUALITY_PAGE_SIZE) || undefined,
                            }),
                          })
                        }
                      >
                        {t(`${k}.previous`)}
                      </Button>
                      <Button
                        variant="default"
                        disabled={offset + DATA_QUALITY_PAGE_SIZE >= page.total}
                        onClick={() =>
                          void navigate({
                            search: (prev) => ({ ...prev, offset: offset + DATA_QUALITY_PAGE_SIZE }),
                          })
                        }
                      >
                        {t(`${k}.next`)}
                      </Button>
                    </Group>
                  </nav>
                ) : null}
              </Stack>
            )}
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/** The number of issues of each kind over the courses found; a click shows only that kind (again: all). */
function Totals({
  page,
  asOf,
  selected,
  onKind,
}: {
  page: Page;
  asOf: string;
  selected: DataQualityKind | undefined;
  onKind: (kind: DataQualityKind) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const k = "progressionCohort.dataQuality";
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5" id={headingId}>
            {t(`${k}.totals.title`)}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`${k}.totals.checked`, { count: page.totals.coursesChecked, asOf })}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {DATA_QUALITY_KINDS.map((kind) => (
            <Button
              key={kind}
              variant={selected === kind ? "light" : "default"}
              h="auto"
              py="xs"
              aria-pressed={selected === kind}
              onClick={() => onKind(kind)}
              styles={{ label: { flexDirection: "column", alignItems: "flex-start", whiteSpace: "normal" } }}
            >
              <Text fz="xl" fw={700} component="span">
                {format.number(page.totals[TOTAL_OF[kind]])}
              </Text>
              <Text size="sm" component="span">
                {t(`${k}.kinds.${kind}`)}
              </Text>
            </Button>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** The rules behind each kind of issue, in words (the same as the server's). */
function Definitions() {
  const { t } = useTranslation();
  const headingId = useId();
  const k = "progressionCohort.dataQuality.definitions";
  return (
    <Paper withBorder radius="md" p="md" bg="blue.0" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h5" id={headingId}>
          {t(`${k}.title`)}
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>{t(`${k}.missing`)}</List.Item>
          <List.Item>{t(`${k}.late`)}</List.Item>
          <List.Item>{t(`${k}.duplicate`)}</List.Item>
          <List.Item>{t(`${k}.outOfRange`)}</List.Item>
          <List.Item>{t(`${k}.closed`)}</List.Item>
        </List>
      </Stack>
    </Paper>
  );
}
