import { useTranslation } from "react-i18next";
import { translateServerMessage } from "../i18n/translate-server-message.js";
import { CLIENT_ERROR_CODES, isApiError } from "./api-error.js";

/** A readable sentence for any error: the API's own message, or a translated fallback. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (isApiError(error, CLIENT_ERROR_CODES.network)) return t("errors.network");
    if (isApiError(error) && error.message) return translateServerMessage(error.message);
    if (isApiError(error) && error.status === 404) return t("errors.notFound");
    return t("errors.unexpected");
  };
}
