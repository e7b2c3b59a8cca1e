import { SimpleGrid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/page-header.js";
import { useCurrentMe } from "../../lib/use-me.js";
import { MyAccountSection } from "./my-account-section.js";
import { MyProjectsSection } from "./my-projects-section.js";
import { MyRolesSection } from "./my-roles-section.js";

/** "Overblik": a greeting, the user's organisations and roles, and their projects. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  return (
    <>
      <PageHeader
        title={t("home.greeting", { name: me.user.displayName })}
        documentTitle={t("nav.home")}
        description={t("home.description")}
      />
      <Stack gap="lg">
        <MyRolesSection memberships={me.memberships} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <MyProjectsSection projects={me.projects} />
          <MyAccountSection me={me} />
        </SimpleGrid>
      </Stack>
    </>
  );
}
