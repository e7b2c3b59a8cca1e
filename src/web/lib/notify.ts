import { notifications } from "@mantine/notifications";
import { i18n } from "../i18n/i18n.js";

/** A short confirmation ("Ændringerne er gemt."), announced as an alert, with a named close button. */
export function notifySuccess(message: string): void {
  notifications.show({
    color: "green",
    message,
    closeButtonProps: { "aria-label": i18n.t("common.close") },
  });
}
