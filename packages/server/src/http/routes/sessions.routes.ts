import {
  acceptInvitation,
  AppError,
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
  requestPasswordReset,
  resetPassword,
  signIn,
  translate,
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
      operationId: 'getSetupState',
      tags: ['sessions'],
      summary: 'Whether the first-run set-up is still needed',
      answers: { 200: 'Whether set-up is needed' },
      response: { 200: z.object({ needed: z.boolean() }) },
    },
    handler: async () => ({ needed: await isSetupNeeded(deps.account) }),
  });

  app.post('/api/setup', {
    config: { access: 'public' },
    schema: {
      operationId: 'completeSetup',
      tags: ['sessions'],
      summary: 'First run: create the vendor organisation and its first program admin, and sign in',
      body: z.strictObject({
        organisationName: OrganisationNameSchema,
        name: PersonNameSchema,
        email: EmailSchema,
        password: PasswordSchema,
        locale: LocaleSchema.default('en'),
      }),
      answers: {
        201: 'Set up and signed in: the new session (its cookie is set)',
        409: 'Set-up is done already',
      },
      response: { 201: SessionSchema },
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
      operationId: 'getSession',
      tags: ['sessions'],
      summary: 'The signed-in user, memberships and CSRF token',
      answers: { 200: 'The session' },
      response: { 200: SessionSchema },
    },
    handler: async (request) => toSession(request.auth!),
  });

  app.post('/api/session', {
    config: { access: 'public' },
    schema: {
      operationId: 'signIn',
      tags: ['sessions'],
      summary: 'Sign in with e-mail and password (the session id always rotates)',
      body: z.strictObject({
        email: EmailSchema,
        password: z.string().min(1, { error: 'issue.required' }).max(200),
      }),
      answers: {
        200: 'Signed in: the new session (its cookie is set)',
        401: 'The e-mail or the password is wrong, or the account is disabled',
      },
      response: { 200: SessionSchema },
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
      operationId: 'signOut',
      tags: ['sessions'],
      summary: 'Sign out: the session ends on the server',
      answers: { 204: 'Signed out (the cookie is cleared)' },
      response: { 204: z.null() },
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
      operationId: 'switchOrganisation',
      tags: ['sessions'],
      summary: 'Switch the active organisation of this session',
      body: z.strictObject({ organisationId: IdSchema }),
      answers: { 200: 'The session, with its new active organisation' },
      response: { 200: SessionSchema },
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
      operationId: 'updateCurrentUser',
      tags: ['sessions'],
      summary: 'Change your name or language (the language is remembered per user)',
      body: z.strictObject({ name: PersonNameSchema.optional(), locale: LocaleSchema.optional() }),
      answers: { 200: { description: 'Your user, changed', headers: ['ETag'] } },
      response: { 200: UserSchema },
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
      operationId: 'changePassword',
      tags: ['sessions'],
      summary: 'Change your password; your other sessions end',
      body: z.strictObject({
        currentPassword: z.string().min(1).max(200),
        newPassword: PasswordSchema,
      }),
      answers: { 204: 'Changed; your other sessions ended' },
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await changePassword(deps.account, requireActor(request), request.body, origin(request));
      return reply.code(204).send(null);
    },
  });

  app.get('/api/password-reset', {
    config: { access: 'public' },
    schema: {
      operationId: 'getPasswordResetOptions',
      tags: ['sessions'],
      summary:
        'How a forgotten password is reset here: by an e-mailed link (a mail server is ' +
        'configured, SMTP_URL), or else by an owner of the organisation or the operator',
      answers: { 200: 'Whether reset links are e-mailed' },
      response: { 200: z.object({ byEmail: z.boolean() }) },
    },
    handler: async () => ({ byEmail: deps.config.smtpUrl !== undefined }),
  });

  app.post('/api/password-reset', {
    config: { access: 'public' },
    schema: {
      operationId: 'requestPasswordReset',
      tags: ['sessions'],
      summary:
        'Forgot password: e-mails a link valid for 30 minutes, once. The answer is the same ' +
        'whether or not an account has this address',
      body: z.strictObject({ email: EmailSchema }),
      answers: {
        202: 'If an account has this address, a link is on its way',
        409: 'No mail server is configured: ask an owner of your organisation or the operator',
        429: 'Too many links asked for this address or from this network address',
      },
      response: { 202: z.null() },
    },
    handler: async (request, reply) => {
      if (deps.config.smtpUrl === undefined || !deps.mailer) {
        throw new AppError('CONFLICT', { messageKey: 'passwordReset.noMail' });
      }
      const issued = await requestPasswordReset(deps.account, request.body.email, origin(request));
      if (issued) {
        // Always the configured address: a forged Host header must not end up in a mailed link.
        const url = `${deps.config.publicUrl}/reset-password/${issued.token}`;
        const minutes = Math.round(deps.account.settings.passwordResetTtlMs / 60_000);
        const { locale } = issued.user;
        // Not awaited: how long the mail server takes must not tell whether the account exists.
        void deps.mailer
          .send({
            to: issued.user.email,
            subject: translate(locale, 'passwordReset.mailSubject'),
            text: `${translate(locale, 'passwordReset.mailBody', { url, minutes })}\n`,
          })
          .catch((error: unknown) =>
            request.log.warn({ err: error }, 'password reset e-mail not sent'),
          );
      }
      return reply.code(202).send(null);
    },
  });

  app.post('/api/password-reset/:token', {
    config: { access: 'public' },
    schema: {
      operationId: 'resetPassword',
      tags: ['sessions'],
      summary:
        'Choose a new password with a reset link (public: the link is the secret); every ' +
        'session of the account ends',
      params: z.object({ token: z.string().min(20).max(100) }),
      body: z.strictObject({ password: PasswordSchema }),
      answers: {
        204: 'Changed: sign in with the new password',
        410: 'The link is unknown, was used or has expired',
      },
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await resetPassword(deps.account, request.params.token, request.body.password);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/invitations/:token', {
    config: { access: 'public' },
    schema: {
      operationId: 'getInvitation',
      tags: ['sessions'],
      summary: 'What an invitation link offers (public: the link is the secret)',
      params: z.object({ token: z.string().min(20).max(100) }),
      answers: {
        200: 'What the invitation offers',
        404: 'No invitation has this link',
        410: 'The invitation was used, revoked or has expired',
      },
      response: {
        200: z.object({
          organisationName: z.string(),
          organisationKind: OrganisationKindSchema,
          email: z.string(),
          roles: z.array(z.string()),
          expiresAt: z.string(),
          accountExists: z.boolean(),
        }),
      },
    },
    handler: async (request) => {
      const preview = await previewInvitation(
        deps.account,
        request.params.token,
        request.auth?.user,
      );
      return { ...preview, expiresAt: preview.expiresAt.toISOString() };
    },
  });

  app.post('/api/invitations/:token/accept', {
    config: { access: 'public' },
    schema: {
      operationId: 'acceptInvitation',
      tags: ['sessions'],
      summary:
        'Accept an invitation: create an account (name + password) or confirm yours (password), and sign in',
      params: z.object({ token: z.string().min(20).max(100) }),
      body: z.strictObject({
        name: PersonNameSchema.optional(),
        password: PasswordSchema,
        locale: LocaleSchema.default('en'),
      }),
      answers: {
        200: 'Accepted and signed in: the new session (its cookie is set)',
        401: 'The password does not match the existing account, or it is disabled',
        404: 'No invitation has this link',
        410: 'The invitation was used, revoked or has expired',
      },
      response: { 200: SessionSchema },
    },
    handler: async (request, reply) =>
      startSession(
        request,
        reply,
        await acceptInvitation(deps.account, request.params.token, request.body, origin(request)),
      ),
  });
};
