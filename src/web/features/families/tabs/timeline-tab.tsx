import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../../components/query-state.js";
import { SectionCard } from "../../../components/section-card.js";
import { useFamilyTimeline } from "../../timeline/timeline-queries.js";
import { TimelineView } from "../../timeline/timeline-view.js";
import type { FamilyTabProps } from "../family-tab-types.js";

/** "Tidslinje": everything around the family (all the courses the user may read), newest first. */
export function FamilyTimelineTab({ family }: FamilyTabProps) {
  const { t } = useTranslation();
  const timeline = useFamilyTimeline(family.id);
  return (
    <SectionCard title={t("contacts.timeline.title")}>
      <Text size="sm" c="dimmed">
        {t("contacts.timeline.intro")}
      </Text>
      <QueryState query={timeline}>{({ items }) => <TimelineView items={items} />}</QueryState>
    </SectionCard>
  );
}
