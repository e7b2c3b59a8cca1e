import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A message about a group of fields (e.g. "Vægtene skal tilsammen være 100 %"), shown under the group. */
export function FieldGroupError({ error }: { error: ReactNode }) {
  if (!error) return null;
  return (
    <Text size="sm" c="red.8" fw={600}>
      {error}
    </Text>
  );
}
