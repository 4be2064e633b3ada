/**
 * Review and publish through the API, as a publisher and a vendor reviewer would: validation
 * → review (rejected with a report, fixed, approved) → preview → Go live; the co-sell status
 * with every requirement; the program profile moving it up; the badge after 30 days on the
 * injectable clock; the storefront; a policy switch previewed and activated; a co-sell-only
 * update of a live offer reviewed while it stays live; cancel publish; notifications and mail.
 * Then the co-sell tab as optional for publishing: an offer with an empty tab goes live Not
 * co-sell ready and says why; a policy preview lists the offers a new limit makes invalid, and
 * only such invalid data blocks publishing.
 */
import type { Mail } from '@cosell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePptx } from '../helpers/files';
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
  version: number;
  publishStatus: string;
  lifecycleState: string;
  liveVersionId: string | null;
}
interface Submission {
  id: string;
  state: string;
  version: number;
  problems: { id: string; message: string }[];
  review: { report: string } | null;
}
interface PublishView {
  offer: Offer;
  draftVersion: number;
  selectable: string[];
  required: string[];
  hasChanges: boolean;
  changes: { section: string; field: string; kind: string }[];
  current: Submission | null;
  submissions: Submission[];
  blocking: { id: string; code: string; message: string }[];
  cosellMissing: { id: string; message: string }[];
}
interface Requirement {
  id: string;
  met: boolean;
  message: string;
  fix: { area: string; field: string };
}
interface Benefit {
  id: string;
  applicable: boolean;
  met: boolean;
  code: string;
  message: string;
  fix: { area: string; field: string } | null;
}
interface Status {
  status: string;
  statusName: string;
  policyId: string;
  basis: string;
  tiers: { status: string; met: boolean; applicable: boolean; requirements: Requirement[] }[];
  benefits: {
    visibleToSellers: boolean;
    preferredSolutionBadge: { granted: boolean; dueAt: string | null };
    azureBenefitEligible: boolean;
    cspIncentivePercent: number | null;
    marketplaceFeePercent: number;
    explanations: Benefit[];
  };
  history: { status: string; policyId: string; cause: string }[];
}
interface Preview {
  lost: number;
  moves: { from: string; to: string; count: number }[];
  sample: {
    offerName: string;
    organisationName: string;
    reasons: { kind: string; requirement: string | null; message: string }[];
  }[];
  invalid: number;
  invalidSample: {
    offerId: string;
    offerName: string;
    organisationName: string;
    problems: { id: string; code: string; message: string; versions: string[] }[];
  }[];
}
interface Taxonomy {
  platforms: { id: string }[];
  segments: { id: string }[];
  solutionAreas: { id: string; subAreas: { id: string }[] }[];
}

const DAY = 86_400_000;

