import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { INTL_LOCALE, isLanguage } from "../../i18n/i18n.js";

const ZONE = "Europe/Copenhagen";

export interface DanishTime {
  /** "ons. 14. jan. 2026" */
  date(instant: string): string;
  /** "19.30" (da) or "19:30" (en) */
  time(instant: string): string;
  /** "ons. 14. jan. 2026 kl. 19.30" */
  dateTime(instant: string): string;
}

/** Instants shown on the Danish wall clock (where the case happens), in the interface language. */
export function useDanishTime(): DanishTime {
  const { t, i18n } = useTranslation();
  const locale = INTL_LOCALE[isLanguage(i18n.language) ? i18n.language : "da"];
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, {
      timeZone: ZONE,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
    });
    const timeFormat = new Intl.DateTimeFormat(locale, {
      timeZone: ZONE,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const date = (instant: string) => dateFormat.format(new Date(instant));
    const time = (instant: string) => timeFormat.format(new Date(instant));
    return {
      date,
      time,
      dateTime: (instant) => t("contacts.list.at", { date: date(instant), time: time(instant) }),
    };
  }, [locale, t]);
}
