import { Alert, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { REFERRAL_STATES } from "../../../domain/casework/referral-state.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useCan } from "../../lib/use-can.js";
import { useFormatters } from "../../lib/use-formatters.js";
import type { ReferralSummary } from "../families/casework-types.js";
import { ReferralStateBadge } from "../families/state-badges.js";
import { useReferrals } from "./referral-queries.js";

const OPEN_STATES = new Set<string>(["submitted", "screening", "wait-listed"]);
const isOpen = (r: ReferralSummary) => OPEN_STATES.has(r.state);

/** "Henvisninger": the inbox, open referrals first; filter by state. */
export function ReferralListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormatters();
  const search = useSearch({ from: "/referrals" });
  const navigate = useNavigate({ from: "/referrals" });
  const filter = search.state === "open" ? { open: true } : search.state ? { state: search.state } : {};
  const referrals = useReferrals(filter);

  return (
    <>
      <PageHeader
        title={t("casework.referrals.title")}
        description={t("casework.referrals.description")}
        actions={
          can("family.write") ? (
            <RouterButton to="/referrals/new" search={{}}>
              {t("casework.referrals.create")}
            </RouterButton>
          ) : null
        }
      />
      <Stack gap="md">
        <NativeSelect
          label={t("casework.referrals.filter")}
          value={search.state ?? ""}
          data={[
            { value: "", label: t("casework.referrals.all") },
            { value: "open", label: t("casework.referrals.open") },
            ...REFERRAL_STATES.map((s) => ({ value: s, label: t(`casework.referralStates.${s}`) })),
          ]}
          onChange={(event) =>
            void navigate({ search: { state: event.currentTarget.value || undefined }, replace: true })
          }
          style={{ maxWidth: 320 }}
        />
        <QueryState query={referrals}>
          {(page) => {
            if (page.items.length === 0) {
              return search.state ? (
                <EmptyState title={t("casework.referrals.noMatches")} />
              ) : (
                <EmptyState
                  title={t("casework.referrals.empty")}
                  description={t("casework.referrals.emptyHint")}
                />
              );
            }
            const truncated =
              page.total > page.items.length ? (
                <Alert color="gray" variant="light">
                  {t("casework.referrals.truncated", {
                    shown: format.number(page.items.length),
                    total: format.number(page.total),
                  })}
                </Alert>
              ) : null;
            if (search.state) {
              return (
                <Stack gap="sm">
                  {truncated}
                  <ReferralsTable
                    referrals={page.items}
                    caption={t("casework.referrals.count", { count: page.total })}
                  />
                </Stack>
              );
            }
            const open = page.items.filter(isOpen);
            const decided = page.items.filter((r) => !isOpen(r));
            return (
              <Stack gap="lg">
                {truncated}
                <Stack gap="xs" component="section" aria-labelledby="open-referrals">
                  <Title order={2} size="h4" id="open-referrals">
                    {t("casework.referrals.openTitle")}
                  </Title>
                  {open.length === 0 ? (
                    <Text c="dimmed">{t("casework.referrals.noMatches")}</Text>
                  ) : (
                    <ReferralsTable
                      referrals={open}
                      caption={t("casework.referrals.count", { count: open.length })}
                    />
                  )}
                </Stack>
                {decided.length > 0 ? (
                  <Stack gap="xs" component="section" aria-labelledby="decided-referrals">
                    <Title order={2} size="h4" id="decided-referrals">
                      {t("casework.referrals.closedTitle")}
                    </Title>
                    <ReferralsTable
                      referrals={decided}
                      caption={t("casework.referrals.count", { count: decided.length })}
                    />
                  </Stack>
                ) : null}
              </Stack>
            );
          }}
        </QueryState>
      </Stack>
    </>
  );
}

function ReferralsTable({ referrals, caption }: { referrals: ReferralSummary[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <TableScroll label={caption}>
      <Table miw={960} striped highlightOnHover withTableBorder bg="white">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("casework.referrals.columns.family")}</Table.Th>
            <Table.Th scope="col">{t("casework.referrals.columns.projectTrack")}</Table.Th>
            <Table.Th scope="col">{t("casework.referrals.columns.referredOn")}</Table.Th>
            <Table.Th scope="col">{t("casework.referrals.columns.state")}</Table.Th>
            <Table.Th scope="col">{t("casework.referrals.columns.caseworker")}</Table.Th>
            <Table.Th scope="col">{t("casework.referrals.columns.reason")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {referrals.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <RouterAnchor
                  to="/referrals/$referralId"
                  params={{ referralId: r.id }}
                  fw={600}
                  style={{ whiteSpace: "nowrap" }}
                >
                  {r.familyName}
                </RouterAnchor>
                {r.courseId ? (
                  <div>
                    <RouterAnchor
                      to="/families/$familyId"
                      params={{ familyId: r.familyId }}
                      search={{ tab: "course", courseId: r.courseId }}
                      size="xs"
                    >
                      {t("casework.referrals.goToCourse")}
                    </RouterAnchor>
                  </div>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.trackName}</Text>
                <Text size="xs" c="dimmed">
                  {r.projectName}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{format.date(r.referredOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <ReferralStateBadge state={r.state} size="sm" />
                <Text size="xs" c="dimmed" mt={2}>
                  {t("casework.referrals.stateSince", { date: format.date(r.stateSince) })}
                </Text>
              </Table.Td>
              <Table.Td>{r.caseworker?.name ?? t("casework.families.noCaseworker")}</Table.Td>
              <Table.Td maw={280}>
                <Text size="sm" lineClamp={2}>
                  {r.reason}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
