import { Blockquote, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { type Note, useAddNote } from "./contact-queries.js";
import { useDanishTime } from "./use-danish-time.js";

const NOTE_MAX = 20_000;

/** What the note is about: a contact (by its id and a readable label), or the course as a whole. */
export type NoteTarget =
  | { mode: "add"; contactId: string | null; contactLabel: string | null }
  | { mode: "correct"; note: Note };

/**
 * Adds a note, or corrects one. Notes are append-only: a correction is a new note that names the old
 * one (which stays, shown as corrected); the text starts as the old note's so a small fix stays small.
 */
export function NoteDialog({
  courseId,
  target,
  onClose,
}: {
  courseId: string;
  target: NoteTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const danish = useDanishTime();
  const formRef = useRef<HTMLFormElement>(null);
  const addNote = useAddNote(courseId);
  const isCorrection = target.mode === "correct";
  const form = useForm({
    initialValues: { body: isCorrection ? target.note.body : "" },
    validate: {
      body: (value) =>
        !value.trim()
          ? t("contacts.errors.noteRequired")
          : value.trim().length > NOTE_MAX
            ? t("contacts.errors.noteLength")
            : isCorrection && value.trim() === target.note.body.trim()
              ? t("contacts.errors.noteUnchanged")
              : null,
    },
  });
  const submit = useFormSubmit(form, formRef);
  const title = isCorrection
    ? t("contacts.notes.correctTitle")
    : target.contactLabel
      ? t("contacts.notes.addContactTitle", { contact: target.contactLabel })
      : t("contacts.notes.addTitle");

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={title}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) =>
            submit.run(async () => {
              const body = values.body.trim();
              await addNote.mutateAsync(
                target.mode === "correct"
                  ? { body, correctsNoteId: target.note.id }
                  : { body, ...(target.contactId ? { contactId: target.contactId } : {}) },
              );
              notifySuccess(t("contacts.notes.saved"));
              onClose();
            }),
          submit.onInvalid,
        )}
      >
        <Stack gap="md">
          {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
          {target.mode === "correct" ? (
            <Stack gap="xs">
              <Text size="sm">{t("contacts.notes.correctIntro")}</Text>
              <Text size="sm" fw={600}>
                {t("contacts.notes.original")} (
                {t("contacts.notes.by", {
                  name: target.note.createdByName ?? "–",
                  when: danish.dateTime(target.note.createdAt),
                })}
                )
              </Text>
              <Blockquote color="gray" p="sm" m={0} fz="sm" style={{ whiteSpace: "pre-wrap" }}>
                {target.note.body}
              </Blockquote>
            </Stack>
          ) : null}
          <Textarea
            label={isCorrection ? t("contacts.notes.bodyCorrection") : t("contacts.notes.body")}
            description={t("contacts.notes.bodyHint")}
            required
            autosize
            minRows={4}
            maxRows={14}
            data-autofocus
            {...form.getInputProps("body")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={addNote.isPending}>
              {isCorrection ? t("contacts.notes.saveCorrection") : t("contacts.notes.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
