import { useForm } from "@mantine/form";
import { type RefObject, useState } from "react";
import { useTranslation } from "react-i18next";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { isApiError } from "../../lib/api-error.js";
import { focusFirstInvalidField } from "../../lib/api-form-errors.js";
import {
  checkMeasurementForm,
  type FormContext,
  formFieldOfApiPath,
  type MeasurementFormValues,
} from "./measurement-form-values.js";

/**
 * The measurement form's state: checked in the browser with the domain's rules before sending, and
 * after a refusal the API's per-field problems (`values.well-being`, `measuredOn` …) shown at their
 * fields, with focus on the first.
 */
export function useMeasurementForm(
  context: FormContext,
  initialValues: MeasurementFormValues,
  formRef: RefObject<HTMLFormElement | null>,
) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<MeasurementFormValues>({
    mode: "controlled",
    initialValues,
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const [field, problem] of Object.entries(checkMeasurementForm(context, values))) {
        errors[field] =
          "key" in problem ? t(problem.key as "validation.choose") : translateServerMessage(problem.message);
      }
      return errors;
    },
  });

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
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
    }
  };
  const onInvalid = () => focusFirstInvalidField(formRef.current);
  return { form, error, setError, run, onInvalid };
}
