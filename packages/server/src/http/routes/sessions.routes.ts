import {
  acceptInvitation,
  changePassword,
  completeSetup,
  EmailSchema,
  isSetupNeeded,
  LocaleSchema,
  OrganisationKindSchema,
  OrganisationNameSchema,
  PasswordSchema,
  PersonNameSchema,
  previewInvitation,
  signIn,
  signOut,
  switchOrganisation,
  updateProfile,
  type AuthenticatedSession,
  type IssuedSession,
} from '@cosell/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { clearSessionCookie, requireActor, setSessionCookie } from '../auth';
import { withEtag } from '../concurrency';
import { problemResponses } from '../problem';
import { IdSchema, SessionSchema, toMembership, toUser, UserSchema } from '../schemas';

const toSession = (
  auth:
    AuthenticatedSession | (IssuedSession & { memberships: AuthenticatedSession['memberships'] }),
) => ({
  user: toUser(auth.user),
  memberships: auth.memberships.map(toMembership),
  activeOrganisationId: auth.session.activeOrganisationId,
  csrfToken: auth.session.csrfToken,
  expiresAt: auth.session.expiresAt.toISOString(),
});

/** First-run set-up, sign-in/out, the current session and the user's own settings. */
export const sessionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const origin = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'],
  });

  /** Sets the cookie of a new session and answers with the session as GET /api/session would. */
  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    issued: IssuedSession,
    status = 200,
  ) {
    setSessionCookie(request, reply, issued.token, deps.account.settings.sessionAbsoluteMs);
    const memberships = await deps.account.uow.run(
      (tx) => tx.memberships.listMembershipsOfUser(issued.user.id),
      { userId: issued.user.id },
    );
    request.locale = issued.user.locale;
    return reply.code(status).send(toSession({ ...issued, memberships }));
  }

  app.get('/api/setup', {
    config: { access: 'public' },
    schema: {
      tags: ['session'],
      summary: 'Whether the first-run set-up is still needed',
      response: { 200: z.object({ needed: z.boolean() }) },
    },
    handler: async () => ({ needed: await isSetupNeeded(deps.account) }),
  });

  app.post('/api/setup', {
    config: { access: 'public' },
    schema: {
      tags: ['session'],
      summary: 'First run: create the vendor organisation and its first program admin, and sign in',
      body: z.strictObject({
        organisationName: OrganisationNameSchema,
        name: PersonNameSchema,
        email: EmailSchema,
        password: PasswordSchema,
        locale: LocaleSchema.default('en'),
      }),
      response: { 201: SessionSchema, ...problemResponses },
    },
    handler: async (request, reply) =>
      startSession(
        request,
        reply,
        await completeSetup(deps.account, request.body, origin(request)),
        201,
      ),
  });

  app.get('/api/session', {
    config: { scope: 'session' },
    schema: {
      tags: ['session'],
      summary: 'The signed-in user, memberships and CSRF token',
      response: { 200: SessionSchema, ...problemResponses },
    },
    handler: async (request) => toSession(request.auth!),
  });

  app.post('/api/session', {
    config: { access: 'public' },
    schema: {
      tags: ['session'],
      summary: 'Sign in with e-mail and password (the session id always rotates)',
      body: z.strictObject({
        email: EmailSchema,
        password: z.string().min(1, { error: 'issue.required' }).max(200),
      }),
      response: { 200: SessionSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const issued = await signIn(
        deps.account,
        { ...request.body, previousToken: request.sessionToken ?? undefined },
        origin(request),
      );
      return startSession(request, reply, issued);
    },
  });

  app.delete('/api/session', {
    config: { scope: 'session' },
    schema: {
      tags: ['session'],
      summary: 'Sign out: the session ends on the server',
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await signOut(deps.account, request.sessionToken!);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  });

  app.put('/api/session/organisation', {
    config: { scope: 'session' },
    schema: {
      tags: ['session'],
      summary: 'Switch the active organisation of this session',
      body: z.strictObject({ organisationId: IdSchema }),
      response: { 200: SessionSchema, ...problemResponses },
    },
    handler: async (request) => {
      await switchOrganisation(deps.account, requireActor(request), request.body.organisationId);
      const auth = request.auth!;
      return toSession({
        ...auth,
        session: { ...auth.session, activeOrganisationId: request.body.organisationId },
      });
    },
  });

  app.patch('/api/me', {
    // Only its owner edits a profile, and its fields change independently (the language
    // switch does not read the name first): If-Match is honoured, not required (ADR 003).
    config: { scope: 'session', ifMatch: 'optional' },
    schema: {
      tags: ['session'],
      summary: 'Change your name or language (the language is remembered per user)',
      body: z.strictObject({ name: PersonNameSchema.optional(), locale: LocaleSchema.optional() }),
      response: { 200: UserSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const user = await updateProfile(
        deps.account,
        requireActor(request),
        request.body,
        request.ifMatch,
      );
      return withEtag(reply, user.version).send(toUser(user));
    },
  });

  app.post('/api/me/password', {
    config: { scope: 'session' },
    schema: {
      tags: ['session'],
      summary: 'Change your password; your other sessions end',
      body: z.strictObject({
        currentPassword: z.string().min(1).max(200),
        newPassword: PasswordSchema,
      }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await changePassword(deps.account, requireActor(request), request.body);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/invitations/:token', {
    config: { access: 'public' },
    schema: {
      tags: ['invitations'],
      summary: 'What an invitation link offers (public: the link is the secret)',
      params: z.object({ token: z.string().min(20).max(100) }),
      response: {
        200: z.object({
          organisationName: z.string(),
          organisationKind: OrganisationKindSchema,
          email: z.string(),
          roles: z.array(z.string()),
          expiresAt: z.string(),
          accountExists: z.boolean(),
        }),
        ...problemResponses,
        410: problemResponses[404],
      },
    },
    handler: async (request) => {
      const preview = await previewInvitation(deps.account, request.params.token);
      return { ...preview, expiresAt: preview.expiresAt.toISOString() };
    },
  });

  app.post('/api/invitations/:token/accept', {
    config: { access: 'public' },
    schema: {
      tags: ['invitations'],
      summary:
        'Accept an invitation: create an account (name + password) or confirm yours (password), and sign in',
      params: z.object({ token: z.string().min(20).max(100) }),
      body: z.strictObject({
        name: PersonNameSchema.optional(),
        password: PasswordSchema,
        locale: LocaleSchema.default('en'),
      }),
      response: { 200: SessionSchema, ...problemResponses, 410: problemResponses[404] },
    },
    handler: async (request, reply) =>
      startSession(
        request,
        reply,
        await acceptInvitation(deps.account, request.params.token, request.body, origin(request)),
      ),
  });
};
