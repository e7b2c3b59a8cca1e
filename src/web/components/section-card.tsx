import { Group, Paper, Stack, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";

interface SectionCardProps {
  title: string;
  /** Heading level under the page's h1 (default 2). */
  order?: 2 | 3;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled section of a page (h2), in a bordered paper; the heading names the section (a region). */
export function SectionCard({ title, order = 2, actions, children }: SectionCardProps) {
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={order} size="h4" id={headingId}>
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
