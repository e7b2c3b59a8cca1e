import { z } from "zod";
import { i18n } from "../i18n/i18n.js";

/**
 * Plain-language messages for zod's built-in checks (a schema's own message always wins). Without
 * this, a rule such as `.min(10)` without a message would speak zod's technical English.
 */
export function installZodIssueMessages(): void {
  z.config({
    customError: (issue) => {
      switch (issue.code) {
        case "invalid_type":
          return issue.expected === "number" ? i18n.t("validation.number") : i18n.t("validation.required");
        case "too_small":
          if (issue.origin === "number")
            return i18n.t("validation.minNumber", { min: Number(issue.minimum) });
          if (issue.origin === "string" && Number(issue.minimum) <= 1) return i18n.t("validation.required");
          if (issue.origin === "string")
            return i18n.t("validation.minLength", { count: Number(issue.minimum) });
          return i18n.t("validation.minItems", { count: Number(issue.minimum) });
        case "too_big":
          if (issue.origin === "number")
            return i18n.t("validation.maxNumber", { max: Number(issue.maximum) });
          if (issue.origin === "string")
            return i18n.t("validation.maxLength", { count: Number(issue.maximum) });
          return i18n.t("validation.maxItems", { count: Number(issue.maximum) });
        case "invalid_format":
          return issue.format === "email" ? i18n.t("validation.email") : i18n.t("validation.format");
        case "invalid_value":
          return i18n.t("validation.choose");
        default:
          return i18n.t("validation.invalid");
      }
    },
  });
}
