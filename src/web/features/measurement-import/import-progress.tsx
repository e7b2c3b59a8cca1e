import { Group, Loader, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../lib/use-formatters.js";

/** What is happening now: reading the file or sending it (with real progress), or the server at work. */
export type ImportPhase =
  | { kind: "reading"; fraction: number }
  | { kind: "uploading"; fraction: number }
  | { kind: "checking"; rows: number }
  | { kind: "importing"; rows: number };

/**
 * The bar shows bytes actually read or sent; while the server works (no progress to report) a spinner
 * and a sentence say so instead of an animation that would pretend to know.
 */
export function ImportProgress({ phase }: { phase: ImportPhase }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (phase.kind === "reading" || phase.kind === "uploading") {
    const percent = Math.round(phase.fraction * 100);
    const text = t(`measurementImport.progress.${phase.kind}`, { percent });
    return (
      <Stack gap={4}>
        <Text size="sm" role="status">
          {text}
        </Text>
        <Progress
          value={percent}
          size="lg"
          aria-label={t("measurementImport.progress.label")}
          aria-valuetext={text}
        />
      </Stack>
    );
  }
  return (
    <Group gap="sm" role="status">
      <Loader size="sm" aria-hidden />
      <Text size="sm">
        {t(`measurementImport.progress.${phase.kind}`, { rows: format.number(phase.rows) })}
      </Text>
    </Group>
  );
}
