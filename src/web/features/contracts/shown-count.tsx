import { useTranslation } from "react-i18next";
import { useFormatters } from "../../lib/use-formatters.js";
import type { ShownCount } from "./contract-types.js";

/**
 * A count as the user may see it: the number, or "skjult" when the group is too small to show
 * (investors; the page explains why next to the table).
 */
export function ShownCountText({ count }: { count: ShownCount }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if ("value" in count) return <>{format.number(count.value)}</>;
  return (
    <span style={{ fontStyle: "italic" }} title={t("contracts.suppression.cellHint")}>
      {t("contracts.suppression.hidden")}
    </span>
  );
}
