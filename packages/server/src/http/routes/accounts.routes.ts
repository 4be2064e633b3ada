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
  type IssuedInvitation,
  type OrganisationRecord,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { etagOf, withEtag } from '../concurrency';
import { idempotentRequest, sendAnswer, type Answer } from '../idempotency';
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

/** Organisations, their members, invitations and audit log. */
export const accountRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const uow = deps.account.uow;

  app.get('/api/organisations', {
    config: { scope: 'identity' },
    schema: {
      operationId: 'listOrganisations',
      tags: ['accounts'],
      summary: 'Organisations you belong to; program admins see every organisation',
      querystring: PageQuerySchema.extend({
        kind: z.enum(['vendor', 'partner', 'reseller']).optional(),
      }),
      answers: { 200: 'A page of organisations' },
      response: { 200: pageOf(OrganisationSchema) },
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
      operationId: 'createOrganisation',
      tags: ['accounts'],
      summary: 'Create a partner or reseller organisation (program admins)',
      body: z.strictObject({ kind: z.enum(['partner', 'reseller']), name: OrganisationNameSchema }),
      answers: {
        201: { description: 'Created', headers: ['ETag'] },
        409: 'An organisation has this name already',
      },
      response: { 201: OrganisationSchema },
    },
    handler: async (request, reply) => {
      const answer = (organisation: OrganisationRecord): Answer => ({
        status: 201,
        headers: { etag: etagOf(organisation.version) },
        body: toOrganisation(organisation),
      });
      const organisation = await createOrganisation(
        deps.account,
        requireActor(request),
        request.body,
        idempotentRequest(request, reply, answer),
      );
      return sendAnswer(reply, answer(organisation));
    },
  });

  app.get('/api/organisations/:organisationId', {
    config: { scope: 'identity' },
    schema: {
      operationId: 'getOrganisation',
      tags: ['accounts'],
      summary: 'One organisation',
      params: OrgParams,
      answers: { 200: { description: 'The organisation', headers: ['ETag'] } },
      response: { 200: OrganisationSchema },
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
      operationId: 'updateOrganisation',
      tags: ['accounts'],
      summary: 'Rename an organisation (owners, program admins); If-Match required',
      params: OrgParams,
      body: z.strictObject({ name: OrganisationNameSchema }),
      answers: { 200: { description: 'The organisation, renamed', headers: ['ETag'] } },
      response: { 200: OrganisationSchema },
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
      operationId: 'listMembers',
      tags: ['accounts'],
      summary: 'Members and their roles',
      params: OrgParams,
      answers: { 200: 'The members' },
      response: { 200: z.object({ items: z.array(MemberSchema) }) },
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
      operationId: 'updateMemberRoles',
      tags: ['accounts'],
      summary: "Change a member's roles; send If-Match with the member's version",
      params: OrgParams.extend({ userId: IdSchema }),
      body: z.strictObject({ roles: RolesSchema }),
      answers: { 200: { description: "The member's new roles and version", headers: ['ETag'] } },
      response: {
        200: z.object({ userId: IdSchema, roles: RolesSchema, version: z.number().int() }),
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
      operationId: 'removeMember',
      tags: ['accounts'],
      summary: 'Remove a member',
      params: OrgParams.extend({ userId: IdSchema }),
      answers: { 204: 'Removed' },
      response: { 204: z.null() },
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
      operationId: 'listInvitations',
      tags: ['accounts'],
      summary: 'Open invitations',
      params: OrgParams,
      answers: { 200: 'The open invitations' },
      response: { 200: z.object({ items: z.array(InvitationSchema) }) },
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
      operationId: 'createInvitation',
      tags: ['accounts'],
      summary:
        'Invite someone by link; the answer holds the link (shown once), and says whether it was ' +
        'also e-mailed (only with a mail server configured, SMTP_URL)',
      params: OrgParams,
      body: z.strictObject({ email: EmailSchema, roles: RolesSchema }),
      answers: {
        201: 'Created: the invitation with its link (shown only in this answer)',
        409: 'This person is a member already',
      },
      response: {
        201: InvitationSchema.extend({
          url: z.string(),
          /** True when the link was also e-mailed: a mail server is configured and took it. */
          emailed: z.boolean(),
        }).meta({ id: 'IssuedInvitation' }),
      },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      // Always the configured address: a forged Host header must not end up in a mailed link.
      const linkOf = (token: string) => `${deps.config.publicUrl}/invite/${token}`;
      let emailed = false;
      const answer = (issued: IssuedInvitation): Answer => ({
        status: 201,
        body: { ...toInvitation(issued.invitation), url: linkOf(issued.token), emailed },
      });
      const issued = await inviteMember(
        deps.account,
        actor,
        request.params.organisationId,
        request.body,
        idempotentRequest(request, reply, answer),
      );
      const { invitation } = issued;
      const url = linkOf(issued.token);
      // Without a mail server the message only goes to the log: the answer must not say it was sent.
      emailed =
        (await deps.mailer
          ?.send({
            to: invitation.email,
            subject: 'You are invited to cosell',
            text: `${request.auth!.user.name} invited you to join their organisation on cosell.\n\nOpen this link to accept (valid until ${invitation.expiresAt.toISOString()}):\n${url}\n`,
          })
          .then(() => deps.config.smtpUrl !== undefined)
          .catch((error: unknown) => {
            request.log.warn({ err: error }, 'invitation e-mail not sent');
            return false;
          })) ?? false;
      return sendAnswer(reply, answer(issued));
    },
  });

  app.delete('/api/organisations/:organisationId/invitations/:invitationId', {
    config: { scope: 'session' },
    schema: {
      operationId: 'revokeInvitation',
      tags: ['accounts'],
      summary: 'Revoke an open invitation',
      params: OrgParams.extend({ invitationId: IdSchema }),
      answers: { 204: 'Revoked' },
      response: { 204: z.null() },
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
      operationId: 'listAuditEntries',
      tags: ['accounts'],
      summary: 'Audit log: who changed what, when, before and after (owners, program admins)',
      params: OrgParams,
      querystring: PageQuerySchema.omit({ search: true }),
      answers: { 200: 'A page of audit entries, newest first' },
      response: {
        200: pageOf(
          z.object({
            id: IdSchema,
            actorUserId: IdSchema.nullable(),
            /** The acting person's name (null: the system, or a person no longer there). */
            actorName: z.string().nullable(),
            actorTokenId: IdSchema.nullable(),
            action: z.string(),
            entityType: z.string(),
            entityId: z.string(),
            /** What the entity is called (a person, an organisation, an offer), when known. */
            entityName: z.string().nullable(),
            before: z.unknown(),
            after: z.unknown(),
            requestId: z.string().nullable(),
            at: TimestampSchema,
          }),
        ),
      },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { organisationId } = request.params;
      const page = await uow.run(async (tx) => {
        await requireOrganisationAccess(tx, actor, organisationId, 'organisation.update');
        const found = await tx.audit.listAudit(organisationId, { ...request.query });
        // Names instead of ids: the people, organisations and offers the page mentions.
        const names = new Map<string, string>();
        const people = new Set<string>();
        for (const e of found.items) {
          if (e.actorUserId) people.add(e.actorUserId);
          if (e.entityType === 'membership') people.add(e.entityId);
        }
        for (const id of people) {
          const user = await tx.users.findUser(id);
          if (user) names.set(id, user.name);
        }
        for (const e of found.items) {
          if (names.has(e.entityId)) continue;
          if (e.entityType === 'organisation' || e.entityType === 'program') {
            const organisation = await tx.organisations.findOrganisation(e.entityId);
            if (organisation) names.set(e.entityId, organisation.name);
          } else if (e.entityType === 'offer') {
            const offer = await tx.offers.findOffer(organisationId, e.entityId);
            if (offer) names.set(e.entityId, offer.name);
          }
        }
        return { ...found, names };
      }, scopeOf(actor));
      const nameOf = (id: string | null) => (id ? (page.names.get(id) ?? null) : null);
      return {
        total: page.total,
        items: page.items.map((e) => ({
          id: e.id,
          actorUserId: e.actorUserId,
          actorName: nameOf(e.actorUserId),
          actorTokenId: e.actorTokenId,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          entityName: nameOf(e.entityId),
          before: e.before,
          after: e.after,
          requestId: e.requestId,
          at: e.at.toISOString(),
        })),
      };
    },
  });
};
