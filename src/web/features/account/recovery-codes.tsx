import { Alert, Button, CopyButton, Group, List, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The recovery codes, shown once right after enrolment, with copy and print. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" title={t("twoFactor.recoveryTitle")} role="alert">
        {t("twoFactor.recoveryText")}
      </Alert>
      <Paper withBorder radius="md" p="lg" bg="white">
        <List
          className="mono"
          listStyleType="none"
          spacing={4}
          styles={{ root: { columns: 2, fontSize: "1.05rem" } }}
          aria-label={t("twoFactor.recoveryListLabel")}
        >
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
      </Paper>
      <Text size="sm" c="dimmed">
        {t("twoFactor.recoveryHint")}
      </Text>
      <Group gap="sm" className="no-print">
        <CopyButton value={codes.join("\n")}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t("twoFactor.copied") : t("twoFactor.copy")}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={() => window.print()}>
          {t("twoFactor.print")}
        </Button>
        <Button onClick={onDone}>{t("twoFactor.recoveryDone")}</Button>
      </Group>
    </Stack>
  );
}
