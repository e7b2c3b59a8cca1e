import { List } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Me } from "../../../contracts/auth.js";
import { EmptyState } from "../../components/empty-state.js";
import { RouterAnchor } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { useCan } from "../../lib/use-can.js";

/** The projects the user's organisations take part in (links when they may open them). */
export function MyProjectsSection({ projects }: { projects: Me["projects"] }) {
  const { t } = useTranslation();
  const can = useCan();
  const canOpen = can("project.read");
  return (
    <SectionCard title={t("home.projectsTitle")}>
      {projects.length === 0 ? (
        <EmptyState title={t("home.noProjects")} description={t("home.noProjectsHint")} />
      ) : (
        <List spacing="xs">
          {projects.map((project) => (
            <List.Item key={project.id}>
              {canOpen ? (
                <RouterAnchor to="/projects/$projectId" params={{ projectId: project.id }}>
                  {project.name}
                </RouterAnchor>
              ) : (
                project.name
              )}
            </List.Item>
          ))}
        </List>
      )}
    </SectionCard>
  );
}
