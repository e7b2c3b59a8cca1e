import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useDocumentTitle } from "../lib/use-document-title.js";

interface PageHeaderProps {
  /** The page's one h1; also the browser tab's title unless `documentTitle` is given. */
  title: string;
  documentTitle?: string;
  description?: ReactNode;
  /** Buttons or links beside the heading (e.g. "Opret projekt"). */
  actions?: ReactNode;
  /** Shown above the heading (breadcrumbs). */
  above?: ReactNode;
  /** Shown beside the heading (status badges). */
  badges?: ReactNode;
}

/** The top of every page: breadcrumbs, the h1, a short description and the page's main actions. */
export function PageHeader({ title, documentTitle, description, actions, above, badges }: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <Stack gap="xs" mb="xl">
      {above}
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1}>{title}</Title>
          {badges}
        </Group>
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Group>
      {description ? (
        <Text c="dimmed" maw={720}>
          {description}
        </Text>
      ) : null}
    </Stack>
  );
}
