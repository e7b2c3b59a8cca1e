import { Alert, Anchor, List, Text } from "@mantine/core";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { fieldIdOf } from "./contract-field-id.js";
import { labelOfFormPath } from "./contract-path-label.js";

const FOCUSABLE =
  "input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])";

/** Focuses the field of a path, or the nearest enclosing group that has one (a fieldset, a row). */
function focusField(path: string): void {
  const parts = path === "" ? [] : path.split(".");
  for (let n = parts.length; n >= 0; n--) {
    const element = document.getElementById(fieldIdOf(parts.slice(0, n).join(".")));
    if (!element) continue;
    const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
    element.scrollIntoView({ block: "center" });
    target?.focus();
    return;
  }
}

interface ContractErrorSummaryProps {
  /** Messages keyed by form path (from the form's own checks or the server's VALIDATION_FAILED details). */
  errors: Record<string, unknown>;
  /** The server's sentence above the list, when it answered. */
  message?: string;
  ref?: Ref<HTMLDivElement>;
}

/**
 * "Kontrakten kan ikke gemmes": every problem in one list at the top of the form, each a link to its
 * field (the messages are also shown at the fields). Receives focus after a failed save.
 */
export function ContractErrorSummary({ errors, message, ref }: ContractErrorSummaryProps) {
  const { t } = useTranslation();
  const entries = Object.entries(errors).filter(([, value]) => typeof value === "string" && value !== "");
  if (entries.length === 0 && !message) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red"
      variant="light"
      role="alert"
      title={t("contracts.form.errorsTitle", { count: entries.length })}
    >
      {message ? (
        <Text size="sm" mb="xs">
          {message}
        </Text>
      ) : null}
      {entries.length > 0 ? (
        <List size="sm" spacing={4}>
          {entries.map(([path, text]) => (
            <List.Item key={path}>
              <Anchor component="button" type="button" size="sm" onClick={() => focusField(path)}>
                {labelOfFormPath(path, t)}
              </Anchor>
              : {String(text)}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
