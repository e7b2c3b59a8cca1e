import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { isApiError } from "../../lib/api-error.js";
import { focusFirstInvalidField } from "../../lib/api-form-errors.js";
import { notifySuccess } from "../../lib/notify.js";
import { useCurrentMe } from "../../lib/use-me.js";
import type { CourseDetail, FamilyDetail, FamilyMember } from "../families/casework-types.js";
import { useLanguageName, useLanguageOptions } from "../families/language-names.js";
import {
  CONTACT_KINDS,
  type ContactFormValues,
  computedOutOfHours,
  formFieldOfApiPath,
  toContactInput,
  validateContactForm,
} from "./contact-form.js";
import { useLogContact } from "./contact-queries.js";
import { danishWallClockOf } from "./danish-wall-clock.js";

/** Parents first, as the household is listed elsewhere. */
const ROLE_ORDER: Readonly<Record<FamilyMember["role"], number>> = { parent: 0, "other-adult": 1, child: 2 };
const fullName = (m: FamilyMember) => `${m.person.firstName} ${m.person.lastName}`;
const isOnDay = (p: { fromOn: string; toOn: string | null }, day: string) =>
  p.fromOn <= day && (p.toOn === null || p.toOn >= day);

/** The family's languages, the most spoken first (Danish last: it is rarely the reason to log one). */
function familyLanguages(members: readonly FamilyMember[]): string[] {
  const count = new Map<string, number>();
  for (const m of members) for (const code of m.person.languages) count.set(code, (count.get(code) ?? 0) + 1);
  return [...count]
    .sort((a, b) => Number(a[0] === "da") - Number(b[0] === "da") || b[1] - a[1])
    .map(([code]) => code);
}

/** Now on the Danish clock, rounded down to the quarter hour (a sensible default for "when"). */
function defaultWhen(now: Date): { date: string; time: string } {
  const { date, time } = danishWallClockOf(now);
  const [h, m] = time.split(":").map(Number) as [number, number];
  return { date, time: `${String(h).padStart(2, "0")}:${String(m - (m % 15)).padStart(2, "0")}` };
}

interface ContactDialogProps {
  family: FamilyDetail;
  course: CourseDetail;
  onClose: () => void;
}

/**
 * "Registrér kontakt": when (Danish time), the kind, who took part (the family's members on that day,
 * the case team, others by role), the language and interpreter, the duration, out of hours (computed,
 * or forced) and an optional first note.
 */
