import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { ContractAcceptInputSchema } from "../../../contracts/outcome-contracts.js";
import { danishDateOf } from "../../../domain/casework/danish-time.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";
import { useAcceptContractVersion } from "./contract-queries.js";
import type { ContractPartyView } from "./contract-types.js";

interface ContractAcceptDialogProps {
  opened: boolean;
  onClose: () => void;
  contractId: string;
  version: number;
  /** The parties the user may record an acceptance for. */
  parties: readonly ContractPartyView[];
}

/** "Registrér accept": who signed the version for a party, and when. */
export function ContractAcceptDialog(props: ContractAcceptDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t("contracts.accept.title", { version: props.version })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <AcceptForm {...props} />
    </Modal>
  );
}

interface AcceptValues {
  partyOrganisationId: string;
  acceptedByName: string;
  acceptedOn: string;
}

function AcceptForm({ onClose, contractId, version, parties }: ContractAcceptDialogProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const accept = useAcceptContractVersion(contractId, version);
  const form = useForm<AcceptValues>({
    initialValues: {
      partyOrganisationId: parties.length === 1 ? (parties[0]?.organisationId ?? "") : "",
      acceptedByName: "",
      acceptedOn: danishDateOf(new Date()),
    },
    validate: zodFormValidator<AcceptValues>(ContractAcceptInputSchema),
  });
  const submit = useFormSubmit(form, formRef);
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(
        (values) =>
          submit.run(async () => {
            await accept.mutateAsync(values);
            const party = parties.find((p) => p.organisationId === values.partyOrganisationId);
            notifySuccess(t("contracts.accept.done", { party: party?.name ?? "", version }));
            onClose();
          }),
        submit.onInvalid,
      )}
    >
      <Stack gap="md">
        <Text size="sm">{t("contracts.accept.intro")}</Text>
        <NativeSelect
          label={t("contracts.terms.party")}
          required
          data={[
            ...(parties.length === 1 ? [] : [{ value: "", label: t("common.choose") }]),
            ...parties.map((p) => ({
              value: p.organisationId,
              label: `${p.name} (${t(`contracts.roles.${p.role}`)})`,
            })),
          ]}
          data-autofocus
          {...form.getInputProps("partyOrganisationId")}
        />
        <TextInput
          label={t("contracts.accept.acceptedByName")}
          description={t("contracts.accept.acceptedByNameHint")}
          required
          maxLength={200}
          {...form.getInputProps("acceptedByName")}
        />
        <TextInput
          type="date"
          label={t("contracts.accept.acceptedOn")}
          required
          {...form.getInputProps("acceptedOn")}
        />
        {submit.error ? <ErrorAlert error={submit.error} title={t("contracts.accept.failed")} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={accept.isPending}>
            {t("contracts.accept.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
