import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { User } from "../../../contracts/admin.js";
import { eventTypeLabel, SUBJECT_TYPES, subjectTypeLabel } from "./audit-labels.js";
import type { AuditSearch } from "./audit-search.js";

interface Values {
  userId: string;
  eventType: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
}

interface AuditFilterFormProps {
  search: AuditSearch;
  users: User[];
  eventTypes: string[];
  onApply: (filters: AuditSearch) => void;
}

const blank = (s: string) => s.trim() || undefined;

/** Filters of the audit log: who, which event, which record, which period. */
export function AuditFilterForm({ search, users, eventTypes, onApply }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: {
      userId: search.userId ?? "",
      eventType: search.eventType ?? "",
      subjectType: search.subjectType ?? "",
      subjectId: search.subjectId ?? "",
      from: search.from ?? "",
      to: search.to ?? "",
    },
    validate: {
      to: (to, values) => (to && values.from && to < values.from ? t("audit.toBeforeFrom") : null),
    },
  });

  const apply = (values: Values) =>
    onApply({
      userId: blank(values.userId),
      eventType: blank(values.eventType),
      subjectType: blank(values.subjectType),
      subjectId: blank(values.subjectId),
      from: blank(values.from),
      to: blank(values.to),
    });

  const clear = () => {
    form.setValues({ userId: "", eventType: "", subjectType: "", subjectId: "", from: "", to: "" });
    onApply({});
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <form noValidate aria-label={t("audit.filtersTitle")} onSubmit={form.onSubmit(apply)}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <NativeSelect
              label={t("audit.user")}
              data={[
                { value: "", label: t("audit.allUsers") },
                ...users.map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` })),
              ]}
              {...form.getInputProps("userId")}
            />
            <NativeSelect
              label={t("audit.eventType")}
              data={[
                { value: "", label: t("audit.allEvents") },
                ...eventTypes.map((type) => ({ value: type, label: eventTypeLabel(t, type) })),
              ]}
              {...form.getInputProps("eventType")}
            />
            <NativeSelect
              label={t("audit.subjectType")}
              data={[
                { value: "", label: t("audit.allSubjects") },
                ...SUBJECT_TYPES.map((type) => ({ value: type, label: subjectTypeLabel(t, type) })),
              ]}
              {...form.getInputProps("subjectType")}
            />
            <TextInput
              label={t("audit.subjectId")}
              description={t("audit.subjectIdHint")}
              spellCheck={false}
              {...form.getInputProps("subjectId")}
            />
            <TextInput type="date" label={t("audit.from")} {...form.getInputProps("from")} />
            <TextInput type="date" label={t("audit.to")} {...form.getInputProps("to")} />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit">{t("audit.apply")}</Button>
            <Button variant="default" onClick={clear}>
              {t("audit.clear")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
