import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { Organisation } from "../../../contracts/admin.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { RouterButton } from "../../components/router-links.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";
import { PartyFields } from "./party-fields.js";
import type { ProjectFormValues } from "./project-form-values.js";
import { TrackFields } from "./track-fields.js";

const STATUSES = ["planned", "active", "closed"] as const;

interface ProjectFormProps {
  initialValues: ProjectFormValues;
  /** The contract schema the body must satisfy (create or update). */
  schema: z.ZodType;
  toInput: (values: ProjectFormValues) => unknown;
  /** Organisations that may own the project; omitted when editing (the owner does not change). */
  ownerOptions?: Organisation[];
  /** Organisations that can take part. */
  organisations: Organisation[];
  submitLabel: string;
  cancel: { to: "/projects" } | { to: "/projects/$projectId"; params: { projectId: string } };
  /** Saves; throws the ApiError when the server refuses. */
  onSubmit: (values: ProjectFormValues) => Promise<unknown>;
}

/** Create or edit a project: name, period, status, description, tracks and parties. */
export function ProjectForm(props: ProjectFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<ProjectFormValues>({
    initialValues: props.initialValues,
    validate: zodFormValidator<ProjectFormValues>(props.schema, props.toInput),
  });
  const submit = useFormSubmit(form, formRef);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit((values) => submit.run(() => props.onSubmit(values)), submit.onInvalid)}
    >
      <Stack gap="lg">
        {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            {props.ownerOptions ? (
              <NativeSelect
                label={t("projects.owner")}
                description={t("projects.ownerHint")}
                required
                data={[
                  { value: "", label: t("common.choose") },
                  ...props.ownerOptions.map((o) => ({ value: o.id, label: o.name })),
                ]}
                {...form.getInputProps("organisationId")}
              />
            ) : null}
            <TextInput label={t("fields.name")} required {...form.getInputProps("name")} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput
                type="date"
                label={t("projects.startsOn")}
                required
                {...form.getInputProps("startsOn")}
              />
              <TextInput
                type="date"
                label={t("projects.endsOn")}
                required
                {...form.getInputProps("endsOn")}
              />
              <NativeSelect
                label={t("fields.status")}
                data={STATUSES.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))}
                {...form.getInputProps("status")}
              />
            </SimpleGrid>
            <Textarea
              label={t("fields.description")}
              autosize
              minRows={3}
              maxRows={10}
              {...form.getInputProps("description")}
            />
          </Stack>
        </Paper>
        <TrackFields form={form} />
        <PartyFields form={form} organisations={props.organisations} />
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            {props.submitLabel}
          </Button>
          <RouterButton variant="default" {...props.cancel}>
            {t("common.cancel")}
          </RouterButton>
        </Group>
      </Stack>
    </form>
  );
}
