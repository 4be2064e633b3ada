/** Partner program profiles: per organisation, the program-wide list, and the CSV import. */
import {
  getProgramProfile,
  importProfilesCsv,
  listProgramProfiles,
  PROFILE_CSV_COLUMNS,
  ProfilePatchSchema,
  updateProgramProfile,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { withEtag } from '../concurrency';
import { limitedBody, RAW_BODY_TYPES } from '../raw-body';
import { IdSchema, pageOf, PageQuerySchema } from '../schemas';
import { ProfileSchema, toProfile } from './publishing.schemas';

const OrgParams = z.object({ organisationId: IdSchema });
const PROFILE_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const profileRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const offers = deps.offers;

  app.get('/api/organisations/:organisationId/program-profile', {
    config: { scope: 'program:read' },
    schema: {
      operationId: 'getProgramProfile',
      tags: ['profiles'],
      summary: "The partner's program profile (its members, and the vendor's reviewers and admins)",
      params: OrgParams,
      answers: {
        200: {
          description: 'The program profile (version 0 until one is saved)',
          headers: ['ETag'],
        },
      },
      response: { 200: ProfileSchema },
    },
    handler: async (request, reply) => {
      const { organisationId } = request.params;
      const profile = await getProgramProfile(offers, requireActor(request), organisationId);
      return withEtag(reply, profile?.version ?? 0).send(toProfile(organisationId, profile));
    },
  });

  app.patch('/api/organisations/:organisationId/program-profile', {
    config: { scope: 'program:write', ifMatch: 'required' },
    schema: {
      operationId: 'updateProgramProfile',
      tags: ['profiles'],
      summary:
        'Change the profile. Partners (owners, managers) enter PartnerID, marketplace account and ' +
        'business profile; program admins set any field and verify. If-Match required ("v0" creates)',
      params: OrgParams,
      body: ProfilePatchSchema,
      answers: { 200: { description: 'The program profile, changed', headers: ['ETag'] } },
      response: { 200: ProfileSchema },
    },
    handler: async (request, reply) => {
      const { organisationId } = request.params;
      const profile = await updateProgramProfile(
        offers,
        requireActor(request),
        organisationId,
        request.body,
        request.ifMatch,
        String(request.id),
      );
      return withEtag(reply, profile.version).send(toProfile(organisationId, profile));
    },
  });

  app.get('/api/program/profiles', {
    config: { scope: 'program:read' },
    schema: {
      operationId: 'listProgramProfiles',
      tags: ['profiles'],
      summary: 'Partner organisations with their program profiles (reviewers, program admins)',
      querystring: PageQuerySchema,
      answers: { 200: 'A page of partner organisations with their profiles' },
      response: {
        200: pageOf(
          z.object({
            organisationId: IdSchema,
            organisationName: z.string(),
            profile: ProfileSchema,
          }),
        ),
      },
    },
    handler: async (request) => {
      const page = await listProgramProfiles(offers, requireActor(request), request.query);
      return {
        items: page.items.map((item) => ({
          organisationId: item.organisationId,
          organisationName: item.organisationName,
          profile: toProfile(item.organisationId, item.profile),
        })),
        total: page.total,
      };
    },
  });

  app.get('/api/program/profiles/template.csv', {
    config: { scope: 'program:read', rawResponse: 'text/csv' },
    schema: {
      operationId: 'downloadProgramProfilesTemplate',
      tags: ['profiles'],
      summary: 'The header row of the profiles CSV',
      answers: { 200: { description: 'The CSV header row', headers: ['Content-Disposition'] } },
    },
    handler: async (request, reply) => {
      requireActor(request);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="program-profiles.csv"')
        .header('x-content-type-options', 'nosniff')
        .send(`${Object.values(PROFILE_CSV_COLUMNS).join(',')}\r\n` as never);
    },
  });

  app.post('/api/program/profile-imports', {
    config: { scope: 'program:write', rawBody: RAW_BODY_TYPES },
    schema: {
      operationId: 'importProgramProfiles',
      tags: ['profiles'],
      summary:
        'Import profile facts from a CSV (program admins): rows by Organisation ID or PartnerID; ' +
        'empty cells leave fields unchanged; any bad row refuses the whole file',
      answers: {
        200: 'Imported: how many rows were read and profiles changed',
        400: 'The file has invalid rows: `errors` names each row and field',
      },
      response: {
        200: z.object({ rows: z.number().int(), updated: z.number().int() }),
      },
    },
    handler: async (request, reply) => {
      return importProfilesCsv(
        offers,
        requireActor(request),
        limitedBody(request, reply, PROFILE_IMPORT_MAX_BYTES),
        String(request.id),
      );
    },
  });
};
