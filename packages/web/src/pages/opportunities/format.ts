/** Money and dates of deals, in the reader's language. */
import { currentLocale } from '../../i18n/i18n';

/** `1 250 000,00 zł`, `US$1,250,000.00`; the number with the code when the code is unknown. */
export function formatMoney(value: number, currency: string, locale: string = currentLocale()) {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(value);
  } catch {
    return `${new Intl.NumberFormat(locale).format(value)} ${currency}`;
  }
}

/** `YYYY-MM-DD` of an ISO instant (UTC), for date inputs. */
export const dateInputValue = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');

/** The ISO instant (UTC midnight) of a date input's `YYYY-MM-DD`, or null when it is empty or invalid. */
export function isoOfDateInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
