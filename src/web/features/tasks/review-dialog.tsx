import { Button, Group, Modal, Radio, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { REVIEW_DECISIONS, type ReviewDecision } from "../../../contracts/casework-tasks.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { todayInDenmark } from "../families/case-dates.js";
import { useRecordReview } from "./task-queries.js";

/** As the API's ReviewInputSchema. */
const MAX_REASONS = 4000;

interface ReviewFormValues {
  heldOn: string;
  decision: ReviewDecision | "";
  reasons: string;
}

interface ReviewDialogProps {
  courseId: string;
  familyName: string;
  /** The course's acceptance: a review cannot be dated before it (the server checks it too). */
  acceptedOn?: string;
  onClose: () => void;
}

/**
 * "Afhold revurdering": the day, the decision (fortsæt / justér / afslut) and its reasons. The server
 * stores a snapshot of the plan and contacts with it, completes the review task and sets the next one.
 */
export function ReviewDialog({ courseId, familyName, acceptedOn, onClose }: ReviewDialogProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const formRef = useRef<HTMLFormElement>(null);
  const record = useRecordReview(courseId);
  const today = todayInDenmark();
  const form = useForm<ReviewFormValues>({
    initialValues: { heldOn: today, decision: "", reasons: "" },
    validate: {
      heldOn: (value) => {
        if (!value) return t("tasks.dialog.errors.heldOnRequired");
        if (value > today) return t("tasks.dialog.errors.heldOnFuture");
        if (acceptedOn && value < acceptedOn) {
          return t("tasks.dialog.errors.heldOnBeforeAcceptance", { date: format.date(acceptedOn) });
        }
        return null;
      },
      decision: (value) => (value ? null : t("tasks.dialog.errors.decisionRequired")),
      reasons: (value) =>
        value.trim() === ""
          ? t("tasks.dialog.errors.reasonsRequired")
          : value.trim().length > MAX_REASONS
            ? t("tasks.dialog.errors.reasonsTooLong", { max: format.number(MAX_REASONS) })
            : null,
    },
  });
  const submit = useFormSubmit(form, formRef);

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t("tasks.dialog.title", { family: familyName })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) =>
            submit.run(async () => {
              const decision = values.decision as ReviewDecision;
              await record.mutateAsync({ heldOn: values.heldOn, decision, reasons: values.reasons.trim() });
              notifySuccess(decision === "end" ? t("tasks.dialog.savedEnd") : t("tasks.dialog.saved"));
              onClose();
            }),
          submit.onInvalid,
        )}
      >
        <Stack gap="md">
          <Text size="sm">{t("tasks.dialog.intro")}</Text>
          {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
          <TextInput
            type="date"
            label={t("tasks.dialog.heldOn")}
            description={t("tasks.dialog.heldOnHint")}
            required
            min={acceptedOn}
            max={today}
            style={{ maxWidth: 280 }}
            {...form.getInputProps("heldOn")}
          />
          <Radio.Group label={t("tasks.dialog.decision")} required {...form.getInputProps("decision")}>
            <Stack gap="sm" mt="xs">
              {REVIEW_DECISIONS.map((d) => (
                <Radio
                  key={d}
                  value={d}
                  label={t(`tasks.decisions.${d}`)}
                  description={t(`tasks.decisionHints.${d}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t("tasks.dialog.reasons")}
            description={t("tasks.dialog.reasonsHint")}
            required
            autosize
            minRows={4}
            maxRows={10}
            {...form.getInputProps("reasons")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("tasks.dialog.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
