import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLanguageName } from "../families/language-names.js";
import type { Contact, Note } from "./contact-queries.js";
import { NoteCard } from "./note-card.js";
import { useDanishTime } from "./use-danish-time.js";

interface ContactCardProps {
  contact: Contact;
  notesById: ReadonlyMap<string, Note>;
  /** Absent when the user may not write. */
  onAddNote?: (contact: Contact, label: string) => void;
  onCorrect?: (note: Note) => void;
}

/** The label of a contact in headings and buttons: "Hjemmebesøg ons. 14. jan. 2026 kl. 19.30". */
export function useContactLabel(): (contact: Contact) => string {
  const { t } = useTranslation();
  const danish = useDanishTime();
  return (c) => `${t(`contacts.kinds.${c.kind}`)} ${danish.dateTime(c.occurredAt)}`;
}

/**
 * One contact: when (Danish time), what kind, how long, in which language and with or without an
 * interpreter, who took part, the out-of-hours badge, and its notes in the order they were written.
 */
export function ContactCard({ contact, notesById, onAddNote, onCorrect }: ContactCardProps) {
  const { t } = useTranslation();
  const danish = useDanishTime();
  const languageName = useLanguageName();
  const label = useContactLabel()(contact);
  const headingId = useId();
  const notes = [...contact.notes].reverse();
  const { persons, users, others } = contact.participants;
  const hasParticipants = persons.length + users.length + others.length > 0;
  const facts = [
    {
      label: t("contacts.list.duration"),
      value: t("contacts.list.minutes", { count: contact.durationMinutes }),
    },
    { label: t("contacts.list.language"), value: languageName(contact.language) },
    {
      label: t("contacts.list.interpreter"),
      value: contact.interpreterUsed
        ? t("contacts.list.withInterpreter")
        : t("contacts.list.withoutInterpreter"),
    },
  ];
  const groups = [
    { label: t("contacts.list.family"), names: persons.map((p) => p.name) },
    { label: t("contacts.list.staff"), names: users.map((u) => u.name) },
    { label: t("contacts.list.others"), names: others },
  ].filter((g) => g.names.length > 0);

  return (
    <Paper component="article" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Title order={3} size="h5" id={headingId}>
              {t(`contacts.kinds.${contact.kind}`)}
              <Text component="span" fw={400} c="dimmed" size="sm" ml="xs">
                {danish.dateTime(contact.occurredAt)}
              </Text>
            </Title>
            <Text size="xs" c="dimmed">
              {contact.createdByName
                ? t("contacts.list.loggedBy", {
                    name: contact.createdByName,
                    when: danish.dateTime(contact.createdAt),
                  })
                : t("contacts.list.loggedByUnknown", { when: danish.dateTime(contact.createdAt) })}
            </Text>
          </Stack>
          <Group gap="xs">
            {contact.isOutOfHours ? (
              <Badge color="orange" variant="light">
                {t("contacts.list.outOfHours")}
              </Badge>
            ) : null}
            {contact.interpreterUsed ? (
              <Badge color="gray" variant="light">
                {t("contacts.list.withInterpreter")}
              </Badge>
            ) : null}
          </Group>
        </Group>

        <SimpleGrid component="dl" cols={{ base: 1, xs: 3 }} spacing="md" verticalSpacing="xs" m={0}>
          {facts.map((f) => (
            <div key={f.label}>
              <Text component="dt" size="xs" c="dimmed">
                {f.label}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {f.value}
              </Text>
            </div>
          ))}
          <div style={{ gridColumn: "1 / -1" }}>
            <Text component="dt" size="xs" c="dimmed">
              {t("contacts.list.participants")}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {hasParticipants
                ? groups.map((g) => (
                    <Text component="span" display="block" size="sm" key={g.label}>
                      <Text component="span" size="sm" c="dimmed">
                        {g.label}:{" "}
                      </Text>
                      {g.names.join(", ")}
                    </Text>
                  ))
                : t("contacts.list.noParticipants")}
            </Text>
          </div>
        </SimpleGrid>

        <Stack gap="xs">
          {notes.map((n) => (
            <NoteCard key={n.id} note={n} notesById={notesById} onCorrect={onCorrect} />
          ))}
          {onAddNote ? (
            <Group>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => onAddNote(contact, label)}
                aria-label={t("contacts.notes.addToContact", { contact: label })}
              >
                {t("contacts.notes.add")}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Stack>
    </Paper>
  );
}
