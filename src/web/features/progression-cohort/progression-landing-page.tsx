import { Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterButton } from "../../components/router-links.js";
import { useProjects } from "../projects/project-queries.js";

/** "Progression" in the menu: the projects the user sees, each with its progression and data quality. */
export function ProgressionLandingPage() {
  const { t } = useTranslation();
  const projects = useProjects();
  const k = "progressionCohort.landing";
  return (
    <>
      <PageHeader title={t(`${k}.title`)} description={t(`${k}.description`)} />
      <QueryState query={projects}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t(`${k}.empty`)} />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              {page.items.map((p) => (
                <Paper
                  key={p.id}
                  withBorder
                  radius="md"
                  p="lg"
                  component="article"
                  aria-labelledby={`project-${p.id}`}
                >
                  <Stack gap="sm">
                    <Title order={2} size="h4" id={`project-${p.id}`}>
                      {p.name}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {p.organisationName}
                    </Text>
                    <Group gap="sm">
                      <RouterButton
                        to="/projects/$projectId/progression"
                        params={{ projectId: p.id }}
                        search={{}}
                      >
                        {t(`${k}.cohort`)}
                      </RouterButton>
                      <RouterButton
                        to="/projects/$projectId/data-quality"
                        params={{ projectId: p.id }}
                        search={{}}
                        variant="default"
                      >
                        {t(`${k}.dataQuality`)}
                      </RouterButton>
                    </Group>
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </>
  );
}
