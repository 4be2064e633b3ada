/**
 * The one API client of the web app: the generated OpenAPI types through openapi-fetch. Every
 * request names the UI language (the server localizes problems with it until the user has a
 * saved one), and every write made with the session cookie carries the CSRF token the server
 * handed out with the session.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { i18n } from '../i18n/i18n';
import type { components, paths } from './schema';

export type Session = components['schemas']['Session'];
export type Organisation = components['schemas']['Organisation'];
export type Member = components['schemas']['Member'];
export type Invitation = components['schemas']['Invitation'];
export type IssuedInvitation = components['schemas']['IssuedInvitation'];
export type Program = components['schemas']['Program'];
export type Taxonomy = Program['taxonomy'];
export type Problem = components['schemas']['Problem'];

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let onSessionLost: (() => void) | null = null;

/** Keeps the CSRF token of the current session (null after sign-out). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when the server says the session is gone (expired, signed out elsewhere). */
export function setSessionLostHandler(handler: (() => void) | null) {
  onSessionLost = handler;
}

const middleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language || 'en');
    if (csrfToken && UNSAFE_METHODS.has(request.method)) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
  async onResponse({ request, response }) {
    // Only a missing/expired session ends the client session; a wrong password (also 401) does not.
    if (response.status === 401 && onSessionLost && !request.url.endsWith('/api/session')) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as { code?: unknown } | null;
      if (body?.code === 'UNAUTHENTICATED') onSessionLost();
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(middleware);

/** A problem as the screens show it: the server's localized texts, with field messages by field. */
export interface ClientProblem {
  status: number;
  code: string;
  title: string;
  detail?: string | undefined;
  /** Field path (as the server names it, e.g. `email`, `solutionAreas.0.name`) → message. */
  fields: Record<string, string>;
}

export type ApiResult<T> =
  | { ok: true; data: T; response: Response }
  | { ok: false; problem: ClientProblem; response?: Response };

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { title?: unknown }).title === 'string' &&
    typeof (value as { status?: unknown }).status === 'number'
  );
}

function toClientProblem(error: unknown, response: Response): ClientProblem {
  if (!isProblem(error)) {
    return {
      status: response.status,
      code: 'UNEXPECTED',
      title: i18n.t('error.unexpected', { status: response.status }),
      fields: {},
    };
  }
  const fields: Record<string, string> = {};
  for (const issue of error.errors ?? []) {
    fields[issue.field] = fields[issue.field]
      ? `${fields[issue.field]} ${issue.detail}`
      : issue.detail;
  }
  return {
    status: error.status,
    code: error.code,
    title: error.title,
    detail: error.detail,
    fields,
  };
}

/**
 * Awaits an openapi-fetch call and normalizes the outcome: the data, or a problem to show
 * (a network failure becomes a client-side problem in the UI language).
 */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<ApiResult<T>> {
  try {
    const result = await request;
    if (result.response.ok) return { ok: true, data: result.data as T, response: result.response };
    return {
      ok: false,
      problem: toClientProblem(result.error, result.response),
      response: result.response,
    };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return {
      ok: false,
      problem: { status: 0, code: 'NETWORK', title: i18n.t('error.network'), fields: {} },
    };
  }
}

/** The ETag of an answer, to send back as If-Match. */
export const etagOf = (response: Response) => response.headers.get('etag') ?? undefined;
