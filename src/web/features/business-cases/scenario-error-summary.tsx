import { Alert, Anchor, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { fieldIdOf } from "./field-id.js";
import { describeScenarioPath } from "./scenario-path-label.js";

const FOCUSABLE = "input:not([disabled]), select:not([disabled]), textarea:not([disabled])";

/** Focuses the field of a path, or the nearest enclosing group that has one (a fieldset, a row). */
function focusField(path: string): void {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const element = document.getElementById(fieldIdOf(parts.slice(0, n).join(".")));
    if (!element) continue;
    const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
    element.scrollIntoView({ block: "center" });
    target?.focus();
    return;
  }
}

/**
 * "Scenariet kan ikke beregnes": every problem in one list, each a link to its field (the messages
 * are also shown at the fields). Saving stays disabled until the list is empty.
 */
export function ScenarioErrorSummary({
  errors,
  scenario,
}: {
  errors: Record<string, string>;
  scenario: unknown;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={t("businessCases.editor.errorsTitle", { count: entries.length })}
    >
      <Text size="sm" mb="xs">
        {t("businessCases.editor.errorsIntro")}
      </Text>
      <List size="sm" spacing={4}>
        {entries.slice(0, 12).map(([path, message]) => (
          <List.Item key={path}>
            <Anchor component="button" type="button" size="sm" onClick={() => focusField(path)}>
              {describeScenarioPath(path, scenario, t)}
            </Anchor>
            : {message}
          </List.Item>
        ))}
      </List>
      {entries.length > 12 ? (
        <Text size="sm" mt="xs">
          {t("businessCases.editor.moreErrors", { count: entries.length - 12 })}
        </Text>
      ) : null}
    </Alert>
  );
}
