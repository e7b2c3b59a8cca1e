import type { FormErrors } from "@mantine/form";
import { translateServerMessage } from "../i18n/translate-server-message.js";
import { isApiError } from "./api-error.js";

/** The API's per-field problems (`details[].path` like `tracks.0.code`) as Mantine form errors. */
export function fieldErrorsOf(error: unknown): FormErrors {
  if (!isApiError(error)) return {};
  const errors: FormErrors = {};
  for (const detail of error.details) {
    const path = detail.path.replace(/\[(\d+)\]/g, ".$1").replace(/^body\./, "");
    if (!errors[path]) errors[path] = translateServerMessage(detail.message);
  }
  return errors;
}

/** Moves keyboard focus to the first invalid field of a form, after React has rendered the errors. */
export function focusFirstInvalidField(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  });
}
