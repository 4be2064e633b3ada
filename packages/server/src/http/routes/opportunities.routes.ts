/**
 * Co-sell opportunities (referrals, SPEC §7.5): the program's Referral resource under
 * `/api/organisations/{organisationId}/engagements/referrals` and, as Partner Center serves it,
 * under `/api/engagements/referrals` for the caller's organisation, with OData list options
 * (`$filter`, `$orderby`, `$top`, `$skip`, `$count`, `$select`, `$skiptoken`) and cosell's `view`
 * and `$search`; If-Match on every change; life-cycle actions, P2P invitations, the timeline,
 * the participants, favourites; the New deal form's options and members' referral scopes; and
 * the storefront's contact requests, which arrive as leads. Every referrals route echoes
 * `MS-CorrelationId`.
 */
import {
  actOnReferral,
  AppError,
  createLead,
  createReferral,
  getReferral,
  getReferralOptions,
  getReferralTimeline,
  inviteToReferral,
  listReferralParticipants,
  listReferrals,
  patchReferral,
  REFERRAL_CHANNELS,
  REFERRAL_DECLINE_REASONS,
  REFERRAL_ERROR_REASONS,
  ReferralCreateSchema,
  ReferralMemberSchema,
  ReferralReplaceSchema,
  ReferralSalesStageSchema,
  ReferralSchema,
  ReferralSolutionSchema,
  ReferralStatusSchema,
  ReferralSubstatusSchema,
  ReferralTypeSchema,
  replaceReferral,
  setMemberReferralScope,
  setReferralFavorite,
  translate,
  UtcDateTimeSchema,
  CurrencySchema,
  VisibilitySchema,
  EmailSchema,
  type Actor,
  type ExpectedVersions,
  type OpportunityDeps,
  type Referral,
  type ReferralListResult,
} from '@cosell/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { idempotentRequest, sendAnswer, type Answer } from '../idempotency';
import { IdSchema, MemberSchema } from '../schemas';

const OrgParams = z.object({ organisationId: IdSchema });
const ReferralParams = OrgParams.extend({ referralId: IdSchema });

/** The read representation as the API answers it (a lead has no team until it is accepted). */
const ReferralOutSchema = ReferralSchema.extend({
  team: z.array(ReferralMemberSchema),
});
const ReferralResponseSchema = ReferralOutSchema.meta({ id: 'Referral' });

const SharedReferralViewSchema = z
  .object({
    id: z.string(),
    engagementId: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    status: ReferralStatusSchema,
    substatus: ReferralSubstatusSchema,
    type: ReferralTypeSchema,
    createdDateTime: z.string(),
  })
  .meta({ id: 'SharedReferralView' });

const ReferralListSchema = z
  .object({
    '@odata.context': z.string(),
    '@odata.count': z.number().int().optional(),
    /** Whole referrals; with `$select`, only the selected properties plus id and eTag. */
    value: z.array(
      z.union([ReferralResponseSchema, z.looseObject({ id: z.string(), eTag: z.string() })]),
    ),
    '@odata.nextLink': z.string().optional(),
  })
  .meta({ id: 'ReferralList' });

const odataText = (max: number) => z.string().max(max).optional();
const ListQuerySchema = z.object({
  $filter: odataText(2000),
  $orderby: odataText(200),
  $top: odataText(10),
  $skip: odataText(10),
  $count: odataText(10),
  $select: odataText(1000),
  $skiptoken: odataText(400),
  $search: z.string().trim().max(200).optional(),
  view: z.enum(['all', 'inbound', 'outbound', 'favorites']).default('all'),
});

