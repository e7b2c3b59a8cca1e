import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/empty-state.js";

/** A slot for a tab that is still being built (Plan, Tidslinje, Kontakter, Opgaver). */
export function TabPlaceholder({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t("casework.family.placeholder")}
      description={t("casework.family.placeholderHint", { what })}
    />
  );
}
