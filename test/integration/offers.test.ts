/**
 * Offers and the co-sell tab's draft through the API: create, list (paged, sorted, searched),
 * edit under If-Match, archive; the listing validated against the taxonomy and the active
 * policy with every problem at once; section states and the co-sell-ready checklist; audit.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestContext,
  json,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

interface Offer {
  id: string;
  name: string;
  cosellStatus?: string;
  cosellStatusName?: string;
  alias: string;
  offerType: string;
  cosellEligible: boolean;
  markets: string[];
  transactable: boolean;
  pricedAboveZero: boolean;
  archivedAt: string | null;
  version: number;
}
interface ChecklistItem {
  id: string;
  met: boolean;
  field: string;
  message: string;
}
interface CosellTab {
  offer: Offer;
  draft: {
    listing: {
      platforms: string[];
      segments: string[];
      solutionType: string | null;
      solutionAreas: { areaId: string; subAreaIds: string[] }[];
    };
    landingPageUrl: string | null;
  };
  sections: Record<string, string>;
  checklist: ChecklistItem[];
  readyToSubmit: boolean;
  policy: { id: string; maxSolutionAreas: number; maxSubAreasPerArea: number };
}
interface Problem {
  code: string;
  detail?: string;
  errors?: { field: string; code: string; detail: string }[];
}
interface Taxonomy {
  platforms: { id: string }[];
  segments: { id: string }[];
  solutionAreas: { id: string; name: string; subAreas: { id: string }[] }[];
}

describe('offers and the co-sell draft', () => {
  let ctx: TestContext;
  let world: World;
  let taxonomy: Taxonomy;
  let base: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    taxonomy = json<{ taxonomy: Taxonomy }>(
      await as(ctx.app, world.admin).get('/api/program'),
    ).taxonomy;
    base = `/api/organisations/${world.partnerA.organisation.id}/offers`;
  });
  afterAll(() => ctx.close());

  let n = 0;
  const create = async (fields: Record<string, unknown> = {}) => {
    n++;
    const response = await as(ctx.app, world.partnerA.owner).post(base, {
      name: `Contoso Analytics ${n}`,
      alias: `contoso-${n}`,
      offerType: 'saas',
      markets: ['US', 'SE'],
      ...fields,
    });
    expect(response.statusCode, response.body).toBe(201);
    return { offer: json<Offer>(response), response };
  };
  const tabOf = async (id: string, who = world.partnerA.owner) => {
    const response = await as(ctx.app, who).get(`${base}/${id}/cosell`);
    expect(response.statusCode, response.body).toBe(200);
    return { tab: json<CosellTab>(response), etag: String(response.headers.etag) };
  };
  const fullListing = () => ({
    platforms: [taxonomy.platforms[0]!.id],
    segments: [taxonomy.segments[0]!.id],
    solutionType: 'ip',
    solutionAreas: [
      {
        areaId: taxonomy.solutionAreas[0]!.id,
        subAreaIds: [taxonomy.solutionAreas[0]!.subAreas[0]!.id],
      },
    ],
  });

  it('creates an offer with defaults, an ETag and its address', async () => {
    const { offer, response } = await create({ summary: '  Real-time insight  ' });
    expect(response.headers.etag).toBe('"v1"');
    expect(response.headers.location).toBe(`${base}/${offer.id}`);
    expect(offer).toMatchObject({
      offerType: 'saas',
      cosellEligible: true,
      markets: ['US', 'SE'],
      transactable: false,
      pricedAboveZero: false,
      archivedAt: null,
    });
    expect((offer as unknown as { summary: string }).summary).toBe('Real-time insight');
  });

  it('refuses bad fields, naming each one, and a second offer with the same alias', async () => {
    const bad = await as(ctx.app, world.partnerA.owner).post(base, {
      name: '',
      alias: 'x',
      offerType: 'desktop-app',
      markets: ['US', 'XX'],
    });
    expect(bad.statusCode).toBe(400);
    const fields = json<Problem>(bad)
      .errors!.map((e) => e.field)
      .sort();
    expect(fields).toEqual(['markets.1', 'name', 'offerType']);

    await create({ alias: 'unique-alias' });
    const again = await as(ctx.app, world.partnerA.owner).post(base, {
      name: 'Other',
      alias: 'UNIQUE-ALIAS',
      offerType: 'saas',
    });
    expect(again.statusCode).toBe(409);
    expect(json<Problem>(again).errors).toEqual([
      expect.objectContaining({ field: 'alias', code: 'alias.taken' }),
    ]);
  });

  it('lets an Office add-in be created but never co-sold', async () => {
    const { offer } = await create({ offerType: 'office-add-in' });
    expect(offer.cosellEligible).toBe(false);
    const { tab } = await tabOf(offer.id);
    expect(tab.checklist.find((i) => i.id === 'offer/eligible')).toMatchObject({ met: false });
    expect(tab.readyToSubmit).toBe(false);
  });

  it('lists offers paged, sorted and searched, without archived ones by default', async () => {
    const owner = as(ctx.app, world.partnerB.owner);
    const bBase = `/api/organisations/${world.partnerB.organisation.id}/offers`;
    for (const name of ['Beta', 'alpha', 'Gamma', 'delta']) {
      const r = await owner.post(bBase, {
        name,
        alias: name.toLowerCase(),
        offerType: 'azure-application',
      });
      expect(r.statusCode).toBe(201);
    }
    const page = json<{ items: Offer[]; total: number }>(
      await owner.get(`${bBase}?sort=name&direction=asc&limit=2`),
    );
    expect(page.total).toBe(4);
    expect(page.items.map((o) => o.name)).toEqual(['alpha', 'Beta']);
    // Never published: each shows the co-sell status its status page shows, by its name.
    const shown = await owner.get(`${bBase}/${page.items[0]!.id}/status`);
    expect(shown.statusCode, shown.body).toBe(200);
    const { status, statusName } = json<{ status: string; statusName: string }>(shown);
    expect(status).toBe('not-cosell-ready');
    for (const item of page.items)
      expect(item).toMatchObject({ cosellStatus: status, cosellStatusName: statusName });
    const second = json<{ items: Offer[] }>(
      await owner.get(`${bBase}?sort=name&direction=asc&limit=2&offset=2`),
    );
    expect(second.items.map((o) => o.name)).toEqual(['delta', 'Gamma']);
    const desc = json<{ items: Offer[] }>(await owner.get(`${bBase}?sort=name&direction=desc`));
    expect(desc.items[0]!.name).toBe('Gamma');
    const found = json<{ items: Offer[]; total: number }>(await owner.get(`${bBase}?search=ALP`));
    expect(found.items.map((o) => o.name)).toEqual(['alpha']);
    // Search is literal: % and _ match themselves, not everything.
    expect(json<{ total: number }>(await owner.get(`${bBase}?search=%25`)).total).toBe(0);

    const gamma = desc.items[0]!;
    const archived = await owner.post(`${bBase}/${gamma.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(json<Offer>(archived).archivedAt).not.toBeNull();
    expect(json<{ total: number }>(await owner.get(bBase)).total).toBe(3);
    expect(
      json<{ items: Offer[] }>(await owner.get(`${bBase}?archived=archived`)).items.map(
        (o) => o.name,
      ),
    ).toEqual(['Gamma']);
    expect(json<{ total: number }>(await owner.get(`${bBase}?archived=all`)).total).toBe(4);
    const restored = await owner.post(`${bBase}/${gamma.id}/restore`);
    expect(json<Offer>(restored).archivedAt).toBeNull();
    // Partner A sees none of B's offers.
    const aNames = json<{ items: Offer[] }>(
      await as(ctx.app, world.partnerA.owner).get(`${base}?limit=200&archived=all`),
    ).items.map((o) => o.name);
    expect(aNames).not.toContain('Gamma');
  });

  it('edits only against the version edited: 428 without If-Match, 412 when stale', async () => {
    const { offer } = await create({ transactable: true, pricedAboveZero: true });
    const owner = as(ctx.app, world.partnerA.owner);
    expect((await owner.patch(`${base}/${offer.id}`, { name: 'Renamed' })).statusCode).toBe(428);
    const renamed = await owner.patch(
      `${base}/${offer.id}`,
      { name: 'Renamed' },
      { 'if-match': '"v1"' },
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.headers.etag).toBe('"v2"');
    const stale = await owner.patch(
      `${base}/${offer.id}`,
      { name: 'Lost' },
      { 'if-match': '"v1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(json<Offer>(await owner.get(`${base}/${offer.id}`)).name).toBe('Renamed');
    // Only a transactable offer can be priced above zero.
    const free = await owner.patch(
      `${base}/${offer.id}`,
      { transactable: false },
      { 'if-match': '"v2"' },
    );
    expect(json<Offer>(free)).toMatchObject({ transactable: false, pricedAboveZero: false });
  });

  it('keeps viewers to reading', async () => {
    const { offer } = await create();
    const viewer = as(ctx.app, world.partnerA.viewer);
    expect((await viewer.get(`${base}/${offer.id}`)).statusCode).toBe(200);
    expect((await viewer.get(`${base}/${offer.id}/cosell`)).statusCode).toBe(200);
    expect(
      (await viewer.patch(`${base}/${offer.id}`, { name: 'x' }, { 'if-match': '*' })).statusCode,
    ).toBe(403);
    expect(
      (await viewer.post(base, { name: 'x', alias: 'viewer-x', offerType: 'saas' })).statusCode,
    ).toBe(403);
  });

  it('starts a tab not started, with a checklist that names what is missing', async () => {
    const { offer } = await create();
    const { tab, etag } = await tabOf(offer.id);
    expect(etag).toBe('"v1"');
    expect(tab.policy).toMatchObject({ id: '2021-09', maxSolutionAreas: 5, maxSubAreasPerArea: 5 });
    expect(tab.sections).toEqual({
      listing: 'not-started',
      documents: 'not-started',
      landingPage: 'not-started',
      contacts: 'not-started',
    });
    const unmet = tab.checklist.filter((i) => !i.met).map((i) => i.id);
    expect(unmet).toEqual([
      'listing/platforms',
      'listing/segments',
      'listing/solutionType',
      'listing/solutionAreas',
      'documents/one-pager',
      'documents/pitch-deck',
      'contacts/partnerSales',
    ]);
    const contacts = tab.checklist.find((i) => i.id === 'contacts/partnerSales')!;
    expect(contacts.message).toContain('US, SE');
    expect(contacts.field).toBe('contacts');
  });

  it('saves a draft, partial or whole, and the sections follow', async () => {
    const { offer } = await create();
    const owner = as(ctx.app, world.partnerA.owner);
    const partial = await owner.put(
      `${base}/${offer.id}/cosell`,
      {
        listing: {
          platforms: [taxonomy.platforms[0]!.id],
          segments: [],
          solutionType: null,
          solutionAreas: [],
        },
        landingPageUrl: null,
      },
      { 'if-match': '"v1"' },
    );
    expect(partial.statusCode, partial.body).toBe(200);
    expect(json<CosellTab>(partial).sections.listing).toBe('incomplete');
    expect(partial.headers.etag).toBe('"v2"');

    const whole = await owner.put(
      `${base}/${offer.id}/cosell`,
      { listing: fullListing(), landingPageUrl: 'https://contoso.example/analytics' },
      { 'if-match': '"v2"' },
    );
    expect(whole.statusCode, whole.body).toBe(200);
    const tab = json<CosellTab>(whole);
    expect(tab.sections).toMatchObject({ listing: 'complete', landingPage: 'complete' });
    expect(tab.checklist.filter((i) => i.id.startsWith('listing/')).every((i) => i.met)).toBe(true);

    const reread = await tabOf(offer.id, world.partnerA.viewer);
    expect(reread.tab.draft.listing).toEqual(fullListing());
    expect(reread.tab.draft.landingPageUrl).toBe('https://contoso.example/analytics');
  });

  it('refuses a draft that breaks the taxonomy or the limits, listing every problem', async () => {
    const { offer } = await create();
    // The answer speaks the user's language.
    expect(
      (await as(ctx.app, world.partnerA.owner).patch('/api/me', { locale: 'pl-PL' })).statusCode,
    ).toBe(200);
    const areas = taxonomy.solutionAreas;
    const sixAreas = areas
      .slice(0, 6)
      .map((a) => ({ areaId: a.id, subAreaIds: [a.subAreas[0]!.id] }));
    expect(sixAreas.length).toBe(6);
    const response = await as(ctx.app, world.partnerA.owner).put(
      `${base}/${offer.id}/cosell`,
      {
        listing: {
          platforms: ['no-such-platform'],
          segments: [taxonomy.segments[0]!.id, taxonomy.segments[0]!.id],
          solutionType: 'ip',
          solutionAreas: [
            ...sixAreas.slice(0, 5),
            // A sub-area of another area.
            { areaId: areas[5]!.id, subAreaIds: [areas[0]!.subAreas[0]!.id] },
          ],
        },
        landingPageUrl: 'javascript:alert(1)',
      },
      { 'if-match': '"v1"' },
    );
    await as(ctx.app, world.partnerA.owner).patch('/api/me', { locale: 'en' });
    expect(response.statusCode).toBe(400);
    const errors = json<Problem>(response).errors!;
    expect(errors.map((e) => `${e.field} ${e.code}`).sort()).toEqual(
      [
        'landingPageUrl listing.landingPageInvalid',
        'listing.platforms.0 listing.unknownPlatform',
        'listing.segments.1 listing.duplicate',
        'listing.solutionAreas listing.tooManyAreas',
        'listing.solutionAreas.5.subAreaIds.0 listing.unknownSubArea',
      ].sort(),
    );
    // In the caller's language.
    expect(errors.find((e) => e.code === 'listing.tooManyAreas')!.detail).toBe(
      'Wybierz najwyżej 5 obszarów rozwiązań.',
    );
    // Nothing was saved.
    expect((await tabOf(offer.id)).etag).toBe('"v1"');
  });

  it('answers a stale save with 412 and keeps the other writer’s draft', async () => {
    const { offer } = await create();
    const owner = as(ctx.app, world.partnerA.owner);
    const manager = as(ctx.app, world.partnerA.manager);
    const theirs = { listing: fullListing(), landingPageUrl: 'https://theirs.example' };
    expect(
      (await manager.put(`${base}/${offer.id}/cosell`, theirs, { 'if-match': '"v1"' })).statusCode,
    ).toBe(200);
    const mine = await owner.put(
      `${base}/${offer.id}/cosell`,
      { ...theirs, landingPageUrl: 'https://mine.example' },
      { 'if-match': '"v1"' },
    );
    expect(mine.statusCode).toBe(412);
    expect(json<Problem>(mine).code).toBe('PRECONDITION_FAILED');
    expect((await tabOf(offer.id)).tab.draft.landingPageUrl).toBe('https://theirs.example');
  });

  it('honours the active policy: 3 areas × 2 sub-areas under 2019', async () => {
    await ctx.database.db.execute(sql`update programs set active_policy = '2019'`);
    try {
      const { offer } = await create();
      const areas = taxonomy.solutionAreas;
      const response = await as(ctx.app, world.partnerA.owner).put(
        `${base}/${offer.id}/cosell`,
        {
          listing: {
            platforms: [],
            segments: [],
            solutionType: null,
            solutionAreas: [
              ...areas.slice(0, 3).map((a) => ({ areaId: a.id, subAreaIds: [a.subAreas[0]!.id] })),
              { areaId: areas[3]!.id, subAreaIds: areas[3]!.subAreas.slice(0, 3).map((s) => s.id) },
            ],
          },
          landingPageUrl: null,
        },
        { 'if-match': '"v1"' },
      );
      expect(response.statusCode).toBe(400);
      expect(
        json<Problem>(response)
          .errors!.map((e) => e.code)
          .sort(),
      ).toEqual(['listing.tooManyAreas', 'listing.tooManySubAreas']);
      const { tab } = await tabOf(offer.id);
      expect(tab.policy).toMatchObject({ id: '2019', maxSolutionAreas: 3, maxSubAreasPerArea: 2 });
      // The 2019 listing is optional and no document is required.
      expect(tab.checklist.map((i) => i.id)).toEqual([
        'offer/eligible',
        'offer/markets',
        'contacts/partnerSales',
      ]);
    } finally {
      await ctx.database.db.execute(sql`update programs set active_policy = '2021-09'`);
    }
  });

  it('records every mutation in the audit log with before and after', async () => {
    const { offer } = await create();
    const owner = as(ctx.app, world.partnerA.owner);
    await owner.patch(`${base}/${offer.id}`, { name: 'Audited' }, { 'if-match': '"v1"' });
    await owner.put(
      `${base}/${offer.id}/cosell`,
      { listing: fullListing(), landingPageUrl: null },
      { 'if-match': '"v2"' },
    );
    const audit = json<{
      items: { action: string; entityId: string; before: unknown; after: unknown }[];
    }>(
      await owner.get(`/api/organisations/${world.partnerA.organisation.id}/audit?limit=200`),
    ).items.filter((e) => e.entityId === offer.id);
    expect(audit.map((e) => e.action)).toEqual([
      'offer.cosell.save',
      'offer.update',
      'offer.create',
    ]);
    expect(audit[1]).toMatchObject({
      before: { name: expect.stringMatching(/^Contoso/) },
      after: { name: 'Audited' },
    });
    expect((audit[0]!.after as { listing: unknown }).listing).toEqual(fullListing());
  });
});
