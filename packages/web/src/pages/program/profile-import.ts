/** The program admin's CSV import of partner profiles: the upload and its refusal, row by row. */
import { api, call, type ApiResult } from '../../api/client';

/** A bad cell is addressed as `rows.<row>.<column header>`, the whole file as `header` or `file`. */
export function importIssues(fields: Record<string, string>) {
  return Object.entries(fields)
    .map(([field, message]) => {
      const match = /^rows\.(\d+)(?:\.(.+))?$/.exec(field);
      return match
        ? { row: Number(match[1]), column: match[2] ?? null, message }
        : { row: null, column: null, message };
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** Sends the CSV file as it is (its bytes, any encoding) as the request body. */
export function importProfiles(file: File): Promise<ApiResult<{ rows: number; updated: number }>> {
  return call(
    api.POST('/api/program/profile-imports', {
      // The API types the raw body as a string; the file goes out untouched (no JSON encoding).
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
}
