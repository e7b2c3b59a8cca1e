import { Badge, Box, Button, Chip, Group, Stack, Text, Title } from "@mantine/core";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.js";
import { INTL_LOCALE, isLanguage } from "../../i18n/i18n.js";
import {
  danishDayOf,
  GROUP_COLOR,
  GROUP_OF_KIND,
  groupByMonth,
  TIMELINE_GROUPS,
  type TimelineGroup,
} from "./timeline-kinds.js";
import type { TimelineItem } from "./timeline-queries.js";

/** Items shown at first, and how many more each "Vis flere" adds. */
const PAGE = 40;

function useTimelineFormats() {
  const { i18n } = useTranslation();
  const locale = INTL_LOCALE[isLanguage(i18n.language) ? i18n.language : "da"];
  return useMemo(() => {
    const month = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
    const day = new Intl.DateTimeFormat(locale, {
      weekday: "short",
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    });
    const time = new Intl.DateTimeFormat(locale, {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "Europe/Copenhagen",
    });
    const utc = (date: string) => {
      const [y, m, d] = date.split("-").map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d || 1));
    };
    return {
      /** "Januar 2026" from "2026-01" */
      month: (yearMonth: string) => {
        const name = month.format(utc(`${yearMonth}-01`));
        return name.charAt(0).toUpperCase() + name.slice(1);
      },
      /** "ons. 14. jan." on the Danish calendar */
      day: (at: string) => day.format(utc(danishDayOf(at))),
      /** "19.30" for an instant; null for a calendar date (it happens on a day, not at a time) */
      time: (at: string) => (at.length === 10 ? null : time.format(new Date(at))),
    };
  }, [locale]);
}

/**
 * Everything around the family on one line, newest first, by month: the kind, what happened, who
 * recorded it and when. Filtered by kind with checkable chips (plain checkboxes for the keyboard).
 */
export function TimelineView({ items }: { items: readonly TimelineItem[] }) {
  const { t } = useTranslation();
  const format = useTimelineFormats();
  const filterLabelId = useId();
  const [chosen, setChosen] = useState<TimelineGroup[]>([]);
  const [shown, setShown] = useState(PAGE);
  const counts = new Map<TimelineGroup, number>();
  for (const item of items) {
    const group = GROUP_OF_KIND[item.kind];
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const present = TIMELINE_GROUPS.filter((g) => counts.has(g));
  const filtered = chosen.length === 0 ? items : items.filter((i) => chosen.includes(GROUP_OF_KIND[i.kind]));
  const months = groupByMonth(filtered.slice(0, shown));

  if (items.length === 0) return <EmptyState title={t("contacts.timeline.empty")} />;

  return (
    <Stack gap="md">
      <Group gap="xs" role="group" aria-labelledby={filterLabelId}>
        <Text id={filterLabelId} size="sm" fw={600} mr={4}>
          {t("contacts.timeline.filter")}
        </Text>
        <Chip
          size="sm"
          checked={chosen.length === 0}
          onChange={() => {
            setChosen([]);
            setShown(PAGE);
          }}
        >
          {t("contacts.timeline.all")} ({items.length})
        </Chip>
        <Chip.Group
          multiple
          value={chosen}
          onChange={(value) => {
            setChosen(value as TimelineGroup[]);
            setShown(PAGE);
          }}
        >
          {present.map((g) => (
            <Chip key={g} value={g} size="sm">
              {t(`contacts.timeline.kinds.${g}`)} ({counts.get(g)})
            </Chip>
          ))}
        </Chip.Group>
      </Group>

      <Text size="sm" fw={600} aria-live="polite">
        {filtered.length > shown
          ? t("contacts.timeline.showing", { shown, total: filtered.length })
          : t("contacts.timeline.count", { count: filtered.length })}
      </Text>

      {filtered.length === 0 ? (
        <Text c="dimmed">{t("contacts.timeline.emptyFiltered")}</Text>
      ) : (
        months.map(({ month, items: monthItems }) => (
          <Stack key={month} gap="xs">
            <Title order={3} size="h5">
              {format.month(month)}
            </Title>
            <Box component="ol" m={0} p={0} style={{ listStyle: "none" }}>
              {monthItems.map((item) => (
                <TimelineEntry key={item.id} item={item} format={format} />
              ))}
            </Box>
          </Stack>
        ))
      )}

      {filtered.length > shown ? (
        <Group justify="center">
          <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
            {t("contacts.timeline.showMore", { count: Math.min(PAGE, filtered.length - shown) })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function TimelineEntry({
  item,
  format,
}: {
  item: TimelineItem;
  format: ReturnType<typeof useTimelineFormats>;
}) {
  const { t } = useTranslation();
  const group = GROUP_OF_KIND[item.kind];
  const time = format.time(item.at);
  return (
    <Group component="li" align="stretch" wrap="nowrap" gap="md">
      <Box w={124} pt={2} style={{ flexShrink: 0 }}>
        <Text size="sm" fw={600}>
          {format.day(item.at)}
        </Text>
        {time ? (
          <Text size="xs" c="dimmed">
            {t("contacts.timeline.time", { time })}
          </Text>
        ) : null}
      </Box>
      <Box
        pl="md"
        pb="md"
        style={{
          position: "relative",
          borderLeft: "2px solid var(--mantine-color-gray-3)",
          flex: 1,
          minWidth: 0,
        }}
      >
        <Box
          aria-hidden
          style={{
            position: "absolute",
            left: -7,
            top: 5,
            width: 12,
            height: 12,
            borderRadius: "50%",
            background: GROUP_COLOR[group],
            boxShadow: "0 0 0 2px white",
          }}
        />
        <Stack gap={2}>
          <Group gap="xs">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: "0.03em" }}>
              {t(`contacts.timeline.itemKinds.${item.kind}`)}
            </Text>
            {item.isUpcoming ? (
              <Badge size="xs" variant="outline" color="gray">
                {t("contacts.timeline.upcoming")}
              </Badge>
            ) : null}
          </Group>
          <Text fw={600} size="sm">
            {item.title}
          </Text>
          {item.detail ? (
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {item.detail}
            </Text>
          ) : null}
          {item.byName ? (
            <Text size="xs" c="dimmed">
              {t("contacts.timeline.by", { name: item.byName })}
            </Text>
          ) : null}
        </Stack>
      </Box>
    </Group>
  );
}
