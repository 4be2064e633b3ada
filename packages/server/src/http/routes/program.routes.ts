import {
  getProgram,
  SAMPLE_TAXONOMY_NOTE,
  TaxonomySchema,
  updateTaxonomy,
  type ProgramView,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { withEtag } from '../concurrency';
import { problemResponses } from '../problem';
import { TimestampSchema } from '../schemas';

const ProgramSchema = z
  .object({
    activePolicy: z.string(),
    taxonomy: TaxonomySchema,
    /** True while the taxonomy is still the seeded sample set. */
    taxonomyIsSample: z.boolean(),
    sampleNote: z.string().nullable(),
    version: z.number().int(),
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Program' });

const toProgram = (p: ProgramView): z.infer<typeof ProgramSchema> => ({
  activePolicy: p.activePolicy,
  taxonomy: p.taxonomy,
  taxonomyIsSample: p.taxonomyIsSample,
  sampleNote: p.taxonomyIsSample ? SAMPLE_TAXONOMY_NOTE : null,
  version: p.version,
  updatedAt: p.updatedAt.toISOString(),
});

/** Program data: the editable taxonomy (Microsoft platforms, segments, solution areas). */
export const programRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get('/api/program', {
    schema: {
      tags: ['program'],
      summary: 'The program: active policy and taxonomy',
      response: { 200: ProgramSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      requireActor(request);
      const program = await getProgram(deps.account);
      return withEtag(reply, program.version).send(toProgram(program));
    },
  });

  app.put('/api/program/taxonomy', {
    config: { ifMatch: 'required' },
    schema: {
      tags: ['program'],
      summary: 'Replace the taxonomy (program admins); If-Match required',
      body: TaxonomySchema,
      response: { 200: ProgramSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const program = await updateTaxonomy(
        deps.account,
        requireActor(request),
        request.body,
        request.ifMatch,
        String(request.id),
      );
      return withEtag(reply, program.version).send(toProgram(program));
    },
  });
};
