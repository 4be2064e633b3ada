/**
 * The program: every signed-in user reads the taxonomy; only program admins replace it, and
 * only against the version they edited.
 */
import { SAMPLE_TAXONOMY_NOTE, sampleTaxonomy, type Taxonomy } from '@cosell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestContext,
  json,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

interface Program {
  activePolicy: string;
  taxonomy: Taxonomy;
  taxonomyIsSample: boolean;
  sampleNote: string | null;
  version: number;
  updatedAt: string;
}
interface Problem {
  code: string;
  errors?: { field: string; code: string; pointer: string }[];
}

const problem = (response: { body: string }) => JSON.parse(response.body) as Problem;

describe('program taxonomy', () => {
  let ctx: TestContext;
  let world: World;
  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
  });
  afterAll(() => ctx.close());

  /** The current program and its ETag, as the admin's editor loads them. */
  const load = async () => {
    const response = await as(ctx.app, world.admin).get('/api/program');
    expect(response.statusCode).toBe(200);
    return { program: json<Program>(response), etag: String(response.headers.etag) };
  };

  it('starts with the sample taxonomy, labelled as a sample, readable by every signed-in user', async () => {
    for (const reader of [
      world.seller,
      world.reviewer,
      world.partnerA.viewer,
      world.reseller.member,
    ]) {
      const response = await as(ctx.app, reader).get('/api/program');
      expect(response.statusCode).toBe(200);
      expect(response.headers.etag).toBe('"v1"');
      const program = json<Program>(response);
      expect(program.taxonomyIsSample).toBe(true);
      expect(program.sampleNote).toBe(SAMPLE_TAXONOMY_NOTE);
      expect(program.sampleNote).toMatch(/sample/i);
      expect(program.taxonomy).toEqual(sampleTaxonomy());
      expect(program.taxonomy.solutionAreas.length).toBeGreaterThan(1);
    }
    expect((await as(ctx.app).get('/api/program')).statusCode).toBe(401);
  });

  it('refuses edits by anyone but the program admin', async () => {
    const { program, etag } = await load();
    for (const person of [
      world.reviewer,
      world.seller,
      world.partnerA.owner,
      world.reseller.member,
    ]) {
      const response = await as(ctx.app, person).put('/api/program/taxonomy', program.taxonomy, {
        'if-match': etag,
      });
      expect(response.statusCode).toBe(403);
      expect(problem(response).code).toBe('FORBIDDEN');
    }
    expect((await load()).etag).toBe(etag);
  });

  it('names the path of every duplicate or malformed id', async () => {
    const { program, etag } = await load();
    const put = (taxonomy: unknown) =>
      as(ctx.app, world.admin).put('/api/program/taxonomy', taxonomy, { 'if-match': etag });
    const [first, second] = program.taxonomy.solutionAreas as [
      Taxonomy['solutionAreas'][number],
      Taxonomy['solutionAreas'][number],
    ];

    const duplicateArea = await put({
      ...program.taxonomy,
      solutionAreas: [first, { ...second, id: first.id }],
    });
    expect(duplicateArea.statusCode).toBe(400);
    expect(problem(duplicateArea).code).toBe('VALIDATION');
    expect(problem(duplicateArea).errors).toEqual([
      expect.objectContaining({
        field: 'solutionAreas.1.id',
        pointer: '/body/solutionAreas/1/id',
        code: 'taxonomy.duplicateId',
      }),
    ]);

    // Sub-area ids are unique across areas, not only within one.
    const duplicateSub = await put({
      ...program.taxonomy,
      solutionAreas: [
        first,
        { ...second, subAreas: [{ ...second.subAreas[0]!, id: first.subAreas[0]!.id }] },
      ],
    });
    expect(duplicateSub.statusCode).toBe(400);
    expect(problem(duplicateSub).errors).toEqual([
      expect.objectContaining({
        field: 'solutionAreas.1.subAreas.0.id',
        code: 'taxonomy.duplicateId',
      }),
    ]);

    const badId = await put({
      ...program.taxonomy,
      platforms: [{ id: 'Not A Slug', name: 'Azure' }],
    });
    expect(badId.statusCode).toBe(400);
    expect(problem(badId).errors).toEqual([
      expect.objectContaining({ field: 'platforms.0.id', code: 'taxonomy.badId' }),
    ]);

    const noSubAreas = await put({
      ...program.taxonomy,
      solutionAreas: [{ ...first, subAreas: [] }],
    });
    expect(noSubAreas.statusCode).toBe(400);
    expect(problem(noSubAreas).errors).toEqual([
      expect.objectContaining({
        field: 'solutionAreas.0.subAreas',
        code: 'taxonomy.subAreaRequired',
      }),
    ]);

    const extra = await put({ ...program.taxonomy, colours: [] });
    expect(extra.statusCode).toBe(400);
    expect(problem(extra).errors).toEqual([
      expect.objectContaining({ field: 'colours', code: 'issue.unknownField' }),
    ]);

    // Nothing was written by any of the refused attempts.
    expect(await load()).toEqual({ program, etag });
  });

  it('replaces the taxonomy against the current ETag; a stale one gets 412, none gets 428', async () => {
    const { program, etag } = await load();
    const edited: Taxonomy = {
      ...program.taxonomy,
      segments: [...program.taxonomy.segments, { id: 'public-sector', name: 'Public sector' }],
    };

    const missing = await as(ctx.app, world.admin).put('/api/program/taxonomy', edited);
    expect(missing.statusCode).toBe(428);
    expect(problem(missing).code).toBe('PRECONDITION_REQUIRED');

    const saved = await as(ctx.app, world.admin).put('/api/program/taxonomy', edited, {
      'if-match': etag,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"v2"');
    expect(json<Program>(saved)).toMatchObject({
      taxonomy: edited,
      taxonomyIsSample: false,
      sampleNote: null,
      version: 2,
    });

    const stale = await as(ctx.app, world.admin).put('/api/program/taxonomy', program.taxonomy, {
      'if-match': etag,
    });
    expect(stale.statusCode).toBe(412);
    expect(problem(stale).code).toBe('PRECONDITION_FAILED');

    // Every reader sees the new taxonomy, no longer labelled as a sample.
    const read = await as(ctx.app, world.partnerA.owner).get('/api/program');
    expect(read.headers.etag).toBe('"v2"');
    expect(json<Program>(read)).toMatchObject({
      taxonomy: edited,
      taxonomyIsSample: false,
      sampleNote: null,
    });

    // The change is in the vendor's audit log with before and after.
    const audit = json<{
      items: { action: string; actorUserId: string; before: Taxonomy; after: Taxonomy }[];
    }>(await as(ctx.app, world.admin).get(`/api/organisations/${world.vendor.id}/audit`));
    expect(audit.items[0]).toMatchObject({
      action: 'program.taxonomy.update',
      actorUserId: world.admin.user.id,
      before: program.taxonomy,
      after: edited,
    });
  });

  it('lets exactly one of several concurrent edits with the same ETag win', async () => {
    const { program, etag } = await load();
    const answers = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        as(ctx.app, world.admin).put(
          '/api/program/taxonomy',
          { ...program.taxonomy, platforms: [{ id: `platform-${n}`, name: `Platform ${n}` }] },
          { 'if-match': etag },
        ),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 412, 412, 412]);
    const winner = json<Program>(answers.find((a) => a.statusCode === 200)!);
    const { program: now } = await load();
    expect(now.version).toBe(program.version + 1);
    expect(now.taxonomy).toEqual(winner.taxonomy);
  });
});

describe('program contact address', () => {
  let ctx: TestContext;
  let world: World;
  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
  });
  afterAll(() => ctx.close());

  it('is set by the program admin, read by partners, and validated', async () => {
    const admin = as(ctx.app, world.admin);
    const etag = String((await admin.get('/api/program')).headers.etag);

    const invalid = await admin.put(
      '/api/program/contact',
      { contactEmail: 'not an address' },
      { 'if-match': etag },
    );
    expect(invalid.statusCode).toBe(400);
    expect(problem(invalid).errors?.[0]?.field).toBe('contactEmail');

    const refused = await as(ctx.app, world.partnerA.owner).put(
      '/api/program/contact',
      { contactEmail: 'x@partner.example' },
      { 'if-match': etag },
    );
    expect(refused.statusCode).toBe(403);

    const saved = await admin.put(
      '/api/program/contact',
      { contactEmail: 'Partners@Vendor.example' },
      { 'if-match': etag },
    );
    expect(saved.statusCode).toBe(200);
    const read = json<{ contactEmail: string | null }>(
      await as(ctx.app, world.partnerA.viewer).get('/api/program'),
    );
    expect(read.contactEmail).toBe('partners@vendor.example');
  });
});
