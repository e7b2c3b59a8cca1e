import { formatDkk, type Ore } from "../../domain/money.js";

/** Intl formatting bound to one locale (da-DK or en-GB). Calendar dates are formatted in UTC so that
 * a `YYYY-MM-DD` fact never moves a day with the browser's time zone. */
export interface Formatters {
  number(value: number): string;
  percent(valuePct: number): string;
  money(amount: Ore): string;
  /** A calendar date `YYYY-MM-DD`, e.g. "1. feb. 2026". */
  date(calendarDate: string): string;
  /** An instant (ISO string), e.g. "01.02.2026 14.05.32". */
  dateTime(instant: string): string;
}

export function createFormatters(locale: string): Formatters {
  const numberFormat = new Intl.NumberFormat(locale);
  const percentFormat = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" });
  return {
    number: (value) => numberFormat.format(value),
    percent: (valuePct) => percentFormat.format(valuePct / 100),
    money: (amount) => formatDkk(amount, locale),
    date: (calendarDate) => {
      const [y, m, d] = calendarDate.split("-").map(Number);
      if (!y || !m || !d) return calendarDate;
      return dateFormat.format(new Date(Date.UTC(y, m - 1, d)));
    },
    dateTime: (instant) => {
      const date = new Date(instant);
      return Number.isNaN(date.getTime()) ? instant : dateTimeFormat.format(date);
    },
  };
}
