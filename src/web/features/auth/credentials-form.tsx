import { Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { LoginInputSchema } from "../../../contracts/auth.js";
import { PasswordInput } from "../../components/password-input.js";
import { focusFirstInvalidField } from "../../lib/api-form-errors.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";

export interface Credentials {
  email: string;
  password: string;
}

interface CredentialsFormProps {
  initialEmail: string;
  isSubmitting: boolean;
  onSubmit: (credentials: Credentials) => void;
}

/** Step 1 of logging in: e-mail and password. */
export function CredentialsForm({ initialEmail, isSubmitting, onSubmit }: CredentialsFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<Credentials>({
    initialValues: { email: initialEmail, password: "" },
    validate: zodFormValidator<Credentials>(LoginInputSchema.pick({ email: true, password: true })),
  });
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(onSubmit, () => focusFirstInvalidField(formRef.current))}
    >
      <Stack gap="md">
        <TextInput
          label={t("login.email")}
          type="email"
          autoComplete="username"
          required
          withAsterisk={false}
          autoFocus={!initialEmail}
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label={t("login.password")}
          autoComplete="current-password"
          required
          withAsterisk={false}
          autoFocus={Boolean(initialEmail)}
          {...form.getInputProps("password")}
        />
        <Button type="submit" loading={isSubmitting} fullWidth mt="xs">
          {t("login.submit")}
        </Button>
      </Stack>
    </form>
  );
}
