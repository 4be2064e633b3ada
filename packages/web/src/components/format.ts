import { currentLocale } from '../i18n/i18n';

/** A date and time in the UI language (e.g. for expiry dates and the audit log). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A date in the UI language. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(date);
}

/**
 * A file size in the UI language ("1.4 MB", "1,4 MB"), in units of 1,024 as the server counts
 * them (1 MB = 1,048,576 bytes).
 */
export function formatFileSize(bytes: number): string {
  const [value, unit] =
    bytes < 1024
      ? [bytes, 'byte']
      : bytes < 1024 * 1024
        ? [bytes / 1024, 'kilobyte']
        : bytes < 1024 * 1024 * 1024
          ? [bytes / (1024 * 1024), 'megabyte']
          : [bytes / (1024 * 1024 * 1024), 'gigabyte'];
  return new Intl.NumberFormat(currentLocale(), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0,
  }).format(value);
}
