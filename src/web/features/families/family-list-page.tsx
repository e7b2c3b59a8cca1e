import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { COURSE_STATES } from "../../../domain/casework/course-state.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { SearchInput } from "../../components/search-input.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useCan } from "../../lib/use-can.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useCurrentMe } from "../../lib/use-me.js";
import { useProjects } from "../projects/project-queries.js";
import type { FamilySummary } from "./casework-types.js";
import { useCaseworkers, useFamilies, useMyMunicipality } from "./family-queries.js";
import { FAMILY_PAGE_SIZE, type FamilyListSearch } from "./family-search.js";
import { useLanguageList } from "./language-names.js";
import { FamilyStateBadge } from "./state-badges.js";

const nowrap = { whiteSpace: "nowrap" } as const;

/** "Familier": the families in the user's cases, with search, filters (in the address) and paging. */
export function FamilyListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormatters();
  const search = useSearch({ from: "/families" });
  const navigate = useNavigate({ from: "/families" });
  const offset = search.offset ?? 0;
  // Clearing the filters starts the filter form afresh (the search field keeps its own text).
  const [filterFormKey, setFilterFormKey] = useState(0);
  const families = useFamilies({
    q: search.q,
    projectId: search.trackId ? undefined : search.projectId,
    trackId: search.trackId,
    state: search.state,
    caseworkerId: search.caseworkerId,
    overdue: search.overdue,
    limit: FAMILY_PAGE_SIZE,
    offset,
  });
  const isFiltered = Boolean(
    search.q || search.projectId || search.trackId || search.state || search.caseworkerId || search.overdue,
  );
  const setFilters = (patch: Partial<FamilyListSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, offset: undefined }), replace: true });

  return (
    <>
      <PageHeader
        title={t("casework.families.title")}
        description={t("casework.families.description")}
        actions={
          can("family.write") ? (
            <RouterButton to="/referrals/new" search={{}}>
              {t("casework.referrals.create")}
            </RouterButton>
          ) : null
        }
      />
      <Stack gap="md">
        <FamilyFilters
          key={filterFormKey}
          search={search}
          onChange={setFilters}
          onClear={() => {
            setFilterFormKey((k) => k + 1);
            void navigate({ search: {}, replace: true });
          }}
          isFiltered={isFiltered}
        />
        <QueryState query={families}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState
                title={isFiltered ? t("casework.families.noMatches") : t("casework.families.empty")}
                description={isFiltered ? t("common.tryOtherSearch") : t("casework.families.emptyHint")}
              />
            ) : (
              <Stack gap="sm">
                <FamiliesTable
                  families={page.items}
                  caption={t("casework.families.showing", {
                    from: format.number(offset + 1),
                    to: format.number(offset + page.items.length),
                    total: format.number(page.total),
                  })}
                />
                {page.total > FAMILY_PAGE_SIZE ? (
                  <nav aria-label={t("casework.families.pagination")}>
                    <Group justify="space-between">
                      <Button
                        variant="default"
                        disabled={offset === 0}
                        onClick={() =>
                          void navigate({
                            search: (prev) => ({
                              ...prev,
                              offset: Math.max(0, offset - FAMILY_PAGE_SIZE) || undefined,
                            }),
                          })
                        }
                      >
                        {t("casework.families.previous")}
                      </Button>
                      <Text size="sm" c="dimmed">
                        {t("casework.families.pageOf", {
                          page: format.number(Math.floor(offset / FAMILY_PAGE_SIZE) + 1),
                          pages: format.number(Math.ceil(page.total / FAMILY_PAGE_SIZE)),
                        })}
                      </Text>
                      <Button
                        variant="default"
                        disabled={offset + FAMILY_PAGE_SIZE >= page.total}
                        onClick={() =>
                          void navigate({
                            search: (prev) => ({ ...prev, offset: offset + FAMILY_PAGE_SIZE }),
                          })
                        }
                      >
                        {t("casework.families.next")}
                      </Button>
                    </Group>
                  </nav>
                ) : null}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}

interface FamilyFiltersProps {
  search: FamilyListSearch;
  onChange: (patch: Partial<FamilyListSearch>) => void;
  onClear: () => void;
  isFiltered: boolean;
}

