/** The program admin's CSV import of partner profiles: the upload and its refusal, row by row. */
import { api, call, type ApiResult } from '../../api/client';

export { importIssues } from '../../components/import-errors-dialog';

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
