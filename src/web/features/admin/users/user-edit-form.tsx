import { Button, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { type User, type UserUpdateInput, UserUpdateInputSchema } from "../../../../contracts/admin.js";
import { ErrorAlert } from "../../../components/error-alert.js";
import { useFormSubmit } from "../../../lib/use-form-submit.js";
import { zodFormValidator } from "../../../lib/zod-form-validator.js";

interface Values {
  displayName: string;
  email: string;
  externalIssuer: string;
  externalSubject: string;
}

interface UserEditFormProps {
  user: User;
  onSubmit: (input: UserUpdateInput) => Promise<unknown>;
}

/** Name, e-mail and the external identity (for municipal single sign-on later). */
export function UserEditForm({ user, onSubmit }: UserEditFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const toInput = (values: Values): UserUpdateInput => ({
    displayName: values.displayName,
    email: values.email.trim(),
    externalIssuer: values.externalIssuer.trim() || null,
    externalSubject: values.externalSubject.trim() || null,
    version: user.version,
  });
  const form = useForm<Values>({
    initialValues: {
      displayName: user.displayName,
      email: user.email,
      externalIssuer: user.externalIssuer ?? "",
      externalSubject: user.externalSubject ?? "",
    },
    validate: zodFormValidator<Values>(UserUpdateInputSchema, toInput),
  });
  const submit = useFormSubmit(form, formRef);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit((values) => submit.run(() => onSubmit(toInput(values))), submit.onInvalid)}
    >
      <Stack gap="md">
        {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t("fields.displayName")} required {...form.getInputProps("displayName")} />
          <TextInput label={t("fields.email")} type="email" required {...form.getInputProps("email")} />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t("users.externalIdentityHint")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t("users.externalIssuer")}
            spellCheck={false}
            {...form.getInputProps("externalIssuer")}
          />
          <TextInput
            label={t("users.externalSubject")}
            spellCheck={false}
            {...form.getInputProps("externalSubject")}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
