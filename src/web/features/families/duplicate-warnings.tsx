import { Alert, Checkbox, List, Stack, Text } from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { isCalendarDate } from "../../../domain/calendar-date.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { isApiError } from "../../lib/api-error.js";
import type { DuplicateWarning } from "./casework-types.js";
import { checkDuplicates } from "./family-queries.js";
import type { PersonFormValues } from "./person-form-values.js";

interface CheckResult {
  warnings: DuplicateWarning[];
  /** Problems with the identifying fields themselves (e.g. an invalid CPR number), by field name. */
  fieldErrors: Record<string, string>;
}

const identityOf = (p: PersonFormValues) =>
  JSON.stringify([p.firstName.trim().toLowerCase(), p.lastName.trim().toLowerCase(), p.birthDate, p.cpr]);

/**
 * Asks the API whether new people may already be known (POST /api/persons/duplicate-check), one
 * answer per member key, asked again only when name, birth date or CPR changed.
 */
export function useDuplicateChecks() {
  const [answers, setAnswers] = useState<Record<string, { identity: string; warnings: DuplicateWarning[] }>>(
    {},
  );
  const [checking, setChecking] = useState<Record<string, boolean>>({});

  const check = useCallback(
    async (key: string, person: PersonFormValues): Promise<CheckResult> => {
      const none: CheckResult = { warnings: [], fieldErrors: {} };
      if (!person.firstName.trim() || !person.lastName.trim() || !isCalendarDate(person.birthDate))
        return none;
      const identity = identityOf(person);
      const known = answers[key];
      if (known?.identity === identity) return { warnings: known.warnings, fieldErrors: {} };
      setChecking((c) => ({ ...c, [key]: true }));
      try {
        const cpr = person.cpr.trim();
        const warnings = await checkDuplicates({
          firstName: person.firstName.trim(),
          lastName: person.lastName.trim(),
          birthDate: person.birthDate,
          ...(cpr ? { cpr } : {}),
        });
        setAnswers((a) => ({ ...a, [key]: { identity, warnings } }));
        return { warnings, fieldErrors: {} };
      } catch (error) {
        // An invalid CPR number or birth date: say so at the field; the save will refuse it anyway.
        const fieldErrors: Record<string, string> = {};
        if (isApiError(error)) {
          for (const d of error.details)
            fieldErrors[d.path.replace(/^body\./, "")] = translateServerMessage(d.message);
        }
        return { warnings: [], fieldErrors };
      } finally {
        setChecking((c) => ({ ...c, [key]: false }));
      }
    },
    [answers],
  );

  /** Records warnings the server answered a save with (409), so that they are shown like the check's. */
  const setWarnings = useCallback((key: string, person: PersonFormValues, warnings: DuplicateWarning[]) => {
    setAnswers((a) => ({ ...a, [key]: { identity: identityOf(person), warnings } }));
  }, []);

  const warningsOf = (key: string, person: PersonFormValues): DuplicateWarning[] => {
    const known = answers[key];
    return known && known.identity === identityOf(person) ? known.warnings : [];
  };

  return { check, setWarnings, warningsOf, isChecking: (key: string) => checking[key] ?? false };
}

interface DuplicateWarningsProps {
  warnings: DuplicateWarning[];
  isChecking?: boolean;
  acknowledged: boolean;
  onAcknowledge: (acknowledged: boolean) => void;
  /** Shown when the user tried to save without taking a stand. */
  error?: string | null;
}

/**
 * The duplicate warning before a person is saved: who may be the same, and "Det er en anden person".
 * The same CPR number cannot be acknowledged away.
 */
export function DuplicateWarnings({
  warnings,
  isChecking,
  acknowledged,
  onAcknowledge,
  error,
}: DuplicateWarningsProps) {
  const { t } = useTranslation();
  if (isChecking && warnings.length === 0) {
    return (
      <Text size="sm" c="dimmed" role="status">
        {t("casework.duplicates.checking")}
      </Text>
    );
  }
  if (warnings.length === 0) return null;
  const isSameCpr = warnings.some((w) => w.match === "same-cpr");
  return (
    <Alert
      color={isSameCpr ? "red" : "orange"}
      variant="light"
      role="alert"
      title={isSameCpr ? t("casework.duplicates.sameCprTitle") : t("casework.duplicates.title")}
    >
      <Stack gap="xs">
        <List size="sm" spacing={4}>
          {warnings.map((w, index) => (
            <List.Item key={`${w.match}-${w.personId ?? index}`}>
              {w.name ? <strong>{w.name}: </strong> : null}
              {translateServerMessage(w.message)}
            </List.Item>
          ))}
        </List>
        {isSameCpr ? (
          <Text size="sm">{t("casework.duplicates.sameCprHint")}</Text>
        ) : (
          <Checkbox
            label={t("casework.duplicates.acknowledge")}
            checked={acknowledged}
            onChange={(event) => onAcknowledge(event.currentTarget.checked)}
            error={error ?? undefined}
          />
        )}
      </Stack>
    </Alert>
  );
}