const notes = z.string().trim().min(1).max(4000);
const ActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('accept'),
    name: z.string().trim().min(1).max(200),
    dealValue: z.number().finite().nonnegative().max(1e13),
    currency: CurrencySchema,
    closingDateTime: UtcDateTimeSchema,
    notes,
    externalReferenceId: z.string().trim().max(100).optional(),
    team: z.array(ReferralMemberSchema).min(1).max(50).optional(),
  }),
  z.strictObject({
    kind: z.literal('decline'),
    reason: z.enum(REFERRAL_DECLINE_REASONS),
    notes,
  }),
  z.strictObject({ kind: z.literal('move-stage'), stage: ReferralSalesStageSchema }),
  z.strictObject({ kind: z.literal('win'), notes: notes.optional() }),
  z.strictObject({ kind: z.literal('lose'), reason: z.string().trim().min(1).max(1000) }),
  z.strictObject({
    kind: z.literal('close-as-error'),
    reason: z.enum(REFERRAL_ERROR_REASONS),
    notes: notes.optional(),
  }),
  z.strictObject({
    kind: z.literal('upgrade-visibility'),
    to: VisibilitySchema,
    helpKind: z.string().trim().max(200).optional(),
  }),
]);

const InvitationSchema = z.strictObject({
  organizationId: IdSchema,
  closingDateTime: UtcDateTimeSchema,
  dealValue: z.number().finite().nonnegative().max(1e13),
  currency: CurrencySchema,
  notes: z.string().trim().max(4000).optional(),
  team: z.array(ReferralMemberSchema).min(1).max(50),
  solutions: z.array(ReferralSolutionSchema).min(1).max(50),
  helpKind: z.string().trim().max(200).optional(),
});

const JsonPatchSchema = z
  .array(
    z.looseObject({
      op: z.string().max(20),
      path: z.string().max(1000),
      value: z.unknown().optional(),
    }),
  )
  .min(1)
  .max(100)
  .meta({ id: 'JsonPatch' });

const TimelineSchema = z.object({
  value: z.array(
    z.object({
      at: z.string(),
      actor: z.object({ kind: z.enum(['user', 'token', 'system']), name: z.string() }),
      channel: z.enum(REFERRAL_CHANNELS),
      action: z.string(),
      summary: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
});

const OptionsSchema = z
  .object({
    canCreate: z.boolean(),
    reason: z.object({ messageKey: z.string(), message: z.string() }).optional(),
    solutions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        type: z.string(),
        organizationId: z.string(),
        organizationName: z.string(),
      }),
    ),
    partners: z.array(z.object({ id: z.string(), name: z.string() })),
    stages: z.array(z.string()),
    declineReasons: z.array(z.string()),
    errorReasons: z.array(z.string()),
    currencies: z.array(z.string()),
    visibilities: z.array(z.string()),
  })
  .meta({ id: 'ReferralOptions' });

const ReferralScopeMemberSchema = MemberSchema.extend({
  referralCountries: z.array(z.string()).nullable(),
}).meta({ id: 'MemberReferralScope' });

const ContactRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: EmailSchema,
  company: z.string().trim().min(1).max(200),
  country: z
    .string()
    .max(2, { error: 'referral.country.invalid' })
    .regex(/^[A-Z]{2}$/, { error: 'referral.country.invalid' }),
  message: z.string().trim().min(1).max(4000),
  consent: z.literal(true),
});

/** `MS-CorrelationId`: any printable text up to 100 characters, echoed on the answer. */
const CORRELATION_ID = /^[\x21-\x7e]{1,100}$/;

/** Contact requests one address may send per hour (on top of the API's anonymous quota). */
const CONTACT_REQUESTS_PER_HOUR = 5;

const etag = (reply: FastifyReply, referral: Pick<Referral, 'eTag'>) =>
  reply.header('etag', referral.eTag);

/** The referral named in the path (validated by the route's params schema). */
const referralIdOf = (request: FastifyRequest) =>
  (request.params as { referralId: string }).referralId;

/**
 * At Partner Center's base path (`/api/engagements/referrals`) the path names no organisation:
 * a caller who belongs to several names it with this query parameter or the header.
 */
const OrganisationSelectorQuery = z.object({
  organisationId: IdSchema.optional().describe(
    'The organisation whose referrals are meant (or the X-Organisation-Id header); required when the caller belongs to several',
  ),
});
const OrganisationSelectorHeaders = z.looseObject({
  'x-organisation-id': IdSchema.optional().describe(
    'The organisation whose referrals are meant (or ?organisationId=); required when the caller belongs to several',
  ),
});

