import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

interface ItemSummaryProps {
  /** "Mål 1", "Indsats 2". */
  legend: string;
  title: string;
  details: string;
  badge?: ReactNode;
  /** The button's words ("Rediger") and its full name ("Rediger mål 1"). */
  openText: string;
  openLabel: string;
  onOpen: () => void;
}

/** A goal or measure of the editor with its fields folded away: one line, and a button to edit it. */
export function ItemSummary({
  legend,
  title,
  details,
  badge,
  openText,
  openLabel,
  onOpen,
}: ItemSummaryProps) {
  return (
    <Paper withBorder radius="md" px="md" py="sm" bg="white">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" c="dimmed">
            {legend} · {details}
          </Text>
          <Text fw={600} size="sm" lineClamp={2}>
            {title}
          </Text>
        </Stack>
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          {badge}
          <Button variant="default" size="xs" aria-label={openLabel} onClick={onOpen}>
            {openText}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
