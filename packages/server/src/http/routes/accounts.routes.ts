import {
  changeMemberRoles,
  createOrganisation,
  inviteMember,
  EmailSchema,
  OrganisationNameSchema,
  removeMember,
  renameOrganisation,
  requireOrganisationAccess,
  scopeOf,
  revokeInvitation,
} from '@cosell/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { withEtag } from '../concurrency';
import { problemResponses } from '../problem';
import {
  IdSchema,
  InvitationSchema,
  MemberSchema,
  OrganisationSchema,
  pageOf,
  PageQuerySchema,
  RolesSchema,
  TimestampSchema,
  toInvitation,
  toOrganisation,
} from '../schemas';

const OrgParams = z.object({ organisationId: IdSchema });

/** The base address invitation links point at. */
function publicBase(deps: AppDeps, request: FastifyRequest) {
  return deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** Organisations, their members, invitations and audit log. */
export const accountRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const uow = deps.account.uow;

  app.get('/api/organisations', {
    config: { scope: 'session' },
    schema: {
      tags: ['organisations'],
      summary: 'Organisations you belong to; program admins see every organisation',
      querystring: PageQuerySchema.extend({
        kind: z.enum(['vendor', 'partner', 'reseller']).optional(),
      }),
      response: { 200: pageOf(OrganisationSchema), ...problemResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const isProgramAdmin = actor.memberships.some(
        (m) => m.organisation.kind === 'vendor' && m.roles.includes('program-admin'),
      );
      const page = await uow.run((tx) =>
        tx.organisations.listOrganisations({
          ...request.query,
          kinds: request.query.kind ? [request.query.kind] : undefined,
          ids: isProgramAdmin ? undefined : actor.memberships.map((m) => m.organisationId),
        }),
      );
      return { items: page.items.map(toOrganisation), total: page.total };
    },
  });

  app.post('/api/organisations', {
    config: { scope: 'session', idempotent: true },
    schema: {
      tags: ['organisations'],
      summary: 'Create a partner or reseller organisation (program admins)',
      body: z.strictObject({ kind: z.enum(['partner', 'reseller']), name: OrganisationNameSchema }),
      response: { 201: OrganisationSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const organisation = await createOrganisation(
        deps.account,
        requireActor(request),
        request.body,
        String(request.id),
      );
      return withEtag(reply.code(201), organisation.version).send(toOrganisation(organisation));
    },
  });

  app.get('/api/organisations/:organisationId', {
    config: { scope: 'session' },
    schema: {
      tags: ['organisations'],
      summary: 'One organisation',
      params: OrgParams,
      response: { 200: OrganisationSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const own = actor.memberships.find((m) => m.organisationId === request.params.organisationId);
      const organisation = own
        ? own.organisation
        : (
            await uow.run(
              (tx) =>
                requireOrganisationAccess(
                  tx,
                  actor,
                  request.params.organisationId,
                  'organisation.update',
                ),
              scopeOf(actor),
            )
          ).organisation;
      return withEtag(reply, organisation.version).send(toOrganisation(organisation));
    },
  });

  app.patch('/api/organisations/:organisationId', {
    config: { scope: 'session', ifMatch: 'required' },
    schema: {
      tags: ['organisations'],
      summary: 'Rename an organisation (owners, program admins); If-Match required',
      params: OrgParams,
      body: z.strictObject({ name: OrganisationNameSchema }),
      response: { 200: OrganisationSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const organisation = await renameOrganisation(
        deps.account,
        requireActor(request),
        request.params.organisationId,
        request.body.name,
        request.ifMatch,
        String(request.id),
      );
      return withEtag(reply, organisation.version).send(toOrganisation(organisation));
    },
  });

  app.get('/api/organisations/:organisationId/members', {
    config: { scope: 'session' },
    schema: {
      tags: ['members'],
      summary: 'Members and their roles',
      params: OrgParams,
      response: { 200: z.object({ items: z.array(MemberSchema) }), ...problemResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const members = await uow.run(async (tx) => {
        await requireOrganisationAccess(tx, actor, request.params.organisationId, 'members.read');
        return tx.memberships.listMembers(request.params.organisationId);
      }, scopeOf(actor));
      return {
        items: members.map((m) => ({
          user: m.user,
          roles: m.roles,
          createdAt: m.createdAt.toISOString(),
          version: m.version,
        })),
      };
    },
  });

  app.patch('/api/organisations/:organisationId/members/:userId', {
    // Several owners may edit one member at once: the change names the version it replaces.
    config: { scope: 'session', ifMatch: 'required' },
    schema: {
      tags: ['members'],
      summary: "Change a member's roles; send If-Match with the member's version",
      params: OrgParams.extend({ userId: IdSchema }),
      body: z.strictObject({ roles: RolesSchema }),
      response: {
        200: z.object({ userId: IdSchema, roles: RolesSchema, version: z.number().int() }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const m = await changeMemberRoles(
        deps.account,
        requireActor(request),
        request.params.organisationId,
        request.params.userId,
        request.body.roles,
        request.ifMatch,
        String(request.id),
      );
      return withEtag(reply, m.version).send({
        userId: m.userId,
        roles: m.roles,
        version: m.version,
      });
    },
  });

  app.delete('/api/organisations/:organisationId/members/:userId', {
    config: { scope: 'session', ifMatch: 'optional' },
    schema: {
      tags: ['members'],
      summary: 'Remove a member',
      params: OrgParams.extend({ userId: IdSchema }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await removeMember(
        deps.account,
        requireActor(request),
        request.params.organisationId,
        request.params.userId,
        request.ifMatch,
        String(request.id),
      );
      return reply.code(204).send(null);
    },
  });

  app.get('/api/organisations/:organisationId/invitations', {
    config: { scope: 'session' },
    schema: {
      tags: ['invitations'],
      summary: 'Open invitations',
      params: OrgParams,
      response: { 200: z.object({ items: z.array(InvitationSchema) }), ...problemResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const items = await uow.run(async (tx) => {
        await requireOrganisationAccess(tx, actor, request.params.organisationId, 'members.read');
        return tx.invitations.listOpenInvitations(request.params.organisationId, deps.clock.now());
      }, scopeOf(actor));
      return { items: items.map(toInvitation) };
    },
  });

  app.post('/api/organisations/:organisationId/invitations', {
    config: { scope: 'session', idempotent: true },
    schema: {
      tags: ['invitations'],
      summary:
        'Invite someone by link; the answer holds the link (shown once) and it is also e-mailed',
      params: OrgParams,
      body: z.strictObject({ email: EmailSchema, roles: RolesSchema }),
      response: {
        201: InvitationSchema.extend({ url: z.string() }).meta({ id: 'IssuedInvitation' }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const { token, invitation } = await inviteMember(
        deps.account,
        actor,
        request.params.organisationId,
        request.body,
        String(request.id),
      );
      const url = `${publicBase(deps, request)}/invite/${token}`;
      await deps.mailer
        ?.send({
          to: invitation.email,
          subject: 'You are invited to cosell',
          text: `${request.auth!.user.name} invited you to join their organisation on cosell.\n\nOpen this link to accept (valid until ${invitation.expiresAt.toISOString()}):\n${url}\n`,
        })
        .catch((error: unknown) => request.log.warn({ err: error }, 'invitation e-mail not sent'));
      return reply.code(201).send({ ...toInvitation(invitation), url });
    },
  });

  app.delete('/api/organisations/:organisationId/invitations/:invitationId', {
    config: { scope: 'session' },
    schema: {
      tags: ['invitations'],
      summary: 'Revoke an open invitation',
      params: OrgParams.extend({ invitationId: IdSchema }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await revokeInvitation(
        deps.account,
        requireActor(request),
        request.params.organisationId,
        request.params.invitationId,
        String(request.id),
      );
      return reply.code(204).send(null);
    },
  });

  app.get('/api/organisations/:organisationId/audit', {
    config: { scope: 'session' },
    schema: {
      tags: ['organisations'],
      summary: 'Audit log: who changed what, when, before and after (owners, program admins)',
      params: OrgParams,
      querystring: PageQuerySchema.omit({ search: true }),
      response: {
        200: pageOf(
          z.object({
            id: IdSchema,
            actorUserId: IdSchema.nullable(),
            actorTokenId: IdSchema.nullable(),
            action: z.string(),
            entityType: z.string(),
            entityId: z.string(),
            before: z.unknown(),
            after: z.unknown(),
            requestId: z.string().nullable(),
            at: TimestampSchema,
          }),
        ),
        ...problemResponses,
      },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const page = await uow.run(async (tx) => {
        await requireOrganisationAccess(
          tx,
          actor,
          request.params.organisationId,
          'organisation.update',
        );
        return tx.audit.listAudit(request.params.organisationId, { ...request.query });
      }, scopeOf(actor));
      return {
        total: page.total,
        items: page.items.map((e) => ({
          id: e.id,
          actorUserId: e.actorUserId,
          actorTokenId: e.actorTokenId,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          before: e.before,
          after: e.after,
          requestId: e.requestId,
          at: e.at.toISOString(),
        })),
      };
    },
  });
};