/**
 * The organisation a request at Partner Center's base path is about: the one it names
 * (`?organisationId=` or `X-Organisation-Id`, both the same if both are sent); else the only
 * organisation the caller belongs to, which for a service token is the token's organisation.
 * A person in several organisations who names none gets 400 naming the selector, and nothing
 * is listed. An organisation the caller cannot see answers 404 as on the organisation's path.
 */
export function callerOrganisation(request: FastifyRequest): string {
  const actor = requireActor(request);
  const query = (request.query as { organisationId?: string } | undefined)?.organisationId;
  const header = (request.headers as Record<string, string | undefined>)['x-organisation-id'];
  if (query && header && query !== header) {
    throw new AppError('VALIDATION', {
      messageKey: 'referral.organisation.conflict',
      issues: [{ path: ['X-Organisation-Id'], code: 'referral.organisation.conflict' }],
    });
  }
  const named = query ?? header;
  if (named) return named;
  const [only, ...more] = actor.memberships;
  if (only && more.length === 0) return only.organisationId;
  throw new AppError('VALIDATION', {
    messageKey: 'referral.organisation.required',
    issues: [{ path: ['X-Organisation-Id'], code: 'referral.organisation.required' }],
  });
}

/** One base path of the Referral resource: its routes' paths, schemas and operation ids. */
interface ReferralResourcePaths {
  /** The collection's path. */
  base: string;
  /** The route's params, querystring and headers schemas (the query it takes, if any). */
  params(
    querystring?: z.ZodObject,
    withReferral?: boolean,
  ): { params?: z.ZodObject; querystring?: z.ZodObject; headers?: z.ZodObject };
  /** The organisation whose referrals a request is about. */
  organisationOf(request: FastifyRequest): string;
  /** Each route's operationId (distinct per base path). */
  operationId(id: string): string;
  /** The collection's path for one organisation (a created referral's Location). */
  location(organisationId: string): string;
}