/** Search by name; filter by project/track, state, caseworker and overdue tasks. */
function FamilyFilters({ search, onChange, onClear, isFiltered }: FamilyFiltersProps) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentMe();
  const projects = useProjects();
  const municipality = useMyMunicipality();
  const caseworkers = useCaseworkers(can("user.read") ? (municipality?.id ?? null) : null);
  const isCaseworker = me.memberships.some(
    (m) => m.organisationKind === "municipality" && (m.role === "caseworker" || m.role === "team_leader"),
  );
  const projectTrackValue = search.trackId
    ? `t:${search.trackId}`
    : search.projectId
      ? `p:${search.projectId}`
      : "";
  const projectOptions = (projects.data?.items ?? []).map((p) => ({
    group: p.name,
    items: [
      { value: `p:${p.id}`, label: t("casework.families.allTracks", { project: p.name }) },
      ...p.tracks.map((track) => ({ value: `t:${track.id}`, label: track.name })),
    ],
  }));
  const others = (caseworkers.data ?? []).filter((c) => c.id !== me.user.id);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t("casework.families.filtersTitle")}>
      <Group align="flex-end" gap="md" wrap="wrap">
        <SearchInput
          label={t("casework.families.search")}
          value={search.q ?? ""}
          onSearch={(q) => onChange({ q: q || undefined })}
        />
        {projectOptions.length > 0 ? (
          <NativeSelect
            label={t("casework.families.projectTrack")}
            value={projectTrackValue}
            data={[{ value: "", label: t("casework.families.allProjects") }, ...projectOptions]}
            onChange={(event) => {
              const [kind, id] = event.currentTarget.value.split(":");
              onChange({
                projectId: kind === "p" ? id : undefined,
                trackId: kind === "t" ? id : undefined,
              });
            }}
            style={{ flex: "1 1 260px", maxWidth: 380 }}
          />
        ) : null}
        <NativeSelect
          label={t("casework.families.state")}
          value={search.state ?? ""}
          data={[
            { value: "", label: t("casework.families.allStates") },
            { value: "referral", label: t("casework.families.stateReferral") },
            { value: "open", label: t("casework.families.stateOpen") },
            ...COURSE_STATES.map((s) => ({ value: s, label: t(`casework.courseStates.${s}`) })),
          ]}
          onChange={(event) => onChange({ state: event.currentTarget.value || undefined })}
          style={{ flex: "0 1 240px" }}
        />
        {isCaseworker || others.length > 0 ? (
          <NativeSelect
            label={t("casework.families.caseworker")}
            value={search.caseworkerId ?? ""}
            data={[
              { value: "", label: t("casework.families.allCaseworkers") },
              ...(isCaseworker
                ? [{ value: me.user.id, label: t("casework.families.me", { name: me.user.displayName }) }]
                : []),
              ...others.map((c) => ({ value: c.id, label: c.name })),
            ]}
            onChange={(event) => onChange({ caseworkerId: event.currentTarget.value || undefined })}
            style={{ flex: "0 1 240px" }}
          />
        ) : null}
        <Checkbox
          label={t("casework.families.onlyOverdue")}
          checked={search.overdue ?? false}
          onChange={(event) => onChange({ overdue: event.currentTarget.checked || undefined })}
          mb={8}
        />
        {isFiltered ? (
          <Button variant="subtle" onClick={onClear}>
            {t("casework.families.clear")}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}

/** The families as a table: one row each, the name links to the family page. */
function FamiliesTable({ families, caption }: { families: FamilySummary[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const languageList = useLanguageList();
  return (
    <TableScroll label={t("casework.families.title")}>
      <Table miw={1040} striped highlightOnHover withTableBorder bg="white">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("casework.families.columns.family")}</Table.Th>
            <Table.Th scope="col">{t("casework.families.columns.languages")}</Table.Th>
            <Table.Th scope="col">{t("casework.families.columns.track")}</Table.Th>
            <Table.Th scope="col">{t("casework.families.columns.state")}</Table.Th>
            <Table.Th scope="col">{t("casework.families.columns.caseworkers")}</Table.Th>
            <Table.Th scope="col">{t("casework.families.columns.tasks")}</Table.Th>
            <Table.Th scope="col">{t("casework.families.columns.nextDue")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {families.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <RouterAnchor to="/families/$familyId" params={{ familyId: f.id }} search={{}} fw={600}>
                  {f.name}
                </RouterAnchor>
                <Text size="xs" c="dimmed">
                  {t("casework.families.members", { count: f.memberCount })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="wrap">
                  <Text size="sm">
                    {f.languages.length > 0 ? languageList(f.languages) : t("casework.none")}
                  </Text>
                  {f.interpreterNeeded ? (
                    <Badge size="sm" color="orange" variant="light">
                      {t("casework.interpreter")}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{f.trackName ?? t("casework.none")}</Text>
                {f.projectName ? (
                  <Text size="xs" c="dimmed">
                    {f.projectName}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td style={nowrap}>
                <FamilyStateBadge courseState={f.courseState} referralState={f.referralState} size="sm" />
              </Table.Td>
              <Table.Td>
                {f.caseworkers.length > 0 ? (
                  <Text size="sm">{f.caseworkers.map((c) => c.name).join(", ")}</Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("casework.families.noCaseworker")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {f.overdueTasks > 0 ? (
                    <Badge size="sm" color="red" variant="filled">
                      {t("casework.families.overdue", { count: f.overdueTasks })}
                    </Badge>
                  ) : null}
                  <Text size="sm" c={f.openTasks === 0 ? "dimmed" : undefined} style={nowrap}>
                    {f.openTasks === 0
                      ? t("casework.families.noTasks")
                      : t("casework.families.openTasks", { count: f.openTasks })}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td style={nowrap}>
                {f.nextDueOn ? (
                  <Text
                    size="sm"
                    c={f.overdueTasks > 0 ? "red.9" : undefined}
                    fw={f.overdueTasks > 0 ? 600 : undefined}
                  >
                    {format.date(f.nextDueOn)}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("casework.none")}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
