/**
 * API tokens (ADR 013): personal tokens of the signed-in person, and service tokens of an
 * organisation (its owners; the program admins in the vendor organisation). The secret is in
 * the answer to the creation only. Managed with a signed-in session, never with a token.
 */
import {
  createPersonalToken,
  CreatePersonalTokenSchema,
  createServiceToken,
  CreateServiceTokenSchema,
  listPersonalTokens,
  listServiceTokens,
  revokePersonalToken,
  revokeServiceToken,
  TokenScopeSchema,
  type ApiTokenRecord,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { IdSchema, TimestampSchema } from '../schemas';

const TokenSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(['personal', 'service']),
    name: z.string(),
    scopes: z.array(TokenScopeSchema),
    organisationId: IdSchema.nullable(),
    createdAt: TimestampSchema,
    expiresAt: TimestampSchema,
    lastUsedAt: TimestampSchema.nullable(),
    lastUsedIp: z.string().nullable(),
    revokedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'ApiToken' });

const IssuedTokenSchema = TokenSchema.extend({
  secret: z.string().meta({ description: 'The secret: shown once, in this answer only.' }),
}).meta({ id: 'IssuedApiToken' });

const toToken = (t: ApiTokenRecord): z.infer<typeof TokenSchema> => ({
  id: t.id,
  kind: t.kind,
  name: t.name,
  scopes: t.scopes as z.infer<typeof TokenScopeSchema>[],
  organisationId: t.organisationId,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  lastUsedIp: t.lastUsedIp,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

const OrgParams = z.object({ organisationId: IdSchema });
const TokenParams = z.object({ tokenId: IdSchema });

export const tokenRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tokens = { ...deps.account };

  app.get('/api/tokens', {
    config: { scope: 'session' },
    schema: {
      operationId: 'listMyTokens',
      tags: ['tokens'],
      summary: 'My personal API tokens, newest first (never their secrets)',
      answers: { 200: 'Your personal tokens' },
      response: { 200: z.object({ items: z.array(TokenSchema) }) },
    },
    handler: async (request) => ({
      items: (await listPersonalTokens(tokens, requireActor(request))).map(toToken),
    }),
  });

  app.post('/api/tokens', {
    config: { scope: 'session' },
    schema: {
      operationId: 'createMyToken',
      tags: ['tokens'],
      summary:
        'Create a personal API token acting as me within its scopes; the secret is shown once',
      body: CreatePersonalTokenSchema,
      answers: { 201: 'The token, with its secret (shown this once)' },
      response: { 201: IssuedTokenSchema },
    },
    handler: async (request, reply) => {
      const issued = await createPersonalToken(tokens, requireActor(request), request.body);
      return reply.code(201).send({ ...toToken(issued.token), secret: issued.secret });
    },
  });

  app.delete('/api/tokens/:tokenId', {
    config: { scope: 'session' },
    schema: {
      operationId: 'revokeMyToken',
      tags: ['tokens'],
      summary: 'Revoke one of my personal API tokens',
      params: TokenParams,
      answers: { 204: 'Revoked' },
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await revokePersonalToken(tokens, requireActor(request), request.params.tokenId);
      return reply.code(204).send(null);
    },
  });

  const base = '/api/organisations/:organisationId/tokens';

  app.get(base, {
    config: { scope: 'session' },
    schema: {
      operationId: 'listServiceTokens',
      tags: ['tokens'],
      summary: "The organisation's service tokens (owners; program admins in the vendor)",
      params: OrgParams,
      answers: { 200: "The organisation's service tokens" },
      response: { 200: z.object({ items: z.array(TokenSchema) }) },
    },
    handler: async (request) => ({
      items: (
        await listServiceTokens(tokens, requireActor(request), request.params.organisationId)
      ).map(toToken),
    }),
  });

  app.post(base, {
    config: { scope: 'session' },
    schema: {
      operationId: 'createServiceToken',
      tags: ['tokens'],
      summary:
        'Create a service token: a service principal with the given roles (at most yours, never owner); the secret is shown once',
      params: OrgParams,
      body: CreateServiceTokenSchema,
      answers: { 201: 'The token, with its secret (shown this once)' },
      response: { 201: IssuedTokenSchema },
    },
    handler: async (request, reply) => {
      const issued = await createServiceToken(
        tokens,
        requireActor(request),
        request.params.organisationId,
        request.body,
        String(request.id),
      );
      return reply.code(201).send({ ...toToken(issued.token), secret: issued.secret });
    },
  });

  app.delete(`${base}/:tokenId`, {
    config: { scope: 'session' },
    schema: {
      operationId: 'revokeServiceToken',
      tags: ['tokens'],
      summary: 'Revoke a service token of the organisation',
      params: OrgParams.extend(TokenParams.shape),
      answers: { 204: 'Revoked' },
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await revokeServiceToken(
        tokens,
        requireActor(request),
        request.params.organisationId,
        request.params.tokenId,
        String(request.id),
      );
      return reply.code(204).send(null);
    },
  });
};