export const opportunityRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const opportunities: OpportunityDeps = { uow: deps.offers.uow, clock: deps.offers.clock };

  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers['ms-correlationid'];
    if (typeof header === 'string' && CORRELATION_ID.test(header)) {
      reply.header('ms-correlationid', header);
    }
  });
  // JSON Patch bodies come as application/json-patch+json (or plain application/json).
  app.addContentTypeParser(
    'application/json-patch+json',
    { parseAs: 'string', bodyLimit: 1024 * 1024 },
    app.getDefaultJsonParser('error', 'error'),
  );

  const listLink = (request: FastifyRequest, result: ReferralListResult) => {
    if (!result.nextPageToken) return undefined;
    const url = new URL(request.url, 'http://localhost');
    const params = [...url.searchParams.entries()]
      .filter(([key]) => key !== '$skip' && key !== '$skiptoken')
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
    params.push(`$skiptoken=${result.nextPageToken}`);
    return `${url.pathname}?${params.join('&')}`;
  };

  /**
   * The Referral resource and its sub-resources, registered once per base path with the same
   * handlers: under the organisation named in the path, and at Partner Center's own base path,
   * where the organisation is the caller's (see `callerOrganisation`).
   */
  const referralResource = (v: ReferralResourcePaths) => {
    const one = `${v.base}/:referralId`;
    /**
     * Runs one of the change use cases (replace, patch, act, invite) on the addressed referral
     * with the caller, the request's body and its If-Match.
     */
    const changeReferral = <B, R>(
      use: (
        deps: OpportunityDeps,
        actor: Actor,
        organisationId: string,
        referralId: string,
        body: B,
        expected: ExpectedVersions,
        requestId: string,
      ) => Promise<R>,
      request: FastifyRequest,
      body: B,
    ) =>
      use(
        opportunities,
        requireActor(request),
        v.organisationOf(request),
        referralIdOf(request),
        body,
        request.ifMatch,
        String(request.id),
      );

    app.get(v.base, {
      config: { scope: 'opportunities:read' },
      schema: {
        operationId: v.operationId('listReferrals'),
        tags: ['opportunities'],
        summary:
          "The organisation's referrals the caller may see: OData $filter, $orderby, $top, $skip, $count, $select, $skiptoken; $search and view",
        ...v.params(ListQuerySchema),
        answers: { 200: 'A page of referrals, with @odata.nextLink while more follow' },
        response: { 200: ReferralListSchema },
      },
      handler: async (request) => {
        const {
          $search,
          view,
          organisationId: _selector,
          ...odata
        } = request.query as z.infer<typeof ListQuerySchema> & { organisationId?: string };
        const result = await listReferrals(
          opportunities,
          requireActor(request),
          v.organisationOf(request),
          { odata, view, search: $search },
        );
        const next = listLink(request, result);
        return {
          '@odata.context': `${request.url.split('?')[0]}/$metadata#Referrals`,
          ...(result.total !== null ? { '@odata.count': result.total } : {}),
          value: result.items as z.infer<typeof ReferralListSchema>['value'],
          ...(next ? { '@odata.nextLink': next } : {}),
        };
      },
    });

    app.post(v.base, {
      config: { scope: 'opportunities:write', idempotent: true },
      schema: {
        operationId: v.operationId('createReferral'),
        tags: ['opportunities'],
        summary:
          "Create a referral: a partner's New deal, or a vendor seller's co-sell opportunity for a partner",
        ...v.params(),
        body: ReferralCreateSchema,
        answers: { 201: { description: 'Created', headers: ['ETag', 'Location'] } },
        response: { 201: ReferralResponseSchema },
      },
      handler: async (request, reply) => {
        const answer = (referral: Referral): Answer => ({
          status: 201,
          headers: {
            etag: referral.eTag,
            location: `${v.location(referral.organizationId)}/${referral.id}`,
          },
          body: referral,
        });
        const referral = await createReferral(
          opportunities,
          requireActor(request),
          v.organisationOf(request),
          request.body,
          idempotentRequest(request, reply, answer),
        );
        return sendAnswer(reply, answer(referral));
      },
    });

    app.get(one, {
      config: { scope: 'opportunities:read' },
      schema: {
        operationId: v.operationId('getReferral'),
        tags: ['opportunities'],
        summary: 'One referral',
        ...v.params(undefined, true),
        answers: { 200: { description: 'The referral', headers: ['ETag'] } },
        response: { 200: ReferralResponseSchema },
      },
      handler: async (request, reply) => {
        const referral = await getReferral(
          opportunities,
          requireActor(request),
          v.organisationOf(request),
          referralIdOf(request),
        );
        return etag(reply, referral).send(referral);
      },
    });

    const CLOSED =
      'The referral is closed (code REFERRAL_CLOSED), or the action does not fit its state';

    app.put(one, {
      config: { scope: 'opportunities:write', ifMatch: 'required' },
      schema: {
        operationId: v.operationId('replaceReferral'),
        tags: ['opportunities'],
        summary: 'Replace the writable fields of a referral; If-Match required',
        ...v.params(undefined, true),
        body: ReferralReplaceSchema,
        answers: { 200: { description: 'The referral, replaced', headers: ['ETag'] }, 409: CLOSED },
        response: { 200: ReferralResponseSchema },
      },
      handler: async (request, reply) => {
        const referral = await changeReferral(replaceReferral, request, request.body);
        return etag(reply, referral).send(referral);
      },
    });

    app.patch(one, {
      config: { scope: 'opportunities:write', ifMatch: 'required' },
      schema: {
        operationId: v.operationId('patchReferral'),
        tags: ['opportunities'],
        summary:
          'Change fields with a JSON Patch (replace, add); If-Match required; Prefer: return=representation answers the referral',
        ...v.params(undefined, true),
        body: JsonPatchSchema,
        answers: {
          200: { description: 'The referral, changed', headers: ['ETag'] },
          204: { description: 'Changed', headers: ['ETag'] },
          409: CLOSED,
        },
        response: { 200: ReferralResponseSchema, 204: z.null().describe('Changed') },
      },
      handler: async (request, reply) => {
        const referral = await changeReferral(patchReferral, request, request.body);
        etag(reply, referral);
        if (/return=representation/i.test(String(request.headers.prefer ?? ''))) {
          return reply.send(referral);
        }
        return reply.code(204).send(null);
      },
    });

    app.post(`${one}/actions`, {
      config: { scope: 'opportunities:write', ifMatch: 'required' },
      schema: {
        operationId: v.operationId('actOnReferral'),
        tags: ['opportunities'],
        summary:
          'Accept, decline, move the sales stage, win, lose, close as error or raise the visibility; If-Match required',
        ...v.params(undefined, true),
        body: ActionSchema,
        answers: { 200: { description: 'The referral, changed', headers: ['ETag'] }, 409: CLOSED },
        response: { 200: ReferralResponseSchema },
      },
      handler: async (request, reply) => {
        const referral = await changeReferral(actOnReferral, request, request.body);
        return etag(reply, referral).send(referral);
      },
    });

    app.post(`${one}/invitations`, {
      config: { scope: 'opportunities:write', ifMatch: 'required' },
      schema: {
        operationId: v.operationId('inviteToReferral'),
        tags: ['opportunities'],
        summary:
          'Invite another partner into the engagement (P2P): its own referral arrives Received; If-Match required',
        ...v.params(undefined, true),
        body: InvitationSchema,
        answers: {
          201: { description: "The inviter's referral and the invitee's", headers: ['ETag'] },
          409: CLOSED,
        },
        response: {
          201: z.object({ referral: ReferralResponseSchema, invitee: SharedReferralViewSchema }),
        },
      },
      handler: async (request, reply) => {
        const result = await changeReferral(inviteToReferral, request, request.body);
        return etag(reply, result.referral).code(201).send(result);
      },
    });

    app.get(`${one}/timeline`, {
      config: { scope: 'opportunities:read' },
      schema: {
        operationId: v.operationId('getReferralTimeline'),
        tags: ['opportunities'],
        summary: 'Who did what to the referral, through which channel, newest first',
        ...v.params(undefined, true),
        answers: { 200: 'The timeline' },
        response: { 200: TimelineSchema },
      },
      handler: async (request) => ({
        value: await getReferralTimeline(
          opportunities,
          requireActor(request),
          v.organisationOf(request),
          referralIdOf(request),
        ),
      }),
    });

    app.get(`${one}/participants`, {
      config: { scope: 'opportunities:read' },
      schema: {
        operationId: v.operationId('listReferralParticipants'),
        tags: ['opportunities'],
        summary: 'Every referral of the engagement (shared fields only), the caller’s own included',
        ...v.params(undefined, true),
        answers: { 200: 'The participants' },
        response: { 200: z.object({ value: z.array(SharedReferralViewSchema) }) },
      },
      handler: async (request) => ({
        value: await listReferralParticipants(
          opportunities,
          requireActor(request),
          v.organisationOf(request),
          referralIdOf(request),
        ),
      }),
    });

    for (const on of [true, false]) {
      const route = {
        config: { scope: 'opportunities:write' as const },
        schema: {
          operationId: v.operationId(on ? 'addReferralFavorite' : 'removeReferralFavorite'),
          tags: ['opportunities'],
          summary: on ? 'Mark the referral as one of your favourites' : 'Unmark it',
          ...v.params(undefined, true),
          answers: { 204: on ? 'Marked' : 'Unmarked' },
          response: { 204: z.null().describe(on ? 'Marked' : 'Unmarked') },
        },
        handler: async (request: FastifyRequest, reply: FastifyReply) => {
          await setReferralFavorite(
            opportunities,
            requireActor(request),
            v.organisationOf(request),
            referralIdOf(request),
            on,
          );
          return reply.code(204).send(null);
        },
      };
      if (on) app.put(`${one}/favorite`, route);
      else app.delete(`${one}/favorite`, route);
    }
  };

  referralResource({
    base: '/api/organisations/:organisationId/engagements/referrals',
    params: (querystring, withReferral) => ({
      params: withReferral ? ReferralParams : OrgParams,
      ...(querystring ? { querystring } : {}),
    }),
    organisationOf: (request) => (request.params as z.infer<typeof OrgParams>).organisationId,
    operationId: (id) => id,
    location: (organisationId) => `/api/organisations/${organisationId}/engagements/referrals`,
  });
  referralResource({
    base: '/api/engagements/referrals',
    params: (querystring, withReferral) => ({
      ...(withReferral ? { params: z.object({ referralId: IdSchema }) } : {}),
      querystring: (querystring ?? z.object({})).extend(OrganisationSelectorQuery.shape),
      headers: OrganisationSelectorHeaders,
    }),
    organisationOf: callerOrganisation,
    operationId: (id) => `${id}AtBasePath`,
    location: () => '/api/engagements/referrals',
  });

  app.get('/api/organisations/:organisationId/referral-options', {
    config: { scope: 'opportunities:read' },
    schema: {
      operationId: 'getReferralOptions',
      tags: ['opportunities'],
      summary:
        'What the New deal and invitation forms offer: whether you may create, solutions, partners, stages, reasons',
      params: OrgParams,
      answers: { 200: 'The options' },
      response: { 200: OptionsSchema },
    },
    handler: async (request) => {
      const options = await getReferralOptions(
        opportunities,
        requireActor(request),
        request.params.organisationId,
      );
      const { reason, ...rest } = options;
      return {
        ...rest,
        stages: [...rest.stages],
        declineReasons: [...rest.declineReasons],
        errorReasons: [...rest.errorReasons],
        currencies: [...rest.currencies],
        visibilities: [...rest.visibilities],
        ...(reason
          ? {
              reason: {
                messageKey: reason.messageKey,
                message: translate(request.locale, reason.messageKey),
              },
            }
          : {}),
      };
    },
  });

  // Member management is never open to an API token (like the other member routes).
  app.put('/api/organisations/:organisationId/members/:userId/referral-scope', {
    config: { scope: 'session' },
    schema: {
      operationId: 'setMemberReferralScope',
      tags: ['opportunities'],
      summary:
        "Set a member's referral location scope: customer countries, or null for the whole company (owners and managers)",
      params: OrgParams.extend({ userId: IdSchema }),
      body: z.strictObject({
        countries: z
          .array(
            z
              .string()
              .max(2, { error: 'referral.country.invalid' })
              .regex(/^[A-Z]{2}$/, { error: 'referral.country.invalid' }),
          )
          .max(250)
          .nullable(),
      }),
      answers: { 200: 'The member with the scope' },
      response: { 200: ReferralScopeMemberSchema },
    },
    handler: async (request) => {
      const member = await setMemberReferralScope(
        opportunities,
        requireActor(request),
        request.params.organisationId,
        request.params.userId,
        request.body.countries,
        String(request.id),
      );
      return {
        user: member.user,
        roles: member.roles,
        createdAt: member.createdAt.toISOString(),
        version: member.version,
        referralCountries: member.referralCountries,
      };
    },
  });

  const contactRequests = new Map<string, { windowStart: number; count: number }>();
  app.post('/api/storefront/offers/:offerId/contact-requests', {
    config: { access: 'public' },
    schema: {
      operationId: 'createContactRequest',
      tags: ['storefront'],
      summary:
        "Ask a live offer's publisher to get in touch: it arrives as a lead (a few per hour from one address)",
      params: z.object({ offerId: IdSchema }),
      body: ContactRequestSchema,
      answers: { 202: 'Received', 404: 'No live offer has this id' },
      response: { 202: z.object({ received: z.literal(true) }) },
    },
    handler: async (request, reply) => {
      const now = deps.clock.now().getTime();
      const hour = 3_600_000;
      const seen = contactRequests.get(request.ip);
      const current = seen && now - seen.windowStart < hour ? seen : { windowStart: now, count: 0 };
      if (current.count >= CONTACT_REQUESTS_PER_HOUR) {
        throw new AppError('RATE_LIMITED', {
          retryAfterSeconds: Math.ceil((current.windowStart + hour - now) / 1000),
        });
      }
      const result = await createLead(
        opportunities,
        request.params.offerId,
        request.body,
        String(request.id),
      );
      // Only requests that reached a publisher count.
      current.count += 1;
      contactRequests.set(request.ip, current);
      if (contactRequests.size > 10_000) {
        for (const [key, value] of contactRequests) {
          if (now - value.windowStart >= hour) contactRequests.delete(key);
        }
      }
      return reply.code(202).send(result);
    },
  });
};
