import { Badge, Box, type MantineColor, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CASELOAD_STATUSES } from "../../../contracts/casework-tasks.js";
import { useFormatters } from "../../lib/use-formatters.js";

export type CaseloadStatus = (typeof CASELOAD_STATUSES)[number];

// The theme's AA-checked palettes; the badge's words carry the meaning, the colour only repeats it.
const STATUS_COLOURS: Record<CaseloadStatus, MantineColor> = {
  ok: "green",
  warning: "orange",
  "over-hard-limit": "red",
};

/** A weighted load in per cent as (weighted) families: 1650 → "16,5". */
export function useWeightedFamilies(): (weightedLoadPct: number) => string {
  const format = useFormatters();
  return (weightedLoadPct) => format.number(weightedLoadPct / 100);
}

/** Where a load stands against its limits, in words ("Over den faste grænse"). */
export function CaseloadStatusBadge({ status, size = "md" }: { status: CaseloadStatus; size?: "sm" | "md" }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant={status === "ok" ? "light" : "filled"} size={size}>
      {t(`caseload.status.${status}`)}
    </Badge>
  );
}

interface CaseloadLoadBarProps {
  weightedLoadPct: number;
  limits: { warningAtFamilies: number; hardLimitFamilies: number };
  status: CaseloadStatus;
}

/**
 * The weighted load against the hard limit: the sentence says it ("16,5 af 25 familier"), the bar
 * (hidden from screen readers, which read the sentence) shows it, with a mark at the warning limit.
 */
export function CaseloadLoadBar({ weightedLoadPct, limits, status }: CaseloadLoadBarProps) {
  const { t } = useTranslation();
  const families = useWeightedFamilies();
  const hardPct = limits.hardLimitFamilies * 100;
  const filled = Math.min(100, (weightedLoadPct / hardPct) * 100);
  const warningAt = Math.min(100, ((limits.warningAtFamilies * 100) / hardPct) * 100);
  return (
    <Stack gap={6}>
      <Text fw={600}>
        {t("caseload.load.ofHardLimit", {
          load: families(weightedLoadPct),
          hard: limits.hardLimitFamilies,
        })}
      </Text>
      <Box pos="relative" aria-hidden="true">
        <Progress value={filled} color={STATUS_COLOURS[status]} size="lg" radius="sm" bg="gray.2" />
        {warningAt < 100 ? (
          <Box
            pos="absolute"
            top={-3}
            bottom={-3}
            w={2}
            bg="gray.8"
            style={{ left: `calc(${warningAt}% - 1px)` }}
          />
        ) : null}
      </Box>
      <Text size="sm" c="dimmed">
        {t("caseload.load.limits", { warning: limits.warningAtFamilies, hard: limits.hardLimitFamilies })}
      </Text>
    </Stack>
  );
}
