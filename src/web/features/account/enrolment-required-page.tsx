import { Alert, Paper, Stack, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../lib/use-document-title.js";
import { ME_QUERY_KEY } from "../../lib/use-me.js";
import { TwoFactorEnrolment } from "./two-factor-enrolment.js";

/**
 * All a user sees while their organisation requires two-factor and they have none
 * (Me.mustEnrolTwoFactor): the API refuses everything else until they enrol.
 */
export function EnrolmentRequiredPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const title = t("twoFactor.requiredTitle");
  useDocumentTitle(title);
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      <Alert color="bundlinje" variant="light" role="status">
        {t("twoFactor.requiredText")}
      </Alert>
      <Paper withBorder radius="md" p="xl" bg="white">
        <TwoFactorEnrolment onDone={() => void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY })} />
      </Paper>
    </Stack>
  );
}
