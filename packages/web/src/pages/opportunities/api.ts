/**
 * Every call of the opportunities screens to the referrals API, in one place. The requests go
 * through `fetch` with the headers the generated client's middleware adds (UI language, CSRF
 * token on writes) and answer like `call`: the data, or the server's problem in the user's
 * language.
 */
import type {
  InviteeTerms,
  Referral,
  ReferralAction,
  ReferralCreate,
  ReferralMember,
} from '@cosell/core';
import { call, getCsrfToken, type ApiResult } from '../../api/client';
import { i18n } from '../../i18n/i18n';
import { newIdempotencyKey } from '../offers/idempotency';

/** One organisation's referral in an engagement, as the other participants see it. */
export interface SharedReferralView {
  id: string;
  organizationId: string;
  organizationName: string;
  status: Referral['status'];
  substatus: Referral['substatus'];
  type: Referral['type'];
  createdDateTime: string;
}

export interface ReferralPage {
  '@odata.context'?: string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Referral[];
}

export type TimelineChannel = 'web' | 'api' | 'csv' | 'cli' | 'system';

export interface TimelineEntry {
  at: string;
  actor: { kind: 'user' | 'token' | 'system'; name: string };
  channel: TimelineChannel;
  /** `create`, `patch`, `replace`, `warn` or a life-cycle action (`accept`, `expire`…). */
  action: string;
  /** What changed: `substatus`, `salesStage`, `visibility`, `reason`, `invitee`, `fields`. */
  summary: Record<string, string | number | boolean | null> | string;
}

export interface OptionSolution {
  id: string;
  name: string;
  /** The offer's type (e.g. `saas`), not a requirement tag type. */
  type?: string;
  organizationId: string;
  organizationName: string;
}

export interface ReferralOptions {
  canCreate: boolean;
  reason?: { messageKey: string; message?: string };
  solutions: OptionSolution[];
  partners: { id: string; name: string }[];
  stages?: string[];
  declineReasons?: string[];
  errorReasons?: string[];
  currencies?: string[];
  visibilities?: string[];
}

/** The body of "Invite a partner" (P2P). */
export type InvitationBody = Omit<InviteeTerms, 'organizationName'>;

/** An action as the API takes it (`expire`, `invite` and `update` are the server's own). */
export type ActionBody = Exclude<ReferralAction, { kind: 'expire' | 'invite' | 'update' }>;

export type { ReferralCreate, ReferralMember };

/** The list query: OData options plus cosell's `$search` and `view`. */
export interface ListParams {
  view: 'all' | 'inbound' | 'outbound' | 'favorites';
  $filter?: string | undefined;
  $orderby?: string | undefined;
  $top?: number | undefined;
  $count?: boolean | undefined;
  $search?: string | undefined;
  $skiptoken?: string | undefined;
}

const base = (organisationId: string) =>
  `/api/organisations/${encodeURIComponent(organisationId)}/engagements/referrals`;
const one = (organisationId: string, referralId: string) =>
  `${base(organisationId)}/${encodeURIComponent(referralId)}`;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The problem's field errors carry their text as `message` here; the shared normaliser reads
 * `detail`, so both are offered.
 */
function withDetails(error: unknown): unknown {
  if (!error || typeof error !== 'object') return error;
  const errors = (error as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return error;
  return {
    ...error,
    errors: errors.map((issue: Record<string, unknown>) => ({
      ...issue,
      field: issue.field ?? '',
      detail: issue.detail ?? issue.message ?? '',
    })),
  };
}

async function send<T>(
  url: string,
  options: RequestOptions = {},
): Promise<{ data?: T; error?: unknown; response: Response }> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'en',
    ...options.headers,
  };
  const csrf = getCsrfToken();
  if (csrf && method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = response.status === 204 ? '' : await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return response.ok ? { data: json as T, response } : { error: withDetails(json), response };
}

const request = <T>(url: string, options?: RequestOptions): Promise<ApiResult<T>> =>
  call<T>(send<T>(url, options));

/** The query string of a list request (`$filter`, `$orderby`, …, `$search`, `view`). */
export function listSearch(params: ListParams): string {
  const search = new URLSearchParams();
  search.set('view', params.view);
  for (const key of ['$filter', '$orderby', '$search', '$skiptoken'] as const) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  if (params.$top !== undefined) search.set('$top', String(params.$top));
  if (params.$count) search.set('$count', 'true');
  return search.toString();
}

export const listReferrals = (organisationId: string, params: ListParams) =>
  request<ReferralPage>(`${base(organisationId)}?${listSearch(params)}`);

export const getReferral = (organisationId: string, referralId: string) =>
  request<Referral>(one(organisationId, referralId));

/** A new deal (partner) or co-sell opportunity sent to a partner (vendor seller). */
export const createReferral = (
  organisationId: string,
  body: ReferralCreate,
  idempotencyKey = newIdempotencyKey(),
) =>
  request<Referral>(base(organisationId), {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

/** JSON Patch edit, answered with the new representation. 412 when `eTag` is stale. */
export const patchReferral = (
  organisationId: string,
  referralId: string,
  eTag: string,
  operations: { op: 'replace' | 'add'; path: string; value: unknown }[],
) =>
  request<Referral>(one(organisationId, referralId), {
    method: 'PATCH',
    body: operations,
    headers: {
      'If-Match': eTag,
      'Content-Type': 'application/json-patch+json',
      Prefer: 'return=representation',
    },
  });

export const runAction = (
  organisationId: string,
  referralId: string,
  eTag: string,
  action: ActionBody,
) =>
  request<Referral>(`${one(organisationId, referralId)}/actions`, {
    method: 'POST',
    body: action,
    headers: { 'If-Match': eTag },
  });

export const invitePartner = (
  organisationId: string,
  referralId: string,
  eTag: string,
  body: InvitationBody,
) =>
  request<{ referral: Referral; invitee: SharedReferralView }>(
    `${one(organisationId, referralId)}/invitations`,
    { method: 'POST', body, headers: { 'If-Match': eTag } },
  );

export const getTimeline = (organisationId: string, referralId: string) =>
  request<{ value: TimelineEntry[] }>(`${one(organisationId, referralId)}/timeline`);

export const getParticipants = (organisationId: string, referralId: string) =>
  request<{ value: SharedReferralView[] }>(`${one(organisationId, referralId)}/participants`);

export const setFavorite = (organisationId: string, referralId: string, favorite: boolean) =>
  request<undefined>(`${one(organisationId, referralId)}/favorite`, {
    method: favorite ? 'PUT' : 'DELETE',
  });

/**
 * Whether the caller marked this referral as a favourite: the favourites view filtered to its
 * engagement (the resource itself does not say).
 */
export async function isFavorite(
  organisationId: string,
  referral: Pick<Referral, 'id' | 'engagementId'>,
): Promise<boolean> {
  const result = await listReferrals(organisationId, {
    view: 'favorites',
    $filter: `engagementId eq '${referral.engagementId.replaceAll("'", "''")}'`,
  });
  return result.ok && result.data.value.some((item) => item.id === referral.id);
}

export const getReferralOptions = (organisationId: string) =>
  request<ReferralOptions>(
    `/api/organisations/${encodeURIComponent(organisationId)}/referral-options`,
  );
