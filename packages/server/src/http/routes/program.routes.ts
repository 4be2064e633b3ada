import {
  activatePolicy,
  COSELL_STATUS_IDS,
  EmailSchema,
  updateProgramContact,
  describeInvalid,
  describeStatusChange,
  POLICIES,
  REQUIREMENT_IDS,
  getProgram,
  POLICY_IDS,
  previewPolicySwitch,
  SAMPLE_TAXONOMY_NOTE,
  TaxonomySchema,
  updateTaxonomy,
  type Locale,
  type PolicySwitchPreview,
  type ProgramView,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { withEtag } from '../concurrency';
import { TimestampSchema } from '../schemas';

const ProgramSchema = z
  .object({
    activePolicy: z.string(),
    taxonomy: TaxonomySchema,
    /** True while the taxonomy is still the seeded sample set. */
    taxonomyIsSample: z.boolean(),
    sampleNote: z.string().nullable(),
    /** Whom partners contact about requirements only the program sets; null until set. */
    contactEmail: z.string().nullable(),
    /** When a program admin chose (or kept) the active policy; null: not yet. */
    policyChosenAt: TimestampSchema.nullable(),
    version: z.number().int(),
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Program' });

const toProgram = (p: ProgramView): z.infer<typeof ProgramSchema> => ({
  activePolicy: p.activePolicy,
  taxonomy: p.taxonomy,
  taxonomyIsSample: p.taxonomyIsSample,
  sampleNote: p.taxonomyIsSample ? SAMPLE_TAXONOMY_NOTE : null,
  contactEmail: p.contactEmail,
  policyChosenAt: p.policyChosenAt?.toISOString() ?? null,
  version: p.version,
  updatedAt: p.updatedAt.toISOString(),
});

/** Program data: the editable taxonomy (Microsoft platforms, segments, solution areas). */
export const programRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get('/api/program', {
    config: { scope: 'program:read' },
    schema: {
      operationId: 'getProgram',
      tags: ['program'],
      summary: 'The program: active policy and taxonomy',
      answers: { 200: { description: 'The program', headers: ['ETag'] } },
      response: { 200: ProgramSchema },
    },
    handler: async (request, reply) => {
      requireActor(request);
      const program = await getProgram(deps.account);
      return withEtag(reply, program.version).send(toProgram(program));
    },
  });

  const ParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
  const PreviewOfferShape = {
    organisationId: z.string(),
    organisationName: z.string(),
    offerId: z.string(),
    offerName: z.string(),
  };
  const PolicySwitchPreviewSchema = z
    .object({
      from: z.enum(POLICY_IDS),
      to: z.enum(POLICY_IDS),
      offers: z.number().int(),
      gained: z.number().int(),
      lost: z.number().int(),
      unchanged: z.number().int(),
      moves: z.array(
        z.object({
          from: z.enum(COSELL_STATUS_IDS),
          to: z.enum(COSELL_STATUS_IDS),
          count: z.number().int(),
        }),
      ),
      /** The first changed offers, each with why its status changes. */
      sample: z.array(
        z.object({
          ...PreviewOfferShape,
          from: z.enum(COSELL_STATUS_IDS),
          to: z.enum(COSELL_STATUS_IDS),
          reasons: z.array(
            z.object({
              /**
               * `unmet`: the new policy requires it and the offer does not meet it; `dropped`:
               * the active policy required it, the new one does not; `unavailable`: the status
               * does not exist for the offer's type under one of the two.
               */
              kind: z.enum(['unmet', 'dropped', 'unavailable']),
              requirement: z.enum(REQUIREMENT_IDS).nullable(),
              code: z.string(),
              params: ParamsSchema,
              message: z.string(),
            }),
          ),
        }),
      ),
      /**
       * Offers whose live version or draft breaks a limit of the new policy that the active one
       * does not (more solution areas than it allows…): they could not be republished unchanged.
       */
      invalid: z.number().int(),
      /** The first of them, each with what breaks the new policy and where (live, draft). */
      invalidSample: z.array(
        z.object({
          ...PreviewOfferShape,
          problems: z.array(
            z.object({
              id: z.string(),
              code: z.string(),
              params: ParamsSchema,
              message: z.string(),
              versions: z.array(z.enum(['live', 'draft'])),
            }),
          ),
        }),
      ),
      elapsedMs: z.number(),
    })
    .meta({ id: 'PolicySwitchPreview' });

  /** The preview in the caller's language. */
  const toPreview = (
    p: PolicySwitchPreview,
    locale: Locale,
  ): z.infer<typeof PolicySwitchPreviewSchema> => {
    const policies = { active: POLICIES[p.from], candidate: POLICIES[p.to] };
    return {
      ...p,
      sample: p.sample.map((entry) => ({
        ...entry,
        reasons: describeStatusChange(entry.reasons, locale, policies),
      })),
      invalidSample: p.invalidSample.map((entry) => ({
        ...entry,
        problems: describeInvalid(entry.problems, locale),
      })),
    };
  };

  app.post('/api/program/policy/preview', {
    config: { scope: 'program:write' },
    schema: {
      operationId: 'previewPolicySwitch',
      tags: ['program'],
      summary:
        'Preview a policy switch (program admins): which offers would gain or lose which ' +
        'status and why, and which would hold data the new policy calls invalid',
      body: z.strictObject({ policyId: z.enum(POLICY_IDS) }),
      answers: { 200: 'What the switch would change' },
      response: { 200: PolicySwitchPreviewSchema },
    },
    handler: async (request) =>
      toPreview(
        await previewPolicySwitch(deps.offers, requireActor(request), request.body.policyId),
        request.locale,
      ),
  });

  app.put('/api/program/policy', {
    config: { scope: 'program:write', ifMatch: 'required' },
    schema: {
      operationId: 'activatePolicy',
      tags: ['program'],
      summary:
        'Activate a policy (program admins); every offer is re-evaluated under it in the ' +
        'background. If-Match required',
      body: z.strictObject({ policyId: z.enum(POLICY_IDS) }),
      answers: { 200: { description: 'The program under its new policy', headers: ['ETag'] } },
      response: { 200: ProgramSchema },
    },
    handler: async (request, reply) => {
      await activatePolicy(
        deps.offers,
        requireActor(request),
        request.body.policyId,
        request.ifMatch,
        String(request.id),
      );
      const program = await getProgram(deps.account);
      return withEtag(reply, program.version).send(toProgram(program));
    },
  });

  app.put('/api/program/taxonomy', {
    config: { scope: 'program:write', ifMatch: 'required' },
    schema: {
      operationId: 'replaceTaxonomy',
      tags: ['program'],
      summary: 'Replace the taxonomy (program admins); If-Match required',
      body: TaxonomySchema,
      answers: { 200: { description: 'The program with its new taxonomy', headers: ['ETag'] } },
      response: { 200: ProgramSchema },
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

  app.put('/api/program/contact', {
    config: { scope: 'program:write', ifMatch: 'required' },
    schema: {
      operationId: 'setProgramContact',
      tags: ['program'],
      summary:
        'Set the address partners contact about requirements the program sets (program admins); ' +
        'null clears it. If-Match required',
      body: z.strictObject({ contactEmail: EmailSchema.nullable() }),
      answers: { 200: { description: 'The program with its contact', headers: ['ETag'] } },
      response: { 200: ProgramSchema },
    },
    handler: async (request, reply) => {
      const program = await updateProgramContact(
        deps.account,
        requireActor(request),
        request.body.contactEmail,
        request.ifMatch,
        String(request.id),
      );
      return withEtag(reply, program.version).send(toProgram(program));
    },
  });
};
