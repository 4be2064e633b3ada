/**
 * The one API client of the web app: the generated OpenAPI types through openapi-fetch. Every
 * request names the UI language (the server localizes problems with it until the user has a
 * saved one), and every write made with the session cookie carries the CSRF token the server
 * handed out with the session.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { i18n } from '../i18n/i18n';
import { prefetchingFetch } from './prefetch';
import type { components, paths } from './schema';

export type Session = components['schemas']['Session'];
export type Organisation = components['schemas']['Organisation'];
export type Member = components['schemas']['Member'];
export type Invitation = components['schemas']['Invitation'];
export type IssuedInvitation = components['schemas']['IssuedInvitation'];
export type ApiToken = components['schemas']['ApiToken'];
export type IssuedApiToken = components['schemas']['IssuedApiToken'];
export type Program = components['schemas']['Program'];
export type Taxonomy = Program['taxonomy'];
export type Problem = components['schemas']['Problem'];
export type Offer = components['schemas']['Offer'];
/** An offer of the list, with its co-sell status. */
export type OfferListItem = components['schemas']['OfferListItem'];
export type OfferTypeId = Offer['offerType'];
export type LifecycleState = Offer['lifecycleState'];
export type MarketCode = Offer['markets'][number];
export type CosellTab = components['schemas']['CosellTab'];
/** The body of "Save draft" (the tab's `draft` as the server stores it). */
export type CosellDraftBody =
  paths['/api/organisations/{organisationId}/offers/{offerId}/cosell']['put']['requestBody']['content']['application/json'];
export type ChecklistItem = CosellTab['checklist'][number];
export type SectionState = CosellTab['sections']['listing'];
export type SolutionTypeId = NonNullable<CosellTab['draft']['listing']['solutionType']>;
export type Document = components['schemas']['Document'];
export type DocumentKindId = Document['kind'];
export type DocumentUpload = components['schemas']['DocumentUpload'];
export type Contact = components['schemas']['Contact'];
export type ContactFields = Omit<Contact, 'id' | 'version'>;
export type ContactRoleId = Contact['role'];
export type ContactCountryCode = Contact['countries'][number];
export type StateCode = Contact['states'][number];
export type ContactImportPreview = components['schemas']['ContactImportPreview'];

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Read at start-up, and preloaded by index.html (QUALITY W2). */
const PRELOADED = new Set(['/api/session', '/api/setup']);

let csrfToken: string | null = null;
let onSessionLost: (() => void) | null = null;

/** Keeps the CSRF token of the current session (null after sign-out). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The CSRF token of the current session, for requests made outside openapi-fetch. */
export const getCsrfToken = () => csrfToken;

/** Called when the server says the session is gone (expired, signed out elsewhere). */
export function setSessionLostHandler(handler: (() => void) | null) {
  onSessionLost = handler;
}

const middleware: Middleware = {
  onRequest({ request }) {
    // The two start-up reads go out exactly as index.html preloads them (a request with a header
    // of its own would not take the preloaded answer); they localize nothing.
    if (request.method === 'GET' && PRELOADED.has(new URL(request.url).pathname)) return request;
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

export const api = createClient<paths>({ baseUrl: '', fetch: prefetchingFetch });
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

function toClientProblem(error: unknown, response: { status: number }): ClientProblem {
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

/** Options of {@link uploadFile}. */
export interface UploadOptions {
  /** POST (a new document) or PUT (replace one); POST by default. */
  method?: 'POST' | 'PUT';
  /** The body's media type; the server reads uploads as raw bytes. */
  contentType?: string;
  /** Called as bytes go out, with the share sent so far (0–1). */
  onProgress?: (fraction: number) => void;
  /** Aborting it cancels the upload; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

function responseHeaders(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr
    .getAllResponseHeaders()
    .trim()
    .split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * Sends a file as the raw request body with upload progress (fetch cannot report it), with the
 * headers the openapi-fetch middleware adds (language, CSRF token), and answers like
 * {@link call}: the parsed JSON data, or the server's problem.
 */
export function uploadFile<T>(
  url: string,
  file: Blob,
  options: UploadOptions = {},
): Promise<ApiResult<T>> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? 'POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18n.language || 'en');
    xhr.setRequestHeader('Content-Type', options.contentType ?? 'application/octet-stream');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    const abort = () => xhr.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', abort);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0)
        options.onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      done();
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = xhr.responseText;
      }
      const response = new Response(null, { status: xhr.status, headers: responseHeaders(xhr) });
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ ok: true, data: body as T, response });
        return;
      }
      if (
        xhr.status === 401 &&
        onSessionLost &&
        (body as { code?: unknown } | null)?.code === 'UNAUTHENTICATED'
      ) {
        onSessionLost();
      }
      resolve({ ok: false, problem: toClientProblem(body, xhr), response });
    });
    xhr.addEventListener('abort', () => {
      done();
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    });
    xhr.addEventListener('error', () => {
      done();
      resolve({
        ok: false,
        problem: { status: 0, code: 'NETWORK', title: i18n.t('error.network'), fields: {} },
      });
    });
    xhr.send(file);
  });
}
