import type { UseFormReturnType } from "@mantine/form";
import { type RefObject, useState } from "react";
import { fieldErrorsOf, focusFirstInvalidField } from "./api-form-errors.js";

/**
 * Runs a form's save action and turns an API error into what the user sees: per-field messages
 * (VALIDATION_FAILED details) at the fields, with focus on the first, and the message above the form.
 */
export function useFormSubmit<Values>(
  form: UseFormReturnType<Values>,
  formRef: RefObject<HTMLFormElement | null>,
) {
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      const fieldErrors = fieldErrorsOf(e);
      if (Object.keys(fieldErrors).length > 0) {
        form.setErrors(fieldErrors);
        focusFirstInvalidField(formRef.current);
      }
      setError(e);
    }
  };
  const onInvalid = () => focusFirstInvalidField(formRef.current);
  return { error, setError, run, onInvalid };
}
