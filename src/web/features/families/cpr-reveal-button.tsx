import { Button, Group, Modal, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { revealCpr } from "./family-queries.js";

const SHOWN_SECONDS = 30;

/**
 * "Vis CPR": asks for a reason (written to the audit log with the view), then shows the full number
 * for 30 seconds. The number lives only in this dialog's state, never in the query cache.
 */
export function CprRevealButton({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => setOpened(true)}
        aria-label={t("casework.cpr.revealNamed", { name })}
      >
        {t("casework.cpr.reveal")}
      </Button>
      {opened ? <CprRevealDialog personId={personId} name={name} onClose={() => setOpened(false)} /> : null}
    </>
  );
}

function CprRevealDialog({
  personId,
  name,
  onClose,
}: {
  personId: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [cpr, setCpr] = useState<string | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(SHOWN_SECONDS);
  const form = useForm({
    initialValues: { reason: "" },
    validate: { reason: (value) => (value.trim() ? null : t("validation.required")) },
  });
  const submit = useFormSubmit(form, formRef);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    if (cpr === null) return;
    const started = Date.now();
    const timer = window.setInterval(() => {
      const left = SHOWN_SECONDS - Math.floor((Date.now() - started) / 1000);
      if (left <= 0) {
        setCpr(null);
        onCloseRef.current();
      } else {
        setSecondsLeft(left);
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [cpr]);

  const close = () => {
    setCpr(null);
    onClose();
  };

  return (
    <Modal
      opened
      onClose={close}
      title={t("casework.cpr.revealTitle", { name })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {cpr === null ? (
        <form
          ref={formRef}
          noValidate
          onSubmit={form.onSubmit(
            (values) =>
              submit.run(async () => {
                setSecondsLeft(SHOWN_SECONDS);
                setCpr(await revealCpr(personId, values.reason.trim()));
              }),
            submit.onInvalid,
          )}
        >
          <Stack gap="md">
            <Text size="sm">{t("casework.cpr.revealText")}</Text>
            {submit.error ? <ErrorAlert error={submit.error} /> : null}
            <TextInput
              label={t("casework.cpr.reason")}
              description={t("casework.cpr.reasonHint")}
              required
              data-autofocus
              {...form.getInputProps("reason")}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t("casework.cpr.show")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="md">
          <Paper withBorder p="md" radius="md" bg="gray.0" role="status">
            <Text size="sm" c="dimmed">
              {t("casework.cpr.shown")}
            </Text>
            <Text fz={28} fw={700} ff="monospace" data-testid="revealed-cpr">
              {cpr}
            </Text>
          </Paper>
          <Text size="sm" c="dimmed">
            {t("casework.cpr.hidesIn", { count: secondsLeft })}
          </Text>
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              {t("casework.cpr.hideNow")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
