import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { CONSENT_PURPOSES, type ConsentPurpose } from "../../../domain/casework/consent.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { todayInDenmark } from "./case-dates.js";
import type { FamilyDetail } from "./casework-types.js";
import { useRecordConsents } from "./family-queries.js";

interface ConsentFormValues {
  purposes: ConsentPurpose[];
  personId: string;
  isGiven: "given" | "withdrawn";
  recordedOn: string;
  note: string;
}

interface ConsentDialogProps {
  family: FamilyDetail;
  /** Purposes ticked from the start (e.g. those the acceptance check misses). */
  initialPurposes?: ConsentPurpose[];
  onClose: () => void;
}

/**
 * "Registrér samtykke": one or more purposes, for the family as a whole or one member, given or
 * withdrawn, on a day. Each purpose becomes its own (append-only) record.
 */
export function ConsentDialog({ family, initialPurposes = [], onClose }: ConsentDialogProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const record = useRecordConsents(family.id);
  const today = todayInDenmark();
  const form = useForm<ConsentFormValues>({
    initialValues: { purposes: initialPurposes, personId: "", isGiven: "given", recordedOn: today, note: "" },
    validate: {
      purposes: (value) => (value.length > 0 ? null : t("casework.consents.choosePurpose")),
      recordedOn: (value) => (value ? null : t("validation.required")),
    },
  });
  const submit = useFormSubmit(form, formRef);
  const current = family.members.filter((m) => m.isCurrent);

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t("casework.consents.recordTitle", { family: family.name })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) =>
            submit.run(async () => {
              await record.mutateAsync({
                purposes: values.purposes,
                ...(values.personId ? { personId: values.personId } : {}),
                isGiven: values.isGiven === "given",
                recordedOn: values.recordedOn,
                note: values.note.trim(),
              });
              notifySuccess(t("casework.consents.recorded", { count: values.purposes.length }));
              onClose();
            }),
          submit.onInvalid,
        )}
      >
        <Stack gap="md">
          {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
          <Checkbox.Group
            label={t("casework.consents.purposes")}
            description={t("casework.consents.purposesHint")}
            required
            {...form.getInputProps("purposes")}
          >
            <Stack gap="xs" mt="xs">
              {CONSENT_PURPOSES.map((p) => (
                <Checkbox key={p} value={p} label={t(`casework.consentPurposes.${p}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t("casework.consents.subject")}
              data={[
                { value: "", label: t("casework.consents.wholeFamily") },
                ...current.map((m) => ({
                  value: m.person.id,
                  label: `${m.person.firstName} ${m.person.lastName} (${t(`casework.householdRoles.${m.role}`)})`,
                })),
              ]}
              {...form.getInputProps("personId")}
            />
            <TextInput
              type="date"
              label={t("casework.consents.recordedOnLabel")}
              required
              max={today}
              {...form.getInputProps("recordedOn")}
            />
          </SimpleGrid>
          <Radio.Group label={t("casework.consents.isGiven")} required {...form.getInputProps("isGiven")}>
            <Group gap="lg" mt="xs">
              <Radio value="given" label={t("casework.consents.given")} />
              <Radio value="withdrawn" label={t("casework.consents.withdrawn")} />
            </Group>
          </Radio.Group>
          <Textarea
            label={t("casework.consents.note")}
            description={t("casework.consents.noteHint")}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps("note")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("casework.consents.record")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
