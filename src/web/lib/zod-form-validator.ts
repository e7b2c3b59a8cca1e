import type { FormErrors } from "@mantine/form";
import type { z } from "zod";
import { i18n } from "../i18n/i18n.js";
import { translateServerMessage } from "../i18n/translate-server-message.js";

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = values;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * Validates a Mantine form with a shared zod schema (from src/contracts), so the browser checks the
 * same rules as the server. Messages appear at the field (path `tracks.0.code` etc.): an empty field
 * gets "Udfyld feltet"; otherwise the schema's own (Danish) message, translated in English.
 * `toInput` turns the form's values into what the schema parses (e.g. "" → null).
 */
export function zodFormValidator<Values>(
  schema: z.ZodType,
  toInput: (values: Values) => unknown = (values) => values,
): (values: Values) => FormErrors {
  return (values) => {
    const input = toInput(values);
    const result = schema.safeParse(input);
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join(".");
      if (errors[path]) continue;
      errors[path] = isEmpty(valueAt(input, issue.path))
        ? i18n.t("validation.required")
        : translateServerMessage(issue.message);
    }
    return errors;
  };
}
