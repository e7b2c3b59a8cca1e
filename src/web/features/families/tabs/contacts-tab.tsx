import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/empty-state.js";
import { QueryState } from "../../../components/query-state.js";
import { SectionCard } from "../../../components/section-card.js";
import { ContactCard } from "../../contacts/contact-card.js";
import { ContactDialog } from "../../contacts/contact-dialog.js";
import { type Contact, type Note, useContacts, useCourseNotes } from "../../contacts/contact-queries.js";
import { NoteCard } from "../../contacts/note-card.js";
import { NoteDialog, type NoteTarget } from "../../contacts/note-dialog.js";
import type { CourseDetail, FamilyDetail } from "../casework-types.js";
import { useCourse } from "../family-queries.js";
import type { FamilyTabProps } from "../family-tab-types.js";

/** Contacts shown at first, and how many more each "Vis flere" adds. */
const PAGE = 10;

/** "Kontakter": the course's contact log with its notes, and the notes about the course as a whole. */
export function FamilyContactsTab({ family, course }: FamilyTabProps) {
  const detail = useCourse(course?.id ?? null);
  return <QueryState query={detail}>{(c) => <ContactsAndNotes family={family} course={c} />}</QueryState>;
}

function ContactsAndNotes({ family, course }: { family: FamilyDetail; course: CourseDetail }) {
  const { t } = useTranslation();
  const contacts = useContacts(course.id);
  const notes = useCourseNotes(course.id);
  const [shown, setShown] = useState(PAGE);
  const [isLogging, setIsLogging] = useState(false);
  const [noteTarget, setNoteTarget] = useState<NoteTarget | null>(null);
  const canWrite = course.abilities.write;
  const notesById = new Map<string, Note>([
    ...(contacts.data?.items ?? []).flatMap((c) => c.notes.map((n) => [n.id, n] as const)),
    ...(notes.data?.items ?? []).map((n) => [n.id, n] as const),
  ]);
  const onCorrect = canWrite ? (note: Note) => setNoteTarget({ mode: "correct", note }) : undefined;
  const onAddNote = canWrite
    ? (contact: Contact, label: string) =>
        setNoteTarget({ mode: "add", contactId: contact.id, contactLabel: label })
    : undefined;

  return (
    <Stack gap="lg">
      <SectionCard
        title={t("contacts.list.title")}
        actions={
          canWrite ? (
            <Button size="sm" onClick={() => setIsLogging(true)}>
              {t("contacts.list.log")}
            </Button>
          ) : null
        }
      >
        <Text size="sm" c="dimmed">
          {t("contacts.list.intro")}
        </Text>
        <QueryState query={contacts}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title={t("contacts.list.empty")} description={t("contacts.list.emptyHint")} />
            ) : (
              <Stack gap="md">
                <Text size="sm" fw={600} aria-live="polite">
                  {items.length > shown
                    ? t("contacts.list.showing", { shown, total: items.length })
                    : t("contacts.list.count", { count: items.length })}
                </Text>
                <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
                  {items.slice(0, shown).map((c) => (
                    <li key={c.id}>
                      <ContactCard
                        contact={c}
                        notesById={notesById}
                        onAddNote={onAddNote}
                        onCorrect={onCorrect}
                      />
                    </li>
                  ))}
                </Stack>
                {items.length > shown ? (
                  <Group justify="center">
                    <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
                      {t("contacts.list.showMore", { count: Math.min(PAGE, items.length - shown) })}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            )
          }
        </QueryState>
      </SectionCard>

      <SectionCard
        title={t("contacts.notes.courseTitle")}
        actions={
          canWrite ? (
            <Button
              size="sm"
              variant="default"
              onClick={() => setNoteTarget({ mode: "add", contactId: null, contactLabel: null })}
            >
              {t("contacts.notes.add")}
            </Button>
          ) : null
        }
      >
        <Text size="sm" c="dimmed">
          {t("contacts.notes.courseIntro")}
        </Text>
        <QueryState query={notes}>
          {({ items }) => {
            const courseNotes = items.filter((n) => n.contactId === null);
            return courseNotes.length === 0 ? (
              <Text c="dimmed">{t("contacts.notes.courseEmpty")}</Text>
            ) : (
              <Stack gap="xs">
                {courseNotes.map((n) => (
                  <NoteCard key={n.id} note={n} notesById={notesById} onCorrect={onCorrect} />
                ))}
              </Stack>
            );
          }}
        </QueryState>
      </SectionCard>

      {isLogging ? (
        <ContactDialog family={family} course={course} onClose={() => setIsLogging(false)} />
      ) : null}
      {noteTarget ? (
        <NoteDialog courseId={course.id} target={noteTarget} onClose={() => setNoteTarget(null)} />
      ) : null}
    </Stack>
  );
}
