import { Breadcrumbs as MantineBreadcrumbs, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** "Projekter › Navn": where the page sits; the last item is the current page (not a link). */
export function Breadcrumbs({ children, current }: { children: ReactNode; current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("app.breadcrumbs")}>
      {/* Wraps rather than overflowing on a phone: a long family or contract name must stay readable. */}
      <MantineBreadcrumbs
        separator="›"
        styles={{ root: { flexWrap: "wrap", rowGap: 4 }, breadcrumb: { whiteSpace: "normal", minWidth: 0 } }}
      >
        {children}
        <Text size="sm" c="dimmed" aria-current="page">
          {current}
        </Text>
      </MantineBreadcrumbs>
    </nav>
  );
}
