import { useTranslation } from "react-i18next";
import { pctText } from "./bps-text.js";

/** Basis points as exact per cent in the interface language: 1250 → "12,5 %" (or "12.5 %"). */
export function usePctText(): (bps: number) => string {
  const { i18n } = useTranslation();
  return (bps) => `${pctText(bps, i18n.language)} %`;
}
