/**
 * "Contact me" on a storefront offer: `POST /api/storefront/offers/{offerId}/contact-requests`
 * (anonymous, rate-limited per address). The publisher receives it as a lead. Checked here first
 * so that a visitor sees every field's problem at once, in their language; the server checks
 * again and its field problems are shown the same way.
 */
import { getCsrfToken } from '../../api/client';
import { i18n } from '../../i18n/i18n';

export interface ContactRequestInput {
  name: string;
  email: string;
  company: string;
  country: string;
  message: string;
  consent: boolean;
}

export type ContactField = keyof ContactRequestInput;

export const CONTACT_LIMITS = { name: 200, email: 254, company: 200, message: 2000 } as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why a field cannot go as it is. */
export type ContactProblem = 'required' | 'tooLong' | 'invalid';

/** The fields a visitor must still fix, and why (empty when the request can go). */
export function contactProblems(
  input: ContactRequestInput,
): Partial<Record<ContactField, ContactProblem>> {
  const problems: Partial<Record<ContactField, ContactProblem>> = {};
  const text = (field: 'name' | 'company' | 'message') => {
    const value = input[field].trim();
    if (!value) problems[field] = 'required';
    else if (value.length > CONTACT_LIMITS[field]) problems[field] = 'tooLong';
  };
  text('name');
  const email = input.email.trim();
  if (!email) problems.email = 'required';
  else if (email.length > CONTACT_LIMITS.email || !EMAIL.test(email)) problems.email = 'invalid';
  text('company');
  if (!/^[A-Z]{2}$/.test(input.country)) problems.country = 'required';
  text('message');
  if (!input.consent) problems.consent = 'required';
  return problems;
}

export type ContactAnswer =
  | { kind: 'received' }
  /** Too many requests from this address: try again at `retryAt` (if the server said). */
  | { kind: 'rate-limited'; retryAt: Date | null }
  | { kind: 'invalid'; fields: Partial<Record<string, string>>; title: string }
  | { kind: 'not-found' }
  | { kind: 'failed'; title: string };

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  errors?: { field?: unknown; message?: unknown; detail?: unknown }[];
}

/** Sends the request; every answer, including a network failure, becomes a `ContactAnswer`. */
export async function sendContactRequest(
  offerId: string,
  input: ContactRequestInput,
): Promise<ContactAnswer> {
  // A signed-in visitor's browser sends the session cookie too: writes with it carry its token.
  const csrf = getCsrfToken();
  let response: Response;
  try {
    response = await fetch(
      `/api/storefront/offers/${encodeURIComponent(offerId)}/contact-requests`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, application/problem+json',
          'accept-language': i18n.language || 'en',
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
        },
        body: JSON.stringify({
          name: input.name.trim(),
          email: input.email.trim(),
          company: input.company.trim(),
          country: input.country,
          message: input.message.trim(),
          consent: true,
        }),
      },
    );
  } catch {
    return { kind: 'failed', title: i18n.t('storefront.contact.offline') };
  }
  if (response.ok) return { kind: 'received' };
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return {
      kind: 'rate-limited',
      retryAt:
        Number.isFinite(seconds) && seconds > 0 ? new Date(Date.now() + seconds * 1000) : null,
    };
  }
  if (response.status === 404) return { kind: 'not-found' };
  const body = (await response.json().catch(() => null)) as ProblemBody | null;
  const title =
    typeof body?.title === 'string'
      ? body.title
      : i18n.t('error.unexpected', { status: response.status });
  if (response.status === 400 || response.status === 422) {
    const fields: Partial<Record<string, string>> = {};
    for (const issue of body?.errors ?? []) {
      const text = typeof issue.message === 'string' ? issue.message : issue.detail;
      if (typeof issue.field === 'string' && typeof text === 'string')
        fields[issue.field] = fields[issue.field] ? `${fields[issue.field]} ${text}` : text;
    }
    return { kind: 'invalid', fields, title };
  }
  return { kind: 'failed', title };
}
