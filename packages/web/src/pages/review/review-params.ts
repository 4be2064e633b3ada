/**
 * The review queue keeps its place in the address: `?state=decided`, `?offset=20`, and the
 * submission being read as `?submission=<organisationId>:<submissionId>`.
 */
export type QueueState = 'open' | 'decided';

export interface SubmissionRef {
  organisationId: string;
  submissionId: string;
}

const ID = /^[0-9a-fA-F-]{1,64}$/;

/** The submission named by `?submission=`, or null when there is none (or it is malformed). */
export function parseSubmissionParam(value: string | null): SubmissionRef | null {
  if (!value) return null;
  const [organisationId = '', submissionId = '', ...rest] = value.split(':');
  if (rest.length > 0 || !ID.test(organisationId) || !ID.test(submissionId)) return null;
  return { organisationId, submissionId };
}

export const submissionParam = (ref: SubmissionRef) => `${ref.organisationId}:${ref.submissionId}`;

export const queueStateOf = (params: URLSearchParams): QueueState =>
  params.get('state') === 'decided' ? 'decided' : 'open';

export function offsetOf(params: URLSearchParams): number {
  const offset = Number(params.get('offset') ?? 0);
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/** The link of a submission from the list (the list's tab stays for the way back). */
export function detailSearch(params: URLSearchParams, ref: SubmissionRef): string {
  const next = new URLSearchParams(params);
  next.set('submission', submissionParam(ref));
  return `?${next.toString()}`;
}

/** The list's address, without the submission. */
export function listSearch(params: URLSearchParams): string {
  const next = new URLSearchParams(params);
  next.delete('submission');
  const text = next.toString();
  return text ? `?${text}` : '';
}
