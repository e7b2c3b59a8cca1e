import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterAnchor } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { useCan } from "../../lib/use-can.js";

/** On the project page: the way to the project's progression and data quality (for those who read measurements). */
export function ProjectProgressionLinks({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can("measurement.read")) return null;
  const k = "progressionCohort.projectLinks";
  return (
    <SectionCard title={t(`${k}.title`)}>
      <Text>{t(`${k}.intro`)}</Text>
      <Group gap="lg">
        <RouterAnchor to="/projects/$projectId/progression" params={{ projectId }} search={{}}>
          {t(`${k}.cohort`)}
        </RouterAnchor>
        <RouterAnchor to="/projects/$projectId/data-quality" params={{ projectId }} search={{}}>
          {t(`${k}.dataQuality`)}
        </RouterAnchor>
      </Group>
    </SectionCard>
  );
}
