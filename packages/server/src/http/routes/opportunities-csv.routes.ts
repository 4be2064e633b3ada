/**
 * The co-sell opportunities CSV import (preview, then apply; all or nothing; undo within a day)
 * and export: the deals a list shows (same filters, search, view and
 * visibility rules), as a file a spreadsheet or a CRM import opens (ADR 016; the columns are in
 * `packages/core/src/opportunities/referral-csv.ts`).
 */
import { Readable } from 'node:stream';
import {
  exportReferrals,
  importReferrals,
  undoReferralImport,
  type OpportunityDeps,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { limitedBody, RAW_BODY_TYPES } from '../raw-body';
import { IdSchema } from '../schemas';
import { contentDisposition } from './documents.routes';

const CSV_TYPE = 'text/csv; charset=utf-8';

/** Largest opportunities file accepted: 10,000 rows of a few hundred bytes each, with room. */
const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

const ImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    /** The applied import, for its undo (null for a preview). */
    importId: z.string().nullable(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rows: z.array(
      z.object({
        row: z.number().int(),
        action: z.enum(['create', 'update', 'unchanged']),
        referralId: z.string(),
        name: z.string(),
      }),
    ),
  })
  .meta({ id: 'ReferralImportResult' });

const ExportQuerySchema = z.object({
  $filter: z.string().max(2000).optional(),
  $orderby: z.string().max(200).optional(),
  $search: z.string().trim().max(200).optional(),
  view: z.enum(['all', 'inbound', 'outbound', 'favorites']).default('all'),
});

export const opportunityCsvRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const opportunities: OpportunityDeps = { uow: deps.offers.uow, clock: deps.offers.clock };

  app.get('/api/organisations/:organisationId/engagements/referrals-export', {
    config: { scope: 'opportunities:read', rawResponse: 'text/csv' },
    schema: {
      operationId: 'exportReferrals',
      tags: ['opportunities'],
      summary:
        'Export the referrals a list shows as CSV (same $filter, $orderby, $search and view; up to 100,000 rows)',
      params: z.object({ organisationId: IdSchema }),
      querystring: ExportQuerySchema,
      answers: { 200: { description: 'The CSV file', headers: ['Content-Disposition'] } },
    },
    handler: async (request, reply) => {
      const { $search, view, ...odata } = request.query;
      const file = await exportReferrals(
        opportunities,
        requireActor(request),
        request.params.organisationId,
        { odata, view, search: $search },
      );
      const day = deps.offers.clock.now().toISOString().slice(0, 10);
      return reply
        .type(CSV_TYPE)
        .header('content-disposition', contentDisposition(`co-sell-opportunities-${day}.csv`))
        .header('x-content-type-options', 'nosniff')
        .send(Readable.from(file) as never);
    },
  });

  app.post('/api/organisations/:organisationId/engagements/referrals-imports', {
    config: { scope: 'opportunities:write', rawBody: RAW_BODY_TYPES },
    schema: {
      operationId: 'importReferrals',
      tags: ['opportunities'],
      summary:
        'Import referrals from CSV (the body, up to 10,000 rows): rows with Id or External ' +
        'reference ID update deals, others create New deals. With dryRun=true nothing is written ' +
        'and the answer says what the import would do; a file with any refused row is refused ' +
        'whole, naming every row and column.',
      params: z.object({ organisationId: IdSchema }),
      querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
      answers: { 200: 'What the import did (or, for a preview, would do)' },
      response: { 200: ImportResultSchema },
    },
    handler: async (request, reply) =>
      importReferrals(
        opportunities,
        requireActor(request),
        request.params.organisationId,
        limitedBody(request, reply, IMPORT_MAX_BYTES),
        { dryRun: request.query.dryRun === 'true' },
        String(request.id),
      ),
  });

  app.post('/api/organisations/:organisationId/engagements/referrals-imports/:importId/undo', {
    config: { scope: 'opportunities:write' },
    schema: {
      operationId: 'undoReferralImport',
      tags: ['opportunities'],
      summary:
        'Undo an applied import within 24 hours: updated deals get their previous values back, ' +
        'created deals are removed; refused (409, naming the rows) once any of them changed since',
      params: z.object({ organisationId: IdSchema, importId: IdSchema }),
      answers: {
        200: 'What the undo restored and removed',
        409: 'Already undone, older than 24 hours, or deals of the import changed since',
      },
      response: {
        200: z
          .object({
            importId: z.string(),
            restored: z.number().int(),
            removed: z.number().int(),
          })
          .meta({ id: 'ReferralImportUndo' }),
      },
    },
    handler: async (request) =>
      undoReferralImport(
        opportunities,
        requireActor(request),
        request.params.organisationId,
        request.params.importId,
        String(request.id),
      ),
  });
};
