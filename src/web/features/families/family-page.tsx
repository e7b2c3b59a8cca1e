import { NativeSelect, Stack, Tabs, Text } from "@mantine/core";
import { useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { isCourseOpen } from "../../../domain/casework/course-state.js";
import { NotFoundPage } from "../../app/not-found-page.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { isApiError } from "../../lib/api-error.js";
import { useFormatters } from "../../lib/use-formatters.js";
import type { FamilyDetail } from "./casework-types.js";
import { useFamily } from "./family-queries.js";
import { FAMILY_TABS } from "./family-tabs.js";
import { FamilyStateBadge } from "./state-badges.js";

const OPEN_REFERRAL_STATES = new Set(["submitted", "screening", "wait-listed"]);

/** One family: header with its course's state, and the tabs of its case. */
export function FamilyPage() {
  const { t } = useTranslation();
  const { familyId } = useParams({ from: "/families/$familyId" });
  const family = useFamily(familyId);
  // A family the user may not see answers 404, like one that does not exist: nothing leaks.
  if (
    family.isError &&
    isApiError(family.error) &&
    (family.error.status === 404 || family.error.status === 403)
  ) {
    return <NotFoundPage />;
  }
  const title = family.data?.name ?? t("casework.family.detailTitle");
  return (
    <>
      {family.data ? (
        <FamilyHeader family={family.data} />
      ) : (
        <PageHeader title={title} above={<FamilyBreadcrumbs current={title} />} />
      )}
      <QueryState query={family}>{(f) => <FamilyTabs family={f} />}</QueryState>
    </>
  );
}

function FamilyBreadcrumbs({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs current={current}>
      <RouterAnchor to="/families" search={{}} size="sm">
        {t("casework.families.title")}
      </RouterAnchor>
    </Breadcrumbs>
  );
}

/** The course the page shows: the one chosen in the address, else the newest. */
function useShownCourse(family: FamilyDetail) {
  const search = useSearch({ from: "/families/$familyId" });
  return family.courses.find((c) => c.id === search.courseId) ?? family.courses[0] ?? null;
}

function FamilyHeader({ family }: { family: FamilyDetail }) {
  const { t } = useTranslation();
  const course = useShownCourse(family);
  const referral = family.referrals[0] ?? null;
  const shown = course ?? referral;
  const hasOpenCase =
    family.courses.some((c) => isCourseOpen(c.state)) ||
    family.referrals.some((r) => OPEN_REFERRAL_STATES.has(r.state));
  return (
    <PageHeader
      title={family.name}
      above={<FamilyBreadcrumbs current={family.name} />}
      badges={
        <FamilyStateBadge
          courseState={course?.state ?? null}
          referralState={course ? null : (referral?.state ?? null)}
        />
      }
      description={shown ? `${shown.projectName} · ${shown.trackName}` : undefined}
      actions={
        family.abilities.write && !hasOpenCase ? (
          <RouterButton to="/referrals/new" search={{ familyId: family.id }} variant="default">
            {t("casework.family.newReferral")}
          </RouterButton>
        ) : null
      }
    />
  );
}

function FamilyTabs({ family }: { family: FamilyDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const search = useSearch({ from: "/families/$familyId" });
  const navigate = useNavigate({ from: "/families/$familyId" });
  const course = useShownCourse(family);
  const active = FAMILY_TABS.find((tab) => tab.value === search.tab) ?? FAMILY_TABS[0]!;
  const latestReferral = family.referrals[0] ?? null;

  return (
    <Stack gap="md">
      {family.courses.length > 1 ? (
        <NativeSelect
          label={t("casework.course.choose")}
          value={course?.id ?? ""}
          data={family.courses.map((c) => ({
            value: c.id,
            label: `${c.trackName} – ${t("casework.family.acceptedOn", { date: format.date(c.acceptedOn) })} (${t(`casework.courseStates.${c.state}`)})`,
          }))}
          onChange={(event) =>
            void navigate({
              search: (prev) => ({ ...prev, courseId: event.currentTarget.value }),
              replace: true,
            })
          }
          style={{ maxWidth: 480 }}
        />
      ) : null}
      <Tabs
        value={active.value}
        onChange={(value) =>
          void navigate({
            search: (prev) => ({ ...prev, tab: value === "overview" ? undefined : (value ?? undefined) }),
          })
        }
        keepMounted={false}
      >
        <Tabs.List mb="lg" aria-label={t("casework.family.tabsLabel")}>
          {FAMILY_TABS.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {t(tab.labelKey)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {FAMILY_TABS.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value}>
            {tab.needsCourse && !course ? (
              <EmptyState
                title={t("casework.family.noCourseTitle")}
                description={
                  <Text component="span">
                    {t("casework.family.noCourseText")}{" "}
                    {latestReferral ? (
                      <RouterAnchor to="/referrals/$referralId" params={{ referralId: latestReferral.id }}>
                        {t("casework.family.openReferral")}
                      </RouterAnchor>
                    ) : null}
                  </Text>
                }
              />
            ) : (
              tab.render({ family, course })
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
