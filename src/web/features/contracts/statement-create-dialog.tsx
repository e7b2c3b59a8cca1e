import { Button, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "@tanstack/react-router";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { StatementCreateInputSchema } from "../../../contracts/outcome-contracts.js";
import { danishDateOf } from "../../../domain/casework/danish-time.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";
import { useCreateStatement } from "./contract-queries.js";
import type { StatementCreateInput } from "./contract-types.js";

interface StatementCreateDialogProps {
  opened: boolean;
  onClose: () => void;
  contractId: string;
}

/** "Ny opgørelse": an interim or final statement for a period, computed from today's measurements. */
export function StatementCreateDialog(props: StatementCreateDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t("contracts.newStatement.title")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <CreateForm {...props} />
    </Modal>
  );
}

interface CreateValues {
  kind: "interim" | "final";
  periodId: string;
  from: string;
  to: string;
  settlementDate: string;
}

function toInput(values: CreateValues): StatementCreateInput {
  return { ...values, periodId: values.periodId.trim() || undefined };
}

function CreateForm({ onClose, contractId }: StatementCreateDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateStatement(contractId);
  const today = danishDateOf(new Date());
  const form = useForm<CreateValues>({
    initialValues: { kind: "interim", periodId: "", from: "", to: today, settlementDate: today },
    validate: zodFormValidator<CreateValues>(StatementCreateInputSchema, toInput),
  });
  const submit = useFormSubmit(form, formRef);
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(
        (values) =>
          submit.run(async () => {
            const statement = await create.mutateAsync(toInput(values));
            notifySuccess(t("contracts.newStatement.created"));
            onClose();
            await navigate({ to: "/statements/$statementId", params: { statementId: statement.id } });
          }),
        submit.onInvalid,
      )}
    >
      <Stack gap="md">
        <Text size="sm">{t("contracts.newStatement.intro")}</Text>
        <Radio.Group label={t("contracts.newStatement.kind")} required {...form.getInputProps("kind")}>
          <Stack gap="xs" mt="xs">
            <Radio
              value="interim"
              label={t("contracts.statementKinds.interim")}
              description={t("contracts.newStatement.interimHint")}
            />
            <Radio
              value="final"
              label={t("contracts.statementKinds.final")}
              description={t("contracts.newStatement.finalHint")}
            />
          </Stack>
        </Radio.Group>
        <TextInput
          label={t("contracts.newStatement.periodId")}
          description={t("contracts.newStatement.periodIdHint")}
          maxLength={60}
          {...form.getInputProps("periodId")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            type="date"
            label={t("contracts.newStatement.from")}
            required
            {...form.getInputProps("from")}
          />
          <TextInput
            type="date"
            label={t("contracts.newStatement.to")}
            required
            {...form.getInputProps("to")}
          />
          <TextInput
            type="date"
            label={t("contracts.newStatement.settlementDate")}
            required
            {...form.getInputProps("settlementDate")}
          />
        </SimpleGrid>
        {submit.error ? <ErrorAlert error={submit.error} title={t("contracts.newStatement.failed")} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t("contracts.newStatement.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
