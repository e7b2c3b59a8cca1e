import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Note } from "./contact-queries.js";
import { useDanishTime } from "./use-danish-time.js";

interface NoteCardProps {
  note: Note;
  /** Every note of the course by id, to say which note a correction corrects (and when it was written). */
  notesById: ReadonlyMap<string, Note>;
  /** Absent when the user may not write. */
  onCorrect?: (note: Note) => void;
}

/**
 * One note, as it was written. A corrected note stays in full, marked "Rettet" with a grey edge; a
 * correction is marked "Rettelse" and names the note it corrects.
 */
export function NoteCard({ note, notesById, onCorrect }: NoteCardProps) {
  const { t } = useTranslation();
  const danish = useDanishTime();
  const when = danish.dateTime(note.createdAt);
  const corrects = note.correctsNoteId ? notesById.get(note.correctsNoteId) : undefined;
  const correctedBy = note.correctedByNoteId ? notesById.get(note.correctedByNoteId) : undefined;
  return (
    <Paper
      component="article"
      aria-label={t("contacts.notes.by", { name: note.createdByName ?? "–", when })}
      withBorder
      radius="sm"
      p="sm"
      bg={note.isCorrected ? "gray.0" : "white"}
      style={{
        borderLeft: `4px solid var(--mantine-color-${note.isCorrected ? "gray-5" : note.correctsNoteId ? "blue-6" : "gray-3"})`,
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {note.createdByName ?? "–"}
            </Text>
            <Text size="sm" c="dimmed">
              {when}
            </Text>
            {note.isCorrected ? (
              <Badge size="sm" variant="outline" color="gray">
                {t("contacts.notes.corrected")}
              </Badge>
            ) : null}
            {note.correctsNoteId ? (
              <Badge size="sm" variant="light" color="blue">
                {t("contacts.notes.correction")}
              </Badge>
            ) : null}
          </Group>
          {onCorrect && !note.isCorrected ? (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => onCorrect(note)}
              aria-label={t("contacts.notes.correctNamed", { when })}
            >
              {t("contacts.notes.correct")}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {note.body}
        </Text>
        {corrects ? (
          <Text size="xs" c="dimmed">
            {t("contacts.notes.correctionOf", { when: danish.dateTime(corrects.createdAt) })}
          </Text>
        ) : null}
        {correctedBy ? (
          <Text size="xs" c="dimmed">
            {t("contacts.notes.correctedBy", { when: danish.dateTime(correctedBy.createdAt) })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
