import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { NewMemberInputSchema } from "../../../contracts/casework.js";
import { HOUSEHOLD_ROLES } from "../../../domain/casework/household.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { focusFirstInvalidField } from "../../lib/api-form-errors.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";
import { todayInDenmark } from "./case-dates.js";
import type { FamilyDetail, NewMemberInput } from "./casework-types.js";
import { DuplicateWarnings, useDuplicateChecks } from "./duplicate-warnings.js";
import { useAddMember } from "./family-queries.js";
import { PersonFields } from "./person-fields.js";
import { emptyMember, type MemberFormValues, toPersonInput } from "./person-form-values.js";

const KEY = "new-member";

function toInput(values: MemberFormValues): NewMemberInput {
  return {
    role: values.role as NewMemberInput["role"],
    fromOn: values.fromOn,
    person: toPersonInput(values.person),
    acknowledgeDuplicates: values.acknowledgeDuplicates,
  };
}

/**
 * "Tilføj medlem": a new person moves into the household. Before saving, the API is asked whether
 * the person may already be known; a warning must be answered with "Det er en anden person".
 */
export function AddMemberDialog({ family, onClose }: { family: FamilyDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const addMember = useAddMember(family.id);
  const duplicates = useDuplicateChecks();
  const [ackError, setAckError] = useState<string | null>(null);
  const form = useForm<MemberFormValues>({
    initialValues: emptyMember("child", todayInDenmark()),
    validate: zodFormValidator<MemberFormValues>(NewMemberInputSchema, toInput),
  });
  const submit = useFormSubmit(form, formRef);
  const values = form.getValues();
  const warnings = duplicates.warningsOf(KEY, values.person);

  const runCheck = async () => {
    const result = await duplicates.check(KEY, form.getValues().person);
    for (const [field, message] of Object.entries(result.fieldErrors))
      form.setFieldError(`person.${field}`, message);
    return result;
  };

  const save = async (v: MemberFormValues) => {
    setAckError(null);
    const result = await runCheck();
    if (Object.keys(result.fieldErrors).length > 0) {
      focusFirstInvalidField(formRef.current);
      return;
    }
    if (result.warnings.some((w) => w.match === "same-cpr")) return;
    if (result.warnings.length > 0 && !v.acknowledgeDuplicates) {
      setAckError(t("casework.duplicates.mustAcknowledge"));
      return;
    }
    await addMember.mutateAsync(toInput(v));
    notifySuccess(t("casework.members.added", { name: `${v.person.firstName} ${v.person.lastName}` }));
    onClose();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t("casework.members.addTitle", { family: family.name })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit((v) => submit.run(() => save(v)), submit.onInvalid)}
      >
        <Stack gap="md">
          {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <NativeSelect
              label={t("casework.person.role")}
              required
              data={HOUSEHOLD_ROLES.map((r) => ({ value: r, label: t(`casework.householdRoles.${r}`) }))}
              {...form.getInputProps("role")}
            />
            <TextInput
              type="date"
              label={t("casework.person.fromOn")}
              required
              {...form.getInputProps("fromOn")}
            />
          </SimpleGrid>
          <PersonFields
            form={form}
            path="person"
            values={values.person}
            onIdentityBlur={() => void runCheck()}
          />
          <DuplicateWarnings
            warnings={warnings}
            isChecking={duplicates.isChecking(KEY)}
            acknowledged={values.acknowledgeDuplicates}
            onAcknowledge={(checked) => {
              form.setFieldValue("acknowledgeDuplicates", checked);
              if (checked) setAckError(null);
            }}
            error={ackError}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("casework.members.add")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