describe('review and publish', () => {
  let ctx: TestContext;
  let world: World;
  let base: string;
  let offerId: string;
  const mails: Mail[] = [];
  const owner = () => as(ctx.app, world.partnerA.owner);
  const reviewer = () => as(ctx.app, world.reviewer);
  const admin = () => as(ctx.app, world.admin);
  const drain = () => ctx.deps.jobs.drain();
  const publishView = async () => json<PublishView>(await owner().get(`${base}/publish`));
  const status = async () => json<Status>(await owner().get(`${base}/status`));
  const requirement = (s: Status, id: string) =>
    s.tiers.flatMap((t) => t.requirements).find((r) => r.id === id);
  /** The offer as the offer list shows it: its co-sell status and that status's name. */
  const listed = async () =>
    json<{ items: { id: string; cosellStatus: string; cosellStatusName: string }[] }>(
      await owner().get(`/api/organisations/${world.partnerA.organisation.id}/offers`),
    ).items.find((o) => o.id === offerId);

  async function submit(sections: string[]) {
    // Time passes between one submission and the next (they are listed newest first).
    ctx.clock.advance(1000);
    const view = await owner().get(`${base}/publish`);
    return owner().post(
      `${base}/submissions`,
      { sections },
      { 'if-match': view.headers.etag as string, 'idempotency-key': crypto.randomUUID() },
    );
  }
  async function decide(submission: Submission, body: Record<string, unknown>, who = reviewer()) {
    const url = `/api/review/organisations/${world.partnerA.organisation.id}/submissions/${submission.id}`;
    const detail = await who.get(url);
    return who.post(`${url}/decision`, body, { 'if-match': detail.headers.etag as string });
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    ctx.deps.mailer = { send: async (mail) => void mails.push(mail) };
    const url = `/api/organisations/${world.partnerA.organisation.id}/offers`;
    const created = await owner().post(url, {
      name: 'Contoso Insights',
      alias: 'insights',
      offerType: 'saas',
      summary: 'Analytics for retail',
      markets: ['US', 'SE'],
      transactable: true,
      pricedAboveZero: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    offerId = json<Offer>(created).id;
    base = `${url}/${offerId}`;
    const taxonomy = json<{ taxonomy: Taxonomy }>(await owner().get('/api/program')).taxonomy;
    const area = taxonomy.solutionAreas[0]!;
    const saved = await owner().put(
      `${base}/cosell`,
      {
        listing: {
          platforms: [taxonomy.platforms[0]!.id],
          segments: [taxonomy.segments[0]!.id],
          solutionType: 'service',
          solutionAreas: [{ areaId: area.id, subAreaIds: [area.subAreas[0]!.id] }],
        },
        landingPageUrl: 'https://contoso.example/insights',
      },
      { 'if-match': '"v1"' },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    for (const [kind, name, bytes] of [
      ['one-pager', 'one-pager.pdf', samplePdf()],
      ['pitch-deck', 'deck.pptx', samplePptx()],
      ['reference-architecture-diagram', 'rad.pdf', samplePdf()],
    ] as const) {
      const up = await owner().post(`${base}/documents?kind=${kind}&fileName=${name}`, bytes);
      expect(up.statusCode, up.body).toBe(201);
    }
    const contact = await owner().post(`${base}/contacts`, {
      name: 'Ada Lovelace',
      email: 'ada.secret@contoso.example',
      jobTitle: 'Seller',
      role: 'partner-sales',
      countries: ['OOO'],
      states: [],
    });
    expect(contact.statusCode, contact.body).toBe(201);
  });
  afterAll(() => ctx?.close());

  it('shows what a new offer must submit, and refuses a stale or partial submission', async () => {
    const view = await publishView();
    expect(view.offer.publishStatus).toBe('draft');
    expect(view.required).toEqual(['offer-setup', 'cosell']);
    expect(view.blocking).toEqual([]);
    expect(view.hasChanges).toBe(true);
    // Compare without a live version: everything is added, documents and contacts included.
    expect(view.changes.some((c) => c.section === 'documents' && c.kind === 'added')).toBe(true);
    expect(view.changes.some((c) => c.section === 'contacts' && c.kind === 'added')).toBe(true);

    expect((await owner().post(`${base}/submissions`, { sections: ['cosell'] })).statusCode).toBe(
      428,
    );
    const stale = await owner().post(
      `${base}/submissions`,
      { sections: ['offer-setup', 'cosell'] },
      { 'if-match': '"v999"' },
    );
    expect(stale.statusCode).toBe(412);
    const partial = await submit(['cosell']);
    expect(partial.statusCode).toBe(400);
    // The viewer may look but not publish.
    const viewer = as(ctx.app, world.partnerA.viewer);
    expect((await viewer.get(`${base}/publish`)).statusCode).toBe(200);
    expect(
      (
        await viewer.post(
          `${base}/submissions`,
          { sections: ['offer-setup', 'cosell'] },
          { 'if-match': '"v2"' },
        )
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a publish against a draft whose documents or contacts changed since Compare, naming them', async () => {
    const read = await owner().get(`${base}/publish`);
    const seen = json<PublishView>(read);
    expect(read.headers.etag).toBe(`"v${seen.draftVersion}"`);
    // The reference architecture diagram is replaced, a contact added and removed again.
    const replaced = await owner().post(
      `${base}/documents?kind=reference-architecture-diagram&fileName=rad-2.pdf`,
      samplePdf(),
    );
    expect(replaced.statusCode, replaced.body).toBe(201);
    const added = await owner().post(`${base}/contacts`, {
      name: 'Grace Hopper',
      email: 'grace@contoso.example',
      jobTitle: 'Seller',
      role: 'partner-sales',
      countries: ['US'],
      states: [],
    });
    expect(added.statusCode, added.body).toBe(201);
    const contactId = json<{ contact: { id: string } }>(added).contact.id;
    expect((await owner().delete(`${base}/contacts/${contactId}`)).statusCode).toBe(200);

    const refused = await owner().post(
      `${base}/submissions`,
      { sections: ['offer-setup', 'cosell'] },
      { 'if-match': read.headers.etag as string, 'idempotency-key': crypto.randomUUID() },
    );
    expect(refused.statusCode, refused.body).toBe(412);
    const problem = json<{ detail: string; errors: { field: string; detail: string }[] }>(refused);
    expect(problem.errors.map((e) => e.field)).toEqual(['documents', 'contacts']);
    expect(problem.errors.map((e) => e.detail)).toEqual([
      'The co-sell documents changed.',
      'The contacts changed.',
    ]);
    expect(problem.detail).toContain(`version ${seen.draftVersion + 3}`);
    expect((await publishView()).draftVersion).toBe(seen.draftVersion + 3);
    expect((await publishView()).current).toBeNull();
  });

  it('validates, queues for review, and lets the reviewer reject with a report', async () => {
    const submitted = await submit(['offer-setup', 'cosell']);
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(json<PublishView>(submitted).current?.state).toBe('validating');
    expect(json<PublishView>(submitted).offer.publishStatus).toBe('publish-in-progress');
    // A second publish while one is on its way is refused.
    expect((await submit(['offer-setup', 'cosell'])).statusCode).toBe(409);

    await drain();
    const inReview = await publishView();
    expect(inReview.current?.state).toBe('in-review');

    // The queue shows it to vendor reviewers only.
    const queue = json<{ items: { id: string; offerName: string }[] }>(
      await reviewer().get('/api/review/submissions'),
    );
    expect(queue.items.map((i) => i.offerName)).toContain('Contoso Insights');
    expect((await owner().get('/api/review/submissions')).statusCode).toBe(403);
    expect((await as(ctx.app, world.seller).get('/api/review/submissions')).statusCode).toBe(403);

    const noReport = await decide(inReview.current!, { decision: 'reject', report: ' ' });
    expect(noReport.statusCode).toBe(400);
    const rejected = await decide(inReview.current!, {
      decision: 'reject',
      report: 'The pitch deck is a blank template.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const after = await publishView();
    expect(after.offer.publishStatus).toBe('attention-needed');
    expect(after.submissions[0]!.review?.report).toBe('The pitch deck is a blank template.');

    // The notice is a subscriber of the decision's event, delivered by the job worker.
    await drain();
    const notes = json<{ items: { kind: string; subject: string }[]; unread: number }>(
      await owner().get('/api/notifications'),
    );
    expect(notes.items[0]!.kind).toBe('review.failed');
    expect(notes.unread).toBeGreaterThan(0);
    expect(mails.some((m) => m.to === 'owner@a.test' && /needs attention/.test(m.subject))).toBe(
      true,
    );
  });

  it('takes a resubmission through approval, preview and Go live', async () => {
    // The manager mutes review results: no in-app notice and no mail for them.
    const manager = as(ctx.app, world.partnerA.manager);
    expect(
      (await manager.put('/api/notifications/preferences', { muted: ['review.passed'] }))
        .statusCode,
    ).toBe(200);
    mails.length = 0;

    expect((await submit(['offer-setup', 'cosell'])).statusCode).toBe(201);
    await drain();
    const view = await publishView();
    const approved = await decide(view.current!, {
      decision: 'approve',
      technicalValidation: 'passed',
      revenueVerified: true,
      report: 'Looks good.',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    // Deciding twice is refused.
    expect((await decide(view.current!, { decision: 'approve' })).statusCode).toBe(409);
    await drain();
    const preview = await publishView();
    expect(preview.current?.state).toBe('preview');
    expect(preview.offer.publishStatus).toBe('preview');
    expect(preview.offer.lifecycleState).toBe('preview');
    expect(mails.some((m) => m.to === 'manager@a.test')).toBe(false);
    // A new offer's approval says that its preview waits for the publisher's Go live.
    expect(mails.some((m) => m.to === 'owner@a.test' && /preview is ready/.test(m.subject))).toBe(
      true,
    );

    const live = await owner().post(`${base}/submissions/${preview.current!.id}/go-live`);
    expect(live.statusCode, live.body).toBe(200);
    await drain();
    const done = await publishView();
    expect(done.offer.publishStatus).toBe('live');
    expect(done.offer.lifecycleState).toBe('live');
    expect(done.offer.liveVersionId).not.toBeNull();
    expect(done.hasChanges).toBe(false);
  });

  it('explains the status requirement by requirement, and the profile moves it', async () => {
    let s = await status();
    expect(s.status).toBe('not-cosell-ready');
    expect(s.statusName).toBe('Not co-sell ready');
    // The offer list shows the status the status page shows, by the same name.
    expect(await listed()).toMatchObject({
      cosellStatus: 'not-cosell-ready',
      cosellStatusName: 'Not co-sell ready',
    });
    const partnerId = requirement(s, 'profile.partnerId')!;
    expect(partnerId.met).toBe(false);
    expect(partnerId.fix.area).toBe('profile');
    expect(partnerId.message).toMatch(/PartnerID/);
    expect(requirement(s, 'offer.live')!.met).toBe(true);
    expect(requirement(s, 'review.approved')!.met).toBe(true);

    const profileUrl = `/api/organisations/${world.partnerA.organisation.id}/program-profile`;
    // Partners may not set what the program decides.
    const forbidden = await owner().patch(
      profileUrl,
      { azureConsumedRevenueUsd: 1e6 },
      { 'if-match': '"v0"' },
    );
    expect(forbidden.statusCode).toBe(403);
    const entered = await owner().patch(
      profileUrl,
      { partnerId: '1234567', marketplaceAccountActive: true, businessProfileComplete: true },
      { 'if-match': '"v0"' },
    );
    expect(entered.statusCode, entered.body).toBe(200);
    s = await status();
    expect(s.status).toBe('cosell-ready');
    expect(await listed()).toMatchObject({
      cosellStatus: 'cosell-ready',
      cosellStatusName: s.statusName,
    });
    // Azure IP needs revenue: not met yet, and says how much there is.
    expect(requirement(s, 'revenue.threshold')!.met).toBe(false);
    expect(requirement(s, 'revenue.threshold')!.message).toContain('USD 100,000');
    expect(s.benefits.azureBenefitEligible).toBe(false);
    // Why not: the status it needs, and the requirement on the way to it.
    expect(s.benefits.explanations.find((b) => b.id === 'azureBenefitEligible')).toMatchObject({
      met: false,
      code: 'benefit.azureBenefitEligible.needsStatus',
      message: 'Not Azure benefit eligible: the offer needs the Azure IP Co-sell incentive status.',
      fix: { area: 'profile', field: 'profile-revenue' },
    });

    // The program admin feeds revenue from the vendor's systems by CSV.
    const csv = Buffer.from(
      'PartnerID;Azure consumed revenue (USD);ISV Connect\r\n1234567;"150 000";none\r\n',
    );
    const imported = await admin().post('/api/program/profile-imports', csv, {
      'content-type': 'text/csv',
    });
    expect(imported.statusCode, imported.body).toBe(200);
    s = await status();
    expect(s.status).toBe('azure-ip-cosell-incentivized');
    expect(s.statusName).toBe('Azure IP Co-sell incentive');
    expect(await listed()).toMatchObject({
      cosellStatus: 'azure-ip-cosell-incentivized',
      cosellStatusName: 'Azure IP Co-sell incentive',
    });
    expect(s.benefits.azureBenefitEligible).toBe(true);
    expect(s.benefits.cspIncentivePercent).toBe(10);
    expect(s.benefits.marketplaceFeePercent).toBe(10);
    // Each benefit explained, in the reader's language.
    const fee = s.benefits.explanations.find((b) => b.id === 'marketplaceFee')!;
    expect(fee).toMatchObject({
      met: true,
      message: 'The marketplace fee is reduced to 10% (instead of 20%).',
    });
    expect(s.benefits.preferredSolutionBadge.granted).toBe(false);
    expect(s.benefits.preferredSolutionBadge.dueAt).not.toBeNull();
    expect(s.history[0]).toMatchObject({
      status: 'azure-ip-cosell-incentivized',
      policyId: '2021-09',
      cause: 'profile',
    });
    const profile = json<{ provenance: Record<string, { source: string }> }>(
      await owner().get(profileUrl),
    );
    expect(profile.provenance.partnerId?.source).toBe('partner');
    expect(profile.provenance.azureConsumedRevenueUsd?.source).toBe('import');
  });

  it('shows the offer on the storefront, and the badge 30 days later', async () => {
    const anonymous = as(ctx.app, null);
    // The storefront is a projection kept by the job worker from domain events.
    await drain();
    let page = json<{ items: { offerId: string; badges: string[] }[] }>(
      await anonymous.get('/api/storefront/offers?search=insights'),
    );
    expect(page.items.map((i) => i.offerId)).toEqual([offerId]);
    expect(page.items[0]!.badges).toEqual(['azure-benefit-eligible']);

    ctx.deps.businessClock.advance(29 * DAY);
    await ctx.deps.jobs.scheduleBadgeSweep();
    await drain();
    expect((await status()).benefits.preferredSolutionBadge.granted).toBe(false);

    ctx.deps.businessClock.advance(1 * DAY);
    await ctx.deps.jobs.scheduleBadgeSweep();
    await drain();
    expect((await status()).benefits.preferredSolutionBadge.granted).toBe(true);
    page = json(await anonymous.get('/api/storefront/offers?badge=preferred-solution'));
    expect(page.items.map((i) => i.offerId)).toEqual([offerId]);
    page = json(
      await anonymous.get(
        '/api/storefront/offers?badge=preferred-solution&badge=azure-benefit-eligible',
      ),
    );
    expect(page.items.map((i) => i.offerId)).toEqual([offerId]);
    expect((await anonymous.get('/api/storefront/offers?badge=no-such-badge')).statusCode).toBe(
      400,
    );
    const notes = json<{ items: { kind: string }[] }>(await owner().get('/api/notifications'));
    expect(notes.items.map((n) => n.kind)).toContain('badge.granted');
  });

  it('never exposes co-sell material on any storefront route', async () => {
    const anonymous = as(ctx.app, null);
    const routes = ctx.app.registeredRoutes.filter((r) => r.url.startsWith('/api/storefront'));
    expect(routes.length).toBeGreaterThanOrEqual(2);
    const bodies = [
      (await anonymous.get('/api/storefront/offers')).body,
      (await anonymous.get('/api/storefront/offers?search=contoso')).body,
      (await anonymous.get(`/api/storefront/offers/${offerId}`)).body,
    ];
    for (const url of routes.map((r) => r.url.replace(':offerId', offerId))) {
      bodies.push((await anonymous.get(url)).body);
    }
    for (const body of bodies) {
      for (const secret of [
        'ada.secret@contoso.example',
        'Ada Lovelace',
        'one-pager.pdf',
        'deck.pptx',
        'blank template',
        'Looks good',
        '1234567',
        '150000',
        'contoso.example/insights',
        world.partnerA.organisation.id,
      ]) {
        expect(body).not.toContain(secret);
      }
    }
  });

  it('previews a policy switch, then activates it and re-evaluates under it', async () => {
    const preview = await admin().post('/api/program/policy/preview', { policyId: '2023' });
    expect(preview.statusCode, preview.body).toBe(200);
    const result = json<Preview>(preview);
    // Under 2023 Azure IP co-sell needs the solution type IP; this listing says "service".
    expect(result.moves).toEqual([
      { from: 'azure-ip-cosell-incentivized', to: 'cosell-ready', count: 1 },
    ]);
    expect(result.lost).toBe(1);
    expect(result.sample).toEqual([
      expect.objectContaining({
        offerName: 'Contoso Insights',
        organisationName: 'Partner A',
        reasons: [
          expect.objectContaining({
            kind: 'unmet',
            requirement: 'tab.solutionTypeIp',
            message: 'The listing’s solution type must be IP.',
          }),
        ],
      }),
    ]);
    // One solution area and one sub-area: nothing becomes invalid under 2023 (5 × 5).
    expect(result.invalid).toBe(0);
    expect(
      (await reviewer().post('/api/program/policy/preview', { policyId: '2023' })).statusCode,
    ).toBe(403);

    const program = await admin().get('/api/program');
    const activated = await admin().put(
      '/api/program/policy',
      { policyId: '2023' },
      { 'if-match': program.headers.etag as string },
    );
    expect(activated.statusCode, activated.body).toBe(200);
    await drain();
    const s = await status();
    expect(s.status).toBe('cosell-ready');
    expect(s.policyId).toBe('2023');
    expect(s.history[0]).toMatchObject({
      status: 'cosell-ready',
      policyId: '2023',
      cause: 'policy',
    });
    // Plain co-sell ready earns no badge under 2023: the storefront drops it.
    const page = json<{ items: { badges: string[] }[] }>(
      await as(ctx.app, null).get('/api/storefront/offers'),
    );
    expect(page.items[0]!.badges).not.toContain('preferred-solution');
  });

  it('reviews a co-sell-only update while the offer stays live', async () => {
    const tab = await owner().get(`${base}/cosell`);
    const draft = json<{ draft: Record<string, unknown> }>(tab).draft;
    const changed = await owner().put(
      `${base}/cosell`,
      { ...draft, landingPageUrl: 'https://contoso.example/insights-v2' },
      { 'if-match': tab.headers.etag as string },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const view = await publishView();
    expect(view.required).toEqual(['cosell']);
    expect(view.selectable).toEqual(['cosell']);
    expect(view.changes).toEqual([
      expect.objectContaining({ section: 'listing', field: 'landingPageUrl', kind: 'changed' }),
    ]);
    expect((await submit(['offer-setup', 'cosell'])).statusCode).toBe(400);
    expect((await submit(['cosell'])).statusCode).toBe(201);
    await drain();
    const inReview = await publishView();
    expect(inReview.current?.state).toBe('in-review');
    expect(inReview.offer.lifecycleState).toBe('live');
    expect(
      json<{ total: number }>(await as(ctx.app, null).get('/api/storefront/offers')).total,
    ).toBe(1);
    const liveBefore = inReview.offer.liveVersionId;
    await decide(inReview.current!, {
      decision: 'approve',
      technicalValidation: 'passed',
      revenueVerified: true,
    });
    await drain();
    const done = await publishView();
    // No preview and no Go live for an update of a live offer.
    expect(done.submissions[0]!.state).toBe('published');
    expect(done.offer.liveVersionId).not.toBe(liveBefore);
    expect(done.offer.publishStatus).toBe('live');
  });

  it('cancels a publish before sign-off, and replays of finished steps change nothing', async () => {
    const patched = await owner().patch(
      base,
      { summary: 'Analytics for retail and grocery' },
      { 'if-match': `"v${(await publishView()).offer.version}"` },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await publishView()).required).toEqual(['offer-setup', 'cosell']);
    const submitted = json<PublishView>(await submit(['offer-setup', 'cosell']));
    const cancelled = await owner().post(`${base}/submissions/${submitted.current!.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(json<PublishView>(cancelled).offer.publishStatus).toBe('live');
    await drain();
    // The validation job of the cancelled submission found nothing to do.
    expect((await publishView()).submissions[0]!.state).toBe('cancelled');
    expect(
      (await owner().post(`${base}/submissions/${submitted.current!.id}/cancel`)).statusCode,
    ).toBe(409);

    // A step queued again (as after a crash) changes nothing the second time.
    const historyBefore = (await status()).history.length;
    const published = (await publishView()).submissions.find((s) => s.state === 'published')!;
    await ctx.deps.offers.uow.run(
      (repos) =>
        repos.jobs.enqueueJob({
          kind: 'publish.go-live',
          payload: { submissionId: published.id },
          organisationId: world.partnerA.organisation.id,
          runAt: ctx.deps.businessClock.now(),
          dedupeKey: `replay:${published.id}`,
        }),
      {},
    );
    expect(await drain()).toBe(1);
    expect((await status()).history.length).toBe(historyBefore);
  });

  it('starts exactly one of several concurrent publishes', async () => {
    const view = await owner().get(`${base}/publish`);
    const etag = view.headers.etag as string;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        owner().post(
          `${base}/submissions`,
          { sections: ['offer-setup', 'cosell'] },
          { 'if-match': etag, 'idempotency-key': crypto.randomUUID() },
        ),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409]);
    const current = (await publishView()).current!;
    expect((await owner().post(`${base}/submissions/${current.id}/cancel`)).statusCode).toBe(200);
  });

  it('answers 404 for another organisation’s offer and submissions', async () => {
    const other = as(ctx.app, world.partnerB.owner);
    expect((await other.get(`${base}/publish`)).statusCode).toBe(404);
    expect((await other.get(`${base}/status`)).statusCode).toBe(404);
    const view = await publishView();
    const submission = view.submissions[0]!;
    expect((await other.post(`${base}/submissions/${submission.id}/cancel`)).statusCode).toBe(404);
    const otherBase = `/api/organisations/${world.partnerB.organisation.id}/offers/${offerId}`;
    expect((await other.get(`${otherBase}/publish`)).statusCode).toBe(404);
    expect(
      (await other.get(`/api/organisations/${world.partnerA.organisation.id}/program-profile`))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await reviewer().get(
          `/api/review/organisations/${world.partnerB.organisation.id}/submissions/${submission.id}`,
        )
      ).statusCode,
    ).toBe(404);
  });
});

describe('the co-sell tab is optional for publishing', () => {
  let ctx: TestContext;
  let world: World;
  let offers: string;
  const owner = () => as(ctx.app, world.partnerA.owner);
  const reviewer = () => as(ctx.app, world.reviewer);
  const admin = () => as(ctx.app, world.admin);
  const drain = () => ctx.deps.jobs.drain();

  async function create(name: string, alias: string) {
    const created = await owner().post(offers, {
      name,
      alias,
      offerType: 'saas',
      summary: 'Forecasting for retail',
      markets: ['US', 'SE'],
      transactable: true,
      pricedAboveZero: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    return `${offers}/${json<Offer>(created).id}`;
  }

  /** Publish → validation → the vendor approves → preview → Go live, as a publisher and a reviewer. */
  async function publishLive(base: string) {
    const view = await owner().get(`${base}/publish`);
    const submitted = await owner().post(
      `${base}/submissions`,
      { sections: ['offer-setup', 'cosell'] },
      { 'if-match': view.headers.etag as string, 'idempotency-key': crypto.randomUUID() },
    );
    expect(submitted.statusCode, submitted.body).toBe(201);
    await drain();
    const inReview = json<PublishView>(await owner().get(`${base}/publish`));
    expect(inReview.current?.state).toBe('in-review');
    const url = `/api/review/organisations/${world.partnerA.organisation.id}/submissions/${inReview.current!.id}`;
    const detail = await reviewer().get(url);
    const approved = await reviewer().post(
      `${url}/decision`,
      { decision: 'approve', technicalValidation: 'not-assessed', revenueVerified: false },
      { 'if-match': detail.headers.etag as string },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    await drain();
    const live = await owner().post(`${base}/submissions/${inReview.current!.id}/go-live`);
    expect(live.statusCode, live.body).toBe(200);
    await drain();
    const done = json<PublishView>(await owner().get(`${base}/publish`));
    expect(done.offer.lifecycleState).toBe('live');
    return done;
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    offers = `/api/organisations/${world.partnerA.organisation.id}/offers`;
  });
  afterAll(() => ctx?.close());

  it('publishes an offer with an empty co-sell tab; live, it is Not co-sell ready and says why', async () => {
    const base = await create('Fabrikam Forecast', 'forecast');
    const view = json<PublishView>(await owner().get(`${base}/publish`));
    // Nothing is invalid: nothing blocks. What co-sell ready needs is listed, as information.
    expect(view.blocking).toEqual([]);
    expect(view.cosellMissing.map((item) => item.id)).toEqual([
      'listing/platforms',
      'listing/segments',
      'listing/solutionType',
      'listing/solutionAreas',
      'documents/one-pager',
      'documents/pitch-deck',
      'contacts/partnerSales',
    ]);

    const done = await publishLive(base);
    expect(done.offer.publishStatus).toBe('live');
    expect(done.submissions[0]!.problems).toEqual([]);

    const s = json<Status>(await owner().get(`${base}/status`));
    expect(s).toMatchObject({
      status: 'not-cosell-ready',
      statusName: 'Not co-sell ready',
      basis: 'live',
    });
    const requirements = s.tiers.find((t) => t.status === 'cosell-ready')!.requirements;
    const byId = (id: string) => requirements.find((r) => r.id === id)!;
    expect(byId('offer.live').met).toBe(true);
    expect(byId('review.approved').met).toBe(true);
    expect(byId('tab.listingComplete')).toMatchObject({
      met: false,
      fix: { area: 'cosell', field: 'listing-platforms' },
    });
    expect(byId('documents.cosellReady')).toMatchObject({
      met: false,
      message: 'Upload the missing documents: Solution one-pager and Solution pitch deck.',
      fix: { area: 'cosell', field: 'document-one-pager' },
    });
    expect(byId('tab.partnerSalesContacts')).toMatchObject({
      met: false,
      message: 'Add a Partner sales contact for these markets: United States and Sweden.',
    });
    // The benefits say why they are out of reach.
    expect(s.benefits.explanations.find((b) => b.id === 'visibleToSellers')).toMatchObject({
      met: false,
      message: 'Not visible to Microsoft sellers: the offer needs the Co-sell ready status.',
    });
    // The status history says the same, and the storefront shows it without a badge.
    expect(s.history[0]).toMatchObject({ status: 'not-cosell-ready', cause: 'publish' });
    const storefront = json<{ items: { offerId: string; badges: string[] }[] }>(
      await as(ctx.app, null).get('/api/storefront/offers?search=fabrikam'),
    );
    expect(storefront.items).toEqual([expect.objectContaining({ badges: [] })]);

    // The co-sell tab is as empty as it was, with its checklist.
    const tab = json<{ sections: Record<string, string>; readyToSubmit: boolean }>(
      await owner().get(`${base}/cosell`),
    );
    expect(tab.sections.listing).toBe('not-started');
    expect(tab.readyToSubmit).toBe(false);
  });

  it('lists an offer with 5 solution areas as invalid under a 3-area policy; only that blocks publishing', async () => {
    const base = await create('Northwind Five Areas', 'five-areas');
    const tabBefore = await owner().get(`${base}/cosell`);
    const taxonomy = json<{ taxonomy: Taxonomy }>(await owner().get('/api/program')).taxonomy;
    const five = taxonomy.solutionAreas
      .slice(0, 5)
      .map((area) => ({ areaId: area.id, subAreaIds: [area.subAreas[0]!.id] }));
    const saved = await owner().put(
      `${base}/cosell`,
      {
        listing: {
          platforms: [taxonomy.platforms[0]!.id],
          segments: [taxonomy.segments[0]!.id],
          solutionType: 'ip',
          solutionAreas: five,
        },
        landingPageUrl: null,
      },
      { 'if-match': tabBefore.headers.etag as string },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json<{ sections: Record<string, string> }>(saved).sections.listing).toBe('complete');
    await publishLive(base);
    const offerId = base.split('/').at(-1)!;

    // The September 2021 policy allows 5 areas; the 2019 one 3.
    const response = await admin().post('/api/program/policy/preview', { policyId: '2019' });
    expect(response.statusCode, response.body).toBe(200);
    const preview = json<Preview>(response);
    expect(preview.invalid).toBe(1);
    expect(preview.invalidSample).toEqual([
      {
        organisationId: world.partnerA.organisation.id,
        organisationName: 'Partner A',
        offerId,
        offerName: 'Northwind Five Areas',
        problems: [
          {
            id: 'listing.solutionAreas',
            code: 'listing.tooManyAreas',
            params: { maximum: 3 },
            message: 'Choose at most 3 solution areas.',
            versions: ['live', 'draft'],
          },
        ],
      },
    ]);
    // Not co-sell ready under either policy: no status moves.
    expect(preview.moves).toEqual([]);

    const program = await admin().get('/api/program');
    const activated = await admin().put(
      '/api/program/policy',
      { policyId: '2019' },
      { 'if-match': program.headers.etag as string },
    );
    expect(activated.statusCode, activated.body).toBe(200);
    await drain();

    // Under 2019 the listing breaks a limit: the tab does not call it complete, and publishing
    // is refused until it is fixed.
    const tab = await owner().get(`${base}/cosell`);
    expect(json<{ sections: Record<string, string> }>(tab).sections.listing).toBe('incomplete');
    const patched = await owner().patch(
      base,
      { summary: 'Forecasting for retail and grocery' },
      { 'if-match': `"v${json<PublishView>(await owner().get(`${base}/publish`)).offer.version}"` },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    const view = json<PublishView>(await owner().get(`${base}/publish`));
    expect(view.blocking).toEqual([
      expect.objectContaining({
        id: 'listing.solutionAreas',
        code: 'listing.tooManyAreas',
        message: 'Choose at most 3 solution areas.',
      }),
    ]);
    const refused = await owner().post(
      `${base}/submissions`,
      { sections: ['offer-setup', 'cosell'] },
      { 'if-match': `"v${view.draftVersion}"`, 'idempotency-key': crypto.randomUUID() },
    );
    expect(refused.statusCode).toBe(400);
    expect(json<{ errors: { field: string; code: string }[] }>(refused).errors).toEqual([
      expect.objectContaining({ field: 'listing.solutionAreas', code: 'listing.tooManyAreas' }),
    ]);
  });
});
