/**
 * The program taxonomy: Microsoft platforms, segments, solution areas and their sub-areas.
 * The program never published these lists (SPEC §2), so they are editable program data,
 * seeded with a labelled sample set.
 */
import { z } from 'zod';
import {
  SAMPLE_MICROSOFT_PLATFORMS,
  SAMPLE_SEGMENTS,
  SAMPLE_SOLUTION_AREAS,
} from '../reference/taxonomy-sample';

const SlugSchema = z
  .string()
  .trim()
  .min(1, { error: 'issue.required' })
  .max(64, { error: 'issue.tooBig' })
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'taxonomy.badId' });
const LabelSchema = z.string().trim().min(1, { error: 'issue.required' }).max(120);

export const TaxonomyItemSchema = z.strictObject({ id: SlugSchema, name: LabelSchema });
export const SolutionAreaSchema = z.strictObject({
  id: SlugSchema,
  name: LabelSchema,
  subAreas: z.array(TaxonomyItemSchema).min(1, { error: 'taxonomy.subAreaRequired' }).max(50),
});

export const TaxonomySchema = z
  .strictObject({
    platforms: z.array(TaxonomyItemSchema).max(200),
    segments: z.array(TaxonomyItemSchema).max(50),
    solutionAreas: z.array(SolutionAreaSchema).max(100),
  })
  .superRefine((taxonomy, ctx) => {
    const check = (items: { id: string }[], path: (string | number)[]) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, index, 'id'],
            message: 'taxonomy.duplicateId',
          });
        }
        seen.add(item.id);
      });
    };
    check(taxonomy.platforms, ['platforms']);
    check(taxonomy.segments, ['segments']);
    check(taxonomy.solutionAreas, ['solutionAreas']);
    // Sub-area ids are unique across areas so a listing can store them alone.
    const subs = new Set<string>();
    taxonomy.solutionAreas.forEach((area, a) =>
      area.subAreas.forEach((sub, s) => {
        if (subs.has(sub.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['solutionAreas', a, 'subAreas', s, 'id'],
            message: 'taxonomy.duplicateId',
          });
        }
        subs.add(sub.id);
      }),
    );
  });
export type Taxonomy = z.infer<typeof TaxonomySchema>;

/** The sample taxonomy a new program starts with. */
export function sampleTaxonomy(): Taxonomy {
  return {
    platforms: SAMPLE_MICROSOFT_PLATFORMS.map(({ id, name }) => ({ id, name })),
    segments: SAMPLE_SEGMENTS.map(({ id, name }) => ({ id, name })),
    solutionAreas: SAMPLE_SOLUTION_AREAS.map((area) => ({
      id: area.id,
      name: area.name,
      subAreas: area.subAreas.map(({ id, name }) => ({ id, name })),
    })),
  };
}