export function ContactDialog({ family, course, onClose }: ContactDialogProps) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const formRef = useRef<HTMLFormElement>(null);
  const logContact = useLogContact(course.id);
  const languageName = useLanguageName();
  const allLanguages = useLanguageOptions();
  const [error, setError] = useState<unknown>(null);
  const current = family.members.filter((m) => m.isCurrent);
  const ownLanguages = familyLanguages(current.length > 0 ? current : family.members);
  const needInterpreter = current.filter((m) => m.person.interpreterNeeded);
  const isOnTeam = course.team.some((m) => m.userId === me.user.id && m.isActive);

  const form = useForm<ContactFormValues>({
    initialValues: {
      ...defaultWhen(new Date()),
      kind: "",
      personIds: [],
      userIds: isOnTeam ? [me.user.id] : [],
      others: [],
      language: ownLanguages.find((code) => code !== "da") ?? ownLanguages[0] ?? "da",
      interpreterUsed: needInterpreter.length > 0,
      durationMinutes: "",
      isOutOfHours: false,
      note: "",
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const [field, key] of Object.entries(validateContactForm(values, new Date())))
        errors[field] = t(`contacts.errors.${key}`);
      return errors;
    },
  });
  const values = form.getValues();
  const day = values.date || danishWallClockOf(new Date()).date;
  const members = family.members
    .filter((m) => isOnDay(m, day))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  const team = [
    ...new Map(course.team.filter((m) => isOnDay(m, day)).map((m) => [m.userId, m] as const)).values(),
  ];
  const isComputedOutOfHours = computedOutOfHours(values) === true;
  const otherLanguageOptions = allLanguages.filter((o) => !ownLanguages.includes(o.value));
  const suggestions = t("contacts.form.othersSuggestions")
    .split(",")
    .map((s) => s.trim());

  const save = async (v: ContactFormValues) => {
    setError(null);
    try {
      await logContact.mutateAsync(toContactInput(v));
    } catch (e) {
      if (isApiError(e)) {
        const fieldErrors: Record<string, string> = {};
        for (const d of e.details) {
          const field = formFieldOfApiPath(d.path);
          if (field && !fieldErrors[field]) fieldErrors[field] = translateServerMessage(d.message);
        }
        if (Object.keys(fieldErrors).length > 0) {
          form.setErrors(fieldErrors);
          focusFirstInvalidField(formRef.current);
        }
      }
      setError(e);
      return;
    }
    notifySuccess(t("contacts.form.logged"));
    onClose();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t("contacts.form.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(save, () => focusFirstInvalidField(formRef.current))}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("contacts.form.intro")}
          </Text>
          {error ? <ErrorAlert error={error} title={t("errors.notSaved")} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              type="date"
              label={t("contacts.form.date")}
              required
              max={danishWallClockOf(new Date()).date}
              {...form.getInputProps("date")}
            />
            <TextInput type="time" label={t("contacts.form.time")} required {...form.getInputProps("time")} />
            <NativeSelect
              label={t("contacts.form.kind")}
              required
              data={[
                { value: "", label: t("common.choose") },
                ...CONTACT_KINDS.map((k) => ({ value: k, label: t(`contacts.kinds.${k}`) })),
              ]}
              {...form.getInputProps("kind")}
            />
            <NumberInput
              label={t("contacts.form.durationMinutes")}
              description={t("contacts.form.durationHint")}
              required
              min={1}
              max={1440}
              step={15}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              hideControls
              inputMode="numeric"
              {...form.getInputProps("durationMinutes")}
            />
          </SimpleGrid>

          {isComputedOutOfHours ? (
            <Group gap="sm" wrap="nowrap" role="status">
              <Badge color="orange" variant="light">
                {t("contacts.form.isOutOfHours")}
              </Badge>
              <Text size="sm">{t("contacts.form.outOfHoursComputed")}</Text>
            </Group>
          ) : (
            <Checkbox
              label={t("contacts.form.forceOutOfHours")}
              description={t("contacts.form.outOfHoursForce")}
              {...form.getInputProps("isOutOfHours", { type: "checkbox" })}
            />
          )}

          <Stack gap="sm">
            <Text component="h3" fw={650} size="md">
              {t("contacts.form.participants")}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Checkbox.Group label={t("contacts.form.members")} {...form.getInputProps("personIds")}>
                <Stack gap={6} mt="xs">
                  {members.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t("contacts.form.membersNone")}
                    </Text>
                  ) : (
                    members.map((m) => (
                      <Checkbox
                        key={m.membershipId}
                        value={m.person.id}
                        label={`${fullName(m)} (${t(`casework.householdRoles.${m.role}`)})`}
                      />
                    ))
                  )}
                </Stack>
              </Checkbox.Group>
              <Checkbox.Group label={t("contacts.form.team")} {...form.getInputProps("userIds")}>
                <Stack gap={6} mt="xs">
                  {team.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t("contacts.form.teamNone")}
                    </Text>
                  ) : (
                    team.map((m) => (
                      <Checkbox
                        key={m.userId}
                        value={m.userId}
                        label={`${m.name} (${t(`casework.teamRoles.${m.role}`)})`}
                      />
                    ))
                  )}
                </Stack>
              </Checkbox.Group>
            </SimpleGrid>
            <TagsInput
              label={t("contacts.form.others")}
              description={t("contacts.form.othersHint")}
              data={suggestions}
              maxTags={30}
              clearable
              acceptValueOnBlur
              {...form.getInputProps("others")}
            />
          </Stack>

          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t("contacts.form.language")}
              required
              data={[
                {
                  group: t("contacts.form.familyLanguages"),
                  items: ownLanguages.map((code) => ({ value: code, label: languageName(code) })),
                },
                { group: t("contacts.form.otherLanguages"), items: otherLanguageOptions },
              ]}
              {...form.getInputProps("language")}
            />
            <Checkbox
              mt={{ base: 0, sm: 30 }}
              label={t("contacts.form.interpreterUsed")}
              description={
                needInterpreter.length > 0
                  ? t("contacts.form.interpreterHint", { names: needInterpreter.map(fullName).join(", ") })
                  : undefined
              }
              {...form.getInputProps("interpreterUsed", { type: "checkbox" })}
            />
          </SimpleGrid>

          <Textarea
            label={t("contacts.form.note")}
            description={t("contacts.form.noteHint")}
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps("note")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={logContact.isPending}>
              {t("contacts.form.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
