import { Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The product's mark and name, as shown in the header; `link` wraps mark and name (not the tagline). */
export function ProductName({ link }: { link?: (content: ReactNode) => ReactNode }) {
  const { t } = useTranslation();
  const mark = (
    <Group gap={10} wrap="nowrap">
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="6" fill="var(--mantine-color-bundlinje-8)" />
        <path d="M8 23h16M10 19v-6M16 19V9M22 19v-4" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <Text fw={700} size="lg" c="bundlinje.9">
        {t("app.name")}
      </Text>
    </Group>
  );
  return (
    <Group gap="md" wrap="nowrap">
      {link ? link(mark) : mark}
      <Text size="sm" c="dimmed" visibleFrom="md">
        {t("app.tagline")}
      </Text>
    </Group>
  );
}
