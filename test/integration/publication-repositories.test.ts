/**
 * The publication repositories on the engine of the project (PGlite, or PostgreSQL in the
 * integration-pg project): version numbering, compare-and-set submission moves, program
 * profiles' expected versions, keyset status inputs, the storefront, notifications, the job
 * queue's leases, and what program staff may read and may not write under row-level security.
 * Every check runs as the application role (cosell_app) inside a tenant scope.
 */
import type {
  OfferSnapshot,
  OrganisationRecord,
  ProgramProfileRecord,
  Tx,
  SnapshotDocument,
  StorefrontListing,
  TenantScope,
  UserRecord,
} from '@cosell/core';
import { createRepositories, withTenantScope } from '@cosell/db';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@cosell/db/testing';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Row = Record<string, unknown>;
type ProfileInput = Omit<ProgramProfileRecord, 'updatedAt' | 'version'>;

const T0 = new Date('2026-11-22T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let database: TestDatabase;
let partnerA: OrganisationRecord;
let partnerB: OrganisationRecord;
let userA: UserRecord;
let userA2: UserRecord;
let userB: UserRecord;

/** Runs SQL as the connecting (owner) role, outside any tenant scope. */
async function owner(query: SQL): Promise<Row[]> {
  return ((await database.db.execute(query)) as unknown as { rows: Row[] }).rows;
}

/** Tx in one transaction as cosell_app within `scope`. */
function within<T>(scope: TenantScope, work: (repos: Tx) => Promise<T>): Promise<T> {
  return withTenantScope(database.db, scope, (tx) => work(createRepositories(tx, scope)));
}
const tenant = (organisation: OrganisationRecord) => ({ organisationIds: [organisation.id] });
const staff: TenantScope = { programStaff: true };

let offerCounter = 0;
async function newOffer(organisation: OrganisationRecord, name = `Offer ${++offerCounter}`) {
  return within(tenant(organisation), (repos) =>
    repos.offers.createOffer(
      organisation.id,
      {
        name,
        alias: `alias-${++offerCounter}`,
        offerType: 'saas',
        summary: '',
        description: '',
        markets: ['US'],
        transactable: false,
        pricedAboveZero: false,
        cspOptIn: false,
        lifecycleState: 'draft',
      },
      T0,
    ),
  );
}

const document = (blobKey: string): SnapshotDocument => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'one-pager',
  fileName: 'one-pager.pdf',
  contentType: 'application/pdf',
  sizeBytes: 1000,
  sha256: 'ab'.repeat(32),
  blobKey,
});

const snapshot = (name: string, documents: SnapshotDocument[] = []): OfferSnapshot => ({
  fields: {
    name,
    alias: 'alias',
    offerType: 'saas',
    summary: '',
    description: '',
    markets: ['US'],
    transactable: false,
    pricedAboveZero: false,
    cspOptIn: false,
  },
  cosell: {
    listing: { platforms: [], segments: [], solutionType: null, solutionAreas: [] },
    landingPageUrl: null,
  },
  documents,
  contacts: [],
});

const profileOf = (organisation: OrganisationRecord, patch: Partial<ProfileInput> = {}) => ({
  organisationId: organisation.id,
  partnerId: null,
  marketplaceAccountActive: true,
  businessProfileComplete: false,
  azureConsumedRevenueUsd: 0,
  marketplaceBilledRevenueUsd: 0,
  goldCompetency: false,
  solutionsPartnerDesignations: [],
  isvConnect: 'none' as const,
  provenance: {},
  ...patch,
});

/** An offer with a version and a submission of it, in `state`. */
async function submitted(organisation: OrganisationRecord, by: UserRecord) {
  const offer = await newOffer(organisation);
  return within(tenant(organisation), async (repos) => {
    const version = await repos.versions.insertOfferVersion({
      organisationId: organisation.id,
      offerId: offer.id,
      snapshot: snapshot(offer.name),
      createdBy: by.id,
      at: T0,
    });
    const submission = await repos.submissions.createSubmission({
      organisationId: organisation.id,
      offerId: offer.id,
      versionId: version.id,
      sections: ['offer-setup', 'cosell'],
      offerWasLive: false,
      submittedBy: by.id,
      at: T0,
    });
    return { offer, version, submission };
  });
}

beforeAll(async () => {
  database = await createTestDatabase({ poolSize: 5 });
  // Organisations, people and memberships as the owner role (set-up, not under test).
  const repos = createRepositories(database.db);
  await repos.organisations.createOrganisation({ kind: 'vendor', name: 'Vendor' });
  partnerA = await repos.organisations.createOrganisation({
    kind: 'partner',
    name: 'Alpha Partner',
  });
  partnerB = await repos.organisations.createOrganisation({
    kind: 'partner',
    name: 'Beta Partner',
  });
  const person = (email: string) =>
    repos.users.createUser({ email, name: email.split('@')[0]!, passwordHash: 'x', locale: 'en' });
  userA = await person('ada@a.test');
  userA2 = await person('bob@a.test');
  userB = await person('cy@b.test');
  await repos.memberships.createMembership({
    organisationId: partnerA.id,
    userId: userA.id,
    roles: ['owner'],
  });
  await repos.memberships.createMembership({
    organisationId: partnerA.id,
    userId: userA2.id,
    roles: ['viewer'],
  });
  await repos.memberships.createMembership({
    organisationId: partnerB.id,
    userId: userB.id,
    roles: ['owner'],
  });
});
afterAll(() => database?.destroy());

describe('offer versions and publication state', () => {
  it('numbers the versions of each offer 1, 2, 3…', async () => {
    const first = await newOffer(partnerA);
    const second = await newOffer(partnerA);
    await within(tenant(partnerA), async (repos) => {
      const input = (offerId: string) => ({
        organisationId: partnerA.id,
        offerId,
        snapshot: snapshot('v'),
        createdBy: userA.id,
        at: T0,
      });
      const v1 = await repos.versions.insertOfferVersion(input(first.id));
      const v2 = await repos.versions.insertOfferVersion(input(first.id));
      const other = await repos.versions.insertOfferVersion(input(second.id));
      const v3 = await repos.versions.insertOfferVersion(input(first.id));
      expect([v1.number, v2.number, v3.number, other.number]).toEqual([1, 2, 3, 1]);
      const found = await repos.versions.findOfferVersion(partnerA.id, first.id, v2.id);
      expect(found).toEqual(v2);
      expect(found?.createdAt).toEqual(T0);
      expect(await repos.versions.findOfferVersion(partnerA.id, second.id, v2.id)).toBeNull();
      expect(await repos.versions.findOfferVersion(partnerB.id, first.id, v2.id)).toBeNull();
    });
  });

  it('keeps a blob while a version refers to it, within the organisation only', async () => {
    const offer = await newOffer(partnerA);
    await within(tenant(partnerA), async (repos) => {
      await repos.versions.insertOfferVersion({
        organisationId: partnerA.id,
        offerId: offer.id,
        snapshot: snapshot('kept', [document('blobs/kept'), document('blobs/also-kept')]),
        createdBy: null,
        at: T0,
      });
      expect(await repos.versions.isBlobKeptByVersion(partnerA.id, 'blobs/kept')).toBe(true);
      expect(await repos.versions.isBlobKeptByVersion(partnerA.id, 'blobs/also-kept')).toBe(true);
      expect(await repos.versions.isBlobKeptByVersion(partnerA.id, 'blobs/other')).toBe(false);
      expect(await repos.versions.isBlobKeptByVersion(partnerA.id, 'blobs/kep')).toBe(false);
    });
    await within({ organisationIds: [partnerA.id, partnerB.id] }, async (repos) => {
      expect(await repos.versions.isBlobKeptByVersion(partnerB.id, 'blobs/kept')).toBe(false);
    });
  });

  it('sets the publication state without changing the offer’s version', async () => {
    const offer = await newOffer(partnerA);
    await within(tenant(partnerA), async (repos) => {
      expect(await repos.versions.findOfferPublication(partnerA.id, offer.id)).toEqual({
        publishStatus: 'draft',
        lifecycleState: 'draft',
        liveVersionId: null,
      });
      const version = await repos.versions.insertOfferVersion({
        organisationId: partnerA.id,
        offerId: offer.id,
        snapshot: snapshot('live'),
        createdBy: userA.id,
        at: T0,
      });
      await repos.versions.setOfferPublication(
        partnerA.id,
        offer.id,
        { publishStatus: 'live', lifecycleState: 'live', liveVersionId: version.id },
        at(5),
      );
      await repos.versions.setOfferPublication(
        partnerA.id,
        offer.id,
        { publishStatus: 'preview' },
        at(6),
      );
      expect(await repos.versions.findOfferPublication(partnerA.id, offer.id)).toEqual({
        publishStatus: 'preview',
        lifecycleState: 'live',
        liveVersionId: version.id,
      });
      const after = await repos.offers.findOffer(partnerA.id, offer.id);
      expect(after).toMatchObject({
        publishStatus: 'preview',
        liveVersionId: version.id,
        version: offer.version,
      });
      expect(await repos.versions.findOfferPublication(partnerB.id, offer.id)).toBeNull();
    });
  });
});

describe('submissions', () => {
  it('moves a submission once: a repeated or stale move returns null', async () => {
    const { submission } = await submitted(partnerA, userA);
    expect(submission).toMatchObject({
      state: 'validating',
      version: 1,
      problems: [],
      review: null,
    });
    await within(tenant(partnerA), async (repos) => {
      const moved = await repos.submissions.transitionSubmission(
        partnerA.id,
        submission.id,
        ['validating'],
        { state: 'in-review' },
        at(1),
      );
      expect(moved).toMatchObject({ state: 'in-review', version: 2, updatedAt: at(1) });
      // The same move again (a job running twice) changes nothing.
      expect(
        await repos.submissions.transitionSubmission(
          partnerA.id,
          submission.id,
          ['validating'],
          { state: 'in-review' },
          at(2),
        ),
      ).toBeNull();
      const review = {
        reviewerId: userA2.id,
        decision: 'approve' as const,
        report: 'Fine.',
        technicalValidation: 'passed' as const,
        revenueVerified: true,
        decidedAt: at(3),
      };
      // A stale version loses.
      expect(
        await repos.submissions.transitionSubmission(
          partnerA.id,
          submission.id,
          ['in-review'],
          { state: 'approved', review },
          at(3),
          [1],
        ),
      ).toBeNull();
      expect(
        await repos.submissions.transitionSubmission(
          partnerA.id,
          submission.id,
          ['in-review'],
          { state: 'approved', review },
          at(3),
          [],
        ),
      ).toBeNull();
      const approved = await repos.submissions.transitionSubmission(
        partnerA.id,
        submission.id,
        ['in-review'],
        { state: 'approved', review },
        at(3),
        [2],
      );
      expect(approved).toMatchObject({ state: 'approved', version: 3, review });
      expect(approved?.review?.decidedAt).toBeInstanceOf(Date);
      const problems = [{ id: 'documents', code: 'x.missing', params: { n: 1 } }];
      const attention = await repos.submissions.transitionSubmission(
        partnerA.id,
        submission.id,
        ['approved'],
        { state: 'attention-needed', problems },
        at(4),
        'any',
      );
      expect(attention).toMatchObject({ state: 'attention-needed', problems, review });
      expect(await repos.submissions.findSubmission(partnerA.id, submission.id)).toEqual(attention);
      expect(
        await repos.submissions.transitionSubmission(
          partnerA.id,
          submission.id,
          [],
          { state: 'cancelled' },
          at(5),
        ),
      ).toBeNull();
    });
  });

  it('lets exactly one of two concurrent moves win', async () => {
    const { submission } = await submitted(partnerA, userA);
    const move = (state: 'in-review' | 'cancelled') =>
      within(tenant(partnerA), (repos) =>
        repos.submissions.transitionSubmission(
          partnerA.id,
          submission.id,
          ['validating'],
          { state },
          at(1),
          [1],
        ),
      );
    const results = await Promise.all([move('in-review'), move('cancelled')]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('lists an offer’s submissions newest first', async () => {
    const { offer, version, submission } = await submitted(partnerA, userA);
    // One submission on its way per offer: a second is refused until the first is closed.
    await expect(
      within(tenant(partnerA), (repos) =>
        repos.submissions.createSubmission({
          organisationId: partnerA.id,
          offerId: offer.id,
          versionId: version.id,
          sections: ['cosell'],
          offerWasLive: true,
          submittedBy: userA.id,
          at: at(5),
        }),
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await within(tenant(partnerA), async (repos) => {
      const close = (id: string) =>
        repos.submissions.transitionSubmission(
          partnerA.id,
          id,
          ['validating'],
          { state: 'cancelled' },
          at(1),
        );
      await close(submission.id);
      const later = await repos.submissions.createSubmission({
        organisationId: partnerA.id,
        offerId: offer.id,
        versionId: version.id,
        sections: ['cosell'],
        offerWasLive: true,
        submittedBy: userA.id,
        at: at(10),
      });
      await close(later.id);
      const list = await repos.submissions.listSubmissions(partnerA.id, offer.id, 10);
      expect(list.map((s) => s.submittedAt)).toEqual([at(10), T0]);
      expect(list[0]!.id).toEqual(later.id);
      // Submissions made at the same instant: the last one made comes first.
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const tie = await repos.submissions.createSubmission({
          organisationId: partnerA.id,
          offerId: offer.id,
          versionId: version.id,
          sections: ['cosell'],
          offerWasLive: true,
          submittedBy: userA.id,
          at: at(20),
        });
        await close(tie.id);
        ids.unshift(tie.id);
      }
      const newest = await repos.submissions.listSubmissions(partnerA.id, offer.id, 5);
      expect(newest.map((s) => s.id)).toEqual(ids);
      expect(await repos.submissions.listSubmissions(partnerB.id, offer.id, 10)).toEqual([]);
    });
  });

  it('shows program staff the review queue of every partner, oldest first', async () => {
    const a = await submitted(partnerA, userA);
    const b = await submitted(partnerB, userB);
    for (const [organisation, item] of [
      [partnerA, a],
      [partnerB, b],
    ] as const) {
      await within(tenant(organisation), (repos) =>
        repos.submissions.transitionSubmission(
          organisation.id,
          item.submission.id,
          ['validating'],
          { state: 'in-review' },
          organisation === partnerA ? at(30) : at(20),
        ),
      );
    }
    const queue = await within(staff, (repos) =>
      repos.submissions.listReviewQueue({ states: ['in-review'], limit: 100, offset: 0 }),
    );
    const ids = queue.items.map((item) => item.id);
    expect(ids).toContain(a.submission.id);
    expect(ids).toContain(b.submission.id);
    expect(queue.total).toBe(queue.items.length);
    const itemB = queue.items.find((item) => item.id === b.submission.id);
    expect(itemB).toMatchObject({
      organisationId: partnerB.id,
      offerName: b.offer.name,
      offerType: 'saas',
      organisationName: 'Beta Partner',
      state: 'in-review',
    });
    const times = queue.items.map((item) => item.submittedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const paged = await within(staff, (repos) =>
      repos.submissions.listReviewQueue({ states: ['in-review'], limit: 1, offset: 1 }),
    );
    expect(paged.items.map((item) => item.id)).toEqual([ids[1]]);
    expect(paged.total).toBe(queue.total);
    // A partner's own scope sees its own submissions only.
    const own = await within(tenant(partnerA), (repos) =>
      repos.submissions.listReviewQueue({ states: ['in-review'], limit: 100, offset: 0 }),
    );
    expect(own.items.every((item) => item.organisationId === partnerA.id)).toBe(true);
    expect(own.items.map((item) => item.id)).toContain(a.submission.id);
    expect(
      (
        await within(staff, (repos) =>
          repos.submissions.listReviewQueue({ states: [], limit: 10, offset: 0 }),
        )
      ).total,
    ).toBe(0);
  });
});

describe('program staff under row-level security', () => {
  it('reads another tenant’s submission, which a plain tenant scope cannot', async () => {
    const { offer, submission } = await submitted(partnerB, userB);
    expect(
      await within(staff, (repos) => repos.submissions.findSubmission(partnerB.id, submission.id)),
    ).toEqual(submission);
    expect(
      await within(staff, (repos) => repos.offers.findOffer(partnerB.id, offer.id)),
    ).not.toBeNull();
    expect(
      await within(tenant(partnerA), (repos) =>
        repos.submissions.findSubmission(partnerB.id, submission.id),
      ),
    ).toBeNull();
    expect(
      await within(tenant(partnerA), (repos) => repos.offers.findOffer(partnerB.id, offer.id)),
    ).toBeNull();
    // Without the flag, the same empty scope sees nothing.
    expect(
      await within({}, (repos) => repos.submissions.findSubmission(partnerB.id, submission.id)),
    ).toBeNull();
  });

  it('cannot insert or update another tenant’s rows', async () => {
    const { offer, version, submission } = await submitted(partnerB, userB);
    const staffOfA: TenantScope = { programStaff: true, organisationIds: [partnerA.id] };
    await expect(
      within(staffOfA, (repos) =>
        repos.submissions.createSubmission({
          organisationId: partnerB.id,
          offerId: offer.id,
          versionId: version.id,
          sections: ['cosell'],
          offerWasLive: false,
          submittedBy: userA.id,
          at: T0,
        }),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    await expect(
      within(staffOfA, (repos) =>
        repos.statuses.saveOfferStatus({
          organisationId: partnerB.id,
          offerId: offer.id,
          status: 'cosell-ready',
          policyId: '2021-09',
          qualifiedSince: null,
          badgeGrantedAt: null,
          evaluatedAt: T0,
        }),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    await expect(
      within(staffOfA, (repos) => repos.profiles.saveProfile(profileOf(partnerB), 'any', T0)),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    expect(
      await within(staffOfA, (repos) =>
        repos.submissions.transitionSubmission(
          partnerB.id,
          submission.id,
          ['validating'],
          { state: 'cancelled' },
          at(1),
        ),
      ),
    ).toBeNull();
    await within(staffOfA, (repos) =>
      repos.versions.setOfferPublication(partnerB.id, offer.id, { publishStatus: 'live' }, at(1)),
    );
    const [row] = await owner(
      sql`select state from submissions where organisation_id = ${partnerB.id} and id = ${submission.id}`,
    );
    expect(row?.state).toBe('validating');
    const [offerRow] = await owner(
      sql`select publish_status from offers where organisation_id = ${partnerB.id} and id = ${offer.id}`,
    );
    expect(offerRow?.publish_status).toBe('draft');
    // Widened to the organisation (as a use case does once it has the right), the write goes.
    expect(
      await within({ ...staffOfA, organisationIds: [partnerB.id] }, (repos) =>
        repos.submissions.transitionSubmission(
          partnerB.id,
          submission.id,
          ['validating'],
          { state: 'cancelled' },
          at(1),
        ),
      ),
    ).toMatchObject({ state: 'cancelled' });
  });
});

describe('program profiles', () => {
  it('inserts only when none exists (0) and replaces only the expected version', async () => {
    const organisation = await createRepositories(database.db).organisations.createOrganisation({
      kind: 'partner',
      name: 'Gamma Partner',
    });
    const scope = tenant(organisation);
    await within(scope, async (repos) => {
      expect(await repos.profiles.findProfile(organisation.id)).toBeNull();
      // A version other than 0 does not create a profile.
      expect(await repos.profiles.saveProfile(profileOf(organisation), [1], T0)).toBeNull();
      expect(await repos.profiles.findProfile(organisation.id)).toBeNull();
      const created = await repos.profiles.saveProfile(
        profileOf(organisation, {
          azureConsumedRevenueUsd: 1234.56,
          marketplaceBilledRevenueUsd: 99_999_999_999.99,
          solutionsPartnerDesignations: ['Infrastructure (Azure)'],
          isvConnect: 'premium',
          provenance: {
            isvConnect: {
              setBy: null,
              setAt: T0.toISOString(),
              source: 'import',
              verifiedBy: null,
              verifiedAt: null,
            },
          },
        }),
        [0],
        T0,
      );
      expect(created).toMatchObject({
        version: 1,
        updatedAt: T0,
        azureConsumedRevenueUsd: 1234.56,
        marketplaceBilledRevenueUsd: 99_999_999_999.99,
        solutionsPartnerDesignations: ['Infrastructure (Azure)'],
        isvConnect: 'premium',
      });
      expect(await repos.profiles.findProfile(organisation.id)).toEqual(created);
      expect(await repos.profiles.saveProfile(profileOf(organisation), [0], at(1))).toBeNull();
      expect(await repos.profiles.saveProfile(profileOf(organisation), [2], at(1))).toBeNull();
      const second = await repos.profiles.saveProfile(
        profileOf(organisation, { goldCompetency: true }),
        [0, 1],
        at(1),
      );
      expect(second).toMatchObject({ version: 2, goldCompetency: true, updatedAt: at(1) });
      expect(await repos.profiles.saveProfile(profileOf(organisation), [1], at(2))).toBeNull();
      expect(await repos.profiles.saveProfile(profileOf(organisation), [], at(2))).toBeNull();
      const third = await repos.profiles.saveProfile(profileOf(organisation), 'any', at(2));
      expect(third).toMatchObject({ version: 3, goldCompetency: false });
    });
    // 'any' creates a missing profile too.
    const delta = await createRepositories(database.db).organisations.createOrganisation({
      kind: 'partner',
      name: 'Delta Partner',
    });
    expect(
      await within(tenant(delta), (repos) =>
        repos.profiles.saveProfile(profileOf(delta), 'any', T0),
      ),
    ).toMatchObject({ version: 1 });
  });

  it('gives a PartnerID to one organisation only (CONFLICT)', async () => {
    await within(tenant(partnerA), (repos) =>
      repos.profiles.saveProfile(profileOf(partnerA, { partnerId: '1234567' }), 'any', T0),
    );
    await expect(
      within(tenant(partnerB), (repos) =>
        repos.profiles.saveProfile(profileOf(partnerB, { partnerId: '1234567' }), 'any', T0),
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(
      await within(tenant(partnerB), (repos) => repos.profiles.findProfile(partnerB.id)),
    ).toBeNull();
    expect(
      await within(staff, (repos) => repos.profiles.findProfileByPartnerId('1234567')),
    ).toMatchObject({
      organisationId: partnerA.id,
      partnerId: '1234567',
    });
    expect(
      await within(tenant(partnerB), (repos) => repos.profiles.findProfileByPartnerId('1234567')),
    ).toBeNull();
  });

  it('lists partner organisations with their profiles, searchable by name or PartnerID', async () => {
    const all = await within(staff, (repos) =>
      repos.profiles.listProfiles({ limit: 100, offset: 0 }),
    );
    const names = all.items.map((item) => item.organisationName);
    expect(names).toContain('Alpha Partner');
    expect(names).toContain('Beta Partner');
    expect(names).not.toContain('Vendor');
    expect(all.total).toBe(all.items.length);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y)));
    const alpha = all.items.find((item) => item.organisationId === partnerA.id);
    expect(alpha?.profile).toMatchObject({ partnerId: '1234567' });
    const byId = await within(staff, (repos) =>
      repos.profiles.listProfiles({ search: '34567', limit: 10, offset: 0 }),
    );
    expect(byId.items.map((item) => item.organisationId)).toEqual([partnerA.id]);
    const byName = await within(staff, (repos) =>
      repos.profiles.listProfiles({ search: 'BETA', limit: 10, offset: 0 }),
    );
    expect(byName).toEqual({
      items: [{ organisationId: partnerB.id, organisationName: 'Beta Partner', profile: null }],
      total: 1,
    });
    const page = await within(staff, (repos) =>
      repos.profiles.listProfiles({ limit: 1, offset: 1 }),
    );
    expect(page.items.map((item) => item.organisationId)).toEqual([all.items[1]!.organisationId]);
    expect(page.total).toBe(all.total);
  });
});

describe('computed statuses', () => {
  it('saves statuses in bulk, keeps their history and finds the badges due', async () => {
    const first = await newOffer(partnerA);
    const second = await newOffer(partnerA);
    const status = (offerId: string, patch: Record<string, unknown> = {}) => ({
      organisationId: partnerA.id,
      offerId,
      status: 'cosell-ready' as const,
      policyId: '2021-09' as const,
      qualifiedSince: null as Date | null,
      badgeGrantedAt: null as Date | null,
      evaluatedAt: T0,
      ...patch,
    });
    await within(tenant(partnerA), async (repos) => {
      await repos.statuses.saveOfferStatuses([]);
      await repos.statuses.saveOfferStatuses([
        status(first.id),
        status(second.id, { status: 'azure-ip-cosell-incentivized', qualifiedSince: at(-90) }),
        // The last record of an offer wins.
        status(first.id, { status: 'not-cosell-ready', evaluatedAt: at(1) }),
      ]);
      expect(await repos.statuses.findOfferStatus(partnerA.id, first.id)).toEqual(
        status(first.id, { status: 'not-cosell-ready', evaluatedAt: at(1) }),
      );
      await repos.statuses.saveOfferStatus(status(first.id, { evaluatedAt: at(2) }));
      expect(await repos.statuses.findOfferStatus(partnerA.id, first.id)).toEqual(
        status(first.id, { evaluatedAt: at(2) }),
      );
      const listed = await repos.statuses.listOfferStatuses(partnerA.id, [first.id, second.id]);
      expect(listed.map((s) => s.offerId).sort()).toEqual([first.id, second.id].sort());
      expect(await repos.statuses.listOfferStatuses(partnerA.id, [])).toEqual([]);
      expect(await repos.statuses.listOfferStatuses(partnerB.id, [first.id])).toEqual([]);
      expect(await repos.statuses.findOfferStatus(partnerB.id, first.id)).toBeNull();

      await repos.statuses.appendStatusHistory([
        { ...status(first.id), previousStatus: null, cause: 'publish', at: at(1) },
        {
          ...status(first.id, { status: 'not-cosell-ready' }),
          previousStatus: 'cosell-ready',
          cause: 'policy',
          at: at(2),
        },
      ]);
      const history = await repos.statuses.listStatusHistory(partnerA.id, first.id, 10);
      expect(history.map((h) => [h.status, h.previousStatus, h.cause, h.at])).toEqual([
        ['not-cosell-ready', 'cosell-ready', 'policy', at(2)],
        ['cosell-ready', null, 'publish', at(1)],
      ]);
      expect(await repos.statuses.listStatusHistory(partnerA.id, first.id, 1)).toHaveLength(1);
      // Changes recorded at the same instant: the last one recorded comes first.
      for (const cause of ['publish', 'profile', 'policy', 'badge']) {
        await repos.statuses.appendStatusHistory([
          { ...status(first.id), previousStatus: null, cause, at: at(9) },
        ]);
      }
      const ties = await repos.statuses.listStatusHistory(partnerA.id, first.id, 4);
      expect(ties.map((h) => h.cause)).toEqual(['badge', 'policy', 'profile', 'publish']);
      expect(await repos.statuses.listStatusHistory(partnerB.id, first.id, 10)).toEqual([]);
    });
    const due = await within(staff, (repos) => repos.statuses.listBadgesDue(at(-60), 100));
    expect(due).toContainEqual({ organisationId: partnerA.id, offerId: second.id });
    expect(due).not.toContainEqual({ organisationId: partnerA.id, offerId: first.id });
    expect(
      await within(staff, (repos) => repos.statuses.listBadgesDue(at(-120), 100)),
    ).not.toContainEqual({
      organisationId: partnerA.id,
      offerId: second.id,
    });
    await within(tenant(partnerA), (repos) =>
      repos.statuses.saveOfferStatus(
        status(second.id, {
          status: 'azure-ip-cosell-incentivized',
          qualifiedSince: at(-90),
          badgeGrantedAt: T0,
        }),
      ),
    );
    expect(
      await within(staff, (repos) => repos.statuses.listBadgesDue(at(-60), 100)),
    ).not.toContainEqual({
      organisationId: partnerA.id,
      offerId: second.id,
    });
  });

  it('pages the status inputs of every evaluated offer exactly once, in keyset order', async () => {
    // Offers of both partners: live ones (with a published, reviewed submission), ones with a
    // status row only, and drafts that were never evaluated (left out).
    const expected = new Set<string>();
    const left = new Set<string>();
    let reviewedOffer = '';
    for (const organisation of [partnerA, partnerB]) {
      for (let i = 0; i < 9; i++) {
        const offer = await newOffer(organisation);
        const kind = i % 3;
        await within(tenant(organisation), async (repos) => {
          if (kind === 0) {
            const version = await repos.versions.insertOfferVersion({
              organisationId: organisation.id,
              offerId: offer.id,
              snapshot: snapshot(`live ${offer.name}`),
              createdBy: null,
              at: T0,
            });
            const submission = await repos.submissions.createSubmission({
              organisationId: organisation.id,
              offerId: offer.id,
              versionId: version.id,
              sections: ['cosell'],
              offerWasLive: false,
              submittedBy: userB.id,
              at: T0,
            });
            await repos.submissions.transitionSubmission(
              organisation.id,
              submission.id,
              ['validating'],
              {
                state: 'published',
                review: {
                  reviewerId: userA2.id,
                  decision: 'approve',
                  report: `ok ${offer.id}`,
                  technicalValidation: 'passed',
                  revenueVerified: false,
                  decidedAt: at(1),
                },
              },
              at(1),
            );
            await repos.versions.setOfferPublication(
              organisation.id,
              offer.id,
              { publishStatus: 'live', lifecycleState: 'live', liveVersionId: version.id },
              at(1),
            );
            reviewedOffer = offer.id;
          } else if (kind === 1) {
            await repos.statuses.saveOfferStatus({
              organisationId: organisation.id,
              offerId: offer.id,
              status: 'not-cosell-ready',
              policyId: '2023',
              qualifiedSince: null,
              badgeGrantedAt: null,
              evaluatedAt: T0,
            });
          }
        });
        (kind === 2 ? left : expected).add(`${organisation.id}/${offer.id}`);
      }
    }
    const seen: string[] = [];
    let after: { organisationId: string; offerId: string } | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page = await within(staff, (repos) => repos.statuses.listStatusInputs(after, 4));
      if (page.length === 0) break;
      seen.push(...page.map((row) => `${row.organisationId}/${row.offerId}`));
      const last = page.at(-1)!;
      after = { organisationId: last.organisationId, offerId: last.offerId };
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    for (const key of expected) expect(seen).toContain(key);
    for (const key of left) expect(seen).not.toContain(key);

    const input = await within(staff, (repos) =>
      repos.statuses.findStatusInput(partnerB.id, reviewedOffer),
    );
    expect(input).toMatchObject({
      organisationId: partnerB.id,
      offerId: reviewedOffer,
      lifecycleState: 'live',
      live: { fields: { name: expect.stringMatching(/^live /) } },
      review: { decision: 'approve', report: `ok ${reviewedOffer}`, decidedAt: at(1) },
      current: null,
    });
    expect(input?.createdAt).toEqual(T0);
    const everything = await within(staff, (repos) => repos.statuses.listStatusInputs(null, 1000));
    const rowsOfA = everything.filter((row) => row.organisationId === partnerA.id);
    const rowsOfB = everything.filter((row) => row.organisationId === partnerB.id);
    // A status row without a live version.
    expect(rowsOfA.some((row) => row.current?.policyId === '2023' && row.live === null)).toBe(true);
    // Partner A has a profile (PartnerID 1234567), partner B none.
    expect(rowsOfA.every((row) => row.profile?.partnerId === '1234567')).toBe(true);
    expect(rowsOfB.length).toBeGreaterThan(0);
    expect(rowsOfB.every((row) => row.profile === null)).toBe(true);
    // A tenant's own scope pages its own offers only.
    const own = await within(tenant(partnerA), (repos) =>
      repos.statuses.listStatusInputs(null, 1000),
    );
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((row) => row.organisationId === partnerA.id)).toBe(true);
    // One offer, evaluated or not; null for an unknown one.
    const draft = [...left][0]!.split('/') as [string, string];
    expect(
      await within(staff, (repos) => repos.statuses.findStatusInput(draft[0], draft[1])),
    ).toMatchObject({ live: null, review: null, current: null });
    expect(
      await within(staff, (repos) =>
        repos.statuses.findStatusInput(
          draft[0] === partnerA.id ? partnerB.id : partnerA.id,
          draft[1],
        ),
      ),
    ).toBeNull();
  });
});

describe('storefront', () => {
  it('searches public listings case-insensitively, filters and pages them', async () => {
    const listings: StorefrontListing[] = [];
    for (const [name, summary, type, markets, badges] of [
      [
        'Zebra Analytics',
        'Insights for 100% of data',
        'saas',
        ['US', 'DE'],
        ['preferred-solution'],
      ],
      ['alpha backup', 'Backups', 'azure-application', ['DE'], []],
      ['Mango CRM', 'Sales', 'saas', ['FR'], ['azure-benefit-eligible', 'preferred-solution']],
    ] as const) {
      const offer = await newOffer(partnerA, name);
      listings.push({
        offerId: offer.id,
        organisationId: partnerA.id,
        publisherName: 'Alpha Partner Ltd',
        name,
        offerType: type,
        summary,
        description: `${name}: what it does, in depth.`,
        markets: [...markets],
        badges: [...badges],
        cosellStatus: 'cosell-ready' as const,
        publishedAt: T0,
      });
    }
    await within(tenant(partnerA), async (repos) => {
      for (const listing of listings) await repos.storefront.upsertStorefrontListing(listing);
      await repos.storefront.upsertStorefrontListing({
        ...listings[2]!,
        summary: 'Sales and service',
      });
    });
    // The storefront is public: an empty scope reads it.
    await within({}, async (repos) => {
      const search = (query: Record<string, string | string[]>) =>
        repos.storefront
          .searchStorefront({ limit: 10, offset: 0, ...query })
          .then((page) => ({ names: page.items.map((l) => l.name), total: page.total }));
      expect(await search({})).toEqual({
        names: ['alpha backup', 'Mango CRM', 'Zebra Analytics'],
        total: 3,
      });
      expect((await search({ search: 'ZEBRA' })).names).toEqual(['Zebra Analytics']);
      expect((await search({ search: 'and serv' })).names).toEqual(['Mango CRM']);
      expect((await search({ search: 'partner ltd' })).total).toBe(3);
      expect((await search({ search: '100%' })).names).toEqual(['Zebra Analytics']);
      expect((await search({ search: '%' })).names).toEqual(['Zebra Analytics']);
      expect((await search({ offerType: 'saas' })).names).toEqual(['Mango CRM', 'Zebra Analytics']);
      expect((await search({ market: 'DE' })).names).toEqual(['alpha backup', 'Zebra Analytics']);
      expect((await search({ badges: ['azure-benefit-eligible'] })).names).toEqual(['Mango CRM']);
      expect((await search({ badges: ['preferred-solution'] })).names).toEqual([
        'Mango CRM',
        'Zebra Analytics',
      ]);
      // Several badges: offers holding all of them.
      expect(
        (await search({ badges: ['preferred-solution', 'azure-benefit-eligible'] })).names,
      ).toEqual(['Mango CRM']);
      expect((await search({ market: 'DE', offerType: 'saas' })).names).toEqual([
        'Zebra Analytics',
      ]);
      const page = await repos.storefront.searchStorefront({ limit: 1, offset: 1 });
      expect(page.items.map((l) => l.name)).toEqual(['Mango CRM']);
      expect(page.total).toBe(3);
      expect(await repos.storefront.findStorefrontListing(listings[2]!.offerId)).toEqual({
        ...listings[2],
        summary: 'Sales and service',
      });
      await repos.storefront.deleteStorefrontListing(listings[0]!.offerId);
      expect(await repos.storefront.findStorefrontListing(listings[0]!.offerId)).toBeNull();
      expect((await search({})).total).toBe(2);
    });
  });
});

describe('notifications', () => {
  it('lists, counts and marks read a user’s own notifications only', async () => {
    const offer = await newOffer(partnerA);
    await within(tenant(partnerA), async (repos) => {
      const created = await repos.notifications.createNotifications([
        {
          organisationId: partnerA.id,
          userId: userA.id,
          kind: 'review.passed',
          offerId: offer.id,
          params: { offer: offer.name, n: 2 },
          createdAt: at(1),
        },
        {
          organisationId: partnerA.id,
          userId: userA.id,
          kind: 'status.changed',
          offerId: null,
          params: {},
          createdAt: at(1),
        },
        {
          organisationId: partnerA.id,
          userId: userA2.id,
          kind: 'review.failed',
          offerId: offer.id,
          params: {},
          createdAt: at(3),
        },
      ]);
      expect(created).toHaveLength(3);
      expect(created[0]).toMatchObject({ readAt: null, params: { offer: offer.name, n: 2 } });
      expect(await repos.notifications.createNotifications([])).toEqual([]);

      const list = await repos.notifications.listNotifications(userA.id, {
        unreadOnly: false,
        limit: 10,
        offset: 0,
      });
      // Created at the same instant: the later one comes first.
      expect(list.items.map((n) => n.kind)).toEqual(['status.changed', 'review.passed']);
      expect(list).toMatchObject({ total: 2, unread: 2 });
      expect(await repos.notifications.findNotification(userA.id, created[2]!.id)).toBeNull();
      expect(await repos.notifications.findNotification(userA.id, created[0]!.id)).toEqual(
        created[0],
      );

      expect(
        await repos.notifications.markNotificationsRead(
          userA.id,
          [created[0]!.id, created[2]!.id],
          at(4),
        ),
      ).toBe(1);
      expect(
        await repos.notifications.markNotificationsRead(userA.id, [created[0]!.id], at(5)),
      ).toBe(0);
      expect(await repos.notifications.markNotificationsRead(userA.id, [], at(5))).toBe(0);
      const unread = await repos.notifications.listNotifications(userA.id, {
        unreadOnly: true,
        limit: 10,
        offset: 0,
      });
      expect(unread).toMatchObject({ total: 1, unread: 1 });
      expect(unread.items.map((n) => n.kind)).toEqual(['status.changed']);
      expect(
        (await repos.notifications.findNotification(userA.id, created[0]!.id))?.readAt,
      ).toEqual(at(4));
      expect(await repos.notifications.markNotificationsRead(userA.id, 'all', at(6))).toBe(1);
      expect(
        await repos.notifications.listNotifications(userA.id, {
          unreadOnly: false,
          limit: 1,
          offset: 0,
        }),
      ).toMatchObject({ total: 2, unread: 0 });
      // Another user's notifications stay unread.
      expect(
        (
          await repos.notifications.listNotifications(userA2.id, {
            unreadOnly: true,
            limit: 10,
            offset: 0,
          })
        ).unread,
      ).toBe(1);
    });
    await within(tenant(partnerB), async (repos) => {
      await repos.notifications.createNotifications([
        {
          organisationId: partnerB.id,
          userId: userA.id,
          kind: 'badge.granted',
          offerId: null,
          params: {},
          createdAt: at(7),
        },
      ]);
    });
    // Only the organisations of the scope: A's scope does not see what A's user got in B.
    const inA = await within(tenant(partnerA), (repos) =>
      repos.notifications.listNotifications(userA.id, { unreadOnly: false, limit: 10, offset: 0 }),
    );
    expect(inA.items.every((n) => n.organisationId === partnerA.id)).toBe(true);
    const inBoth = await within({ organisationIds: [partnerA.id, partnerB.id] }, (repos) =>
      repos.notifications.listNotifications(userA.id, { unreadOnly: false, limit: 10, offset: 0 }),
    );
    expect(inBoth).toMatchObject({ total: 3, unread: 1 });
  });

  it('lists the recipients of an organisation with their muted kinds', async () => {
    await within({}, async (repos) => {
      const muted = await repos.users.updateUser(userA2.id, {
        mutedNotificationKinds: ['status.changed', 'badge.granted'],
        disabledAt: T0,
      });
      expect(muted?.mutedNotificationKinds).toEqual(['status.changed', 'badge.granted']);
      expect((await repos.users.findUser(userA.id))?.mutedNotificationKinds).toEqual([]);
    });
    const recipients = await within(tenant(partnerA), (repos) =>
      repos.notifications.listNotificationRecipients(partnerA.id),
    );
    expect(recipients).toEqual([
      {
        userId: userA.id,
        email: 'ada@a.test',
        name: 'ada',
        locale: 'en',
        roles: ['owner'],
        mutedKinds: [],
        disabled: false,
      },
      {
        userId: userA2.id,
        email: 'bob@a.test',
        name: 'bob',
        locale: 'en',
        roles: ['viewer'],
        mutedKinds: ['status.changed', 'badge.granted'],
        disabled: true,
      },
    ]);
    expect(
      await within(tenant(partnerB), (repos) =>
        repos.notifications.listNotificationRecipients(partnerA.id),
      ),
    ).toEqual([]);
  });
});

describe('job queue', () => {
  const clearJobs = () => owner(sql`delete from jobs`);
  const job = (kind: string, runAt: Date, dedupeKey?: string) => ({
    kind,
    payload: { kind },
    organisationId: partnerA.id,
    runAt,
    dedupeKey,
  });

  it('enqueues a deduplicated job once and claims only due jobs, oldest first', async () => {
    await clearJobs();
    await within({}, async (repos) => {
      await repos.jobs.enqueueJob(job('later', at(10)));
      await repos.jobs.enqueueJob(job('second', at(-1), 'key-1'));
      await repos.jobs.enqueueJob(job('duplicate', at(-5), 'key-1'));
      await repos.jobs.enqueueJob({
        ...job('first', at(-2)),
        maxAttempts: 2,
        organisationId: null,
      });
      expect(await repos.jobs.countPendingJobs()).toBe(3);
      expect(await repos.jobs.countPendingJobs(['first', 'later'])).toBe(2);
      expect(await repos.jobs.countPendingJobs([])).toBe(0);

      const first = await repos.jobs.claimJob('w1', T0, at(1));
      expect(first).toMatchObject({
        kind: 'first',
        attempts: 1,
        maxAttempts: 2,
        lockedBy: 'w1',
        lockedUntil: at(1),
        organisationId: null,
        doneAt: null,
      });
      const second = await repos.jobs.claimJob('w1', T0, at(1));
      expect(second).toMatchObject({ kind: 'second', payload: { kind: 'second' }, maxAttempts: 5 });
      // The third is not due yet.
      expect(await repos.jobs.claimJob('w1', T0, at(1))).toBeNull();
      expect(await repos.jobs.completeJob(first!.id, 'w1', at(1))).toBe(true);
      expect(await repos.jobs.completeJob(second!.id, 'w1', at(1))).toBe(true);
      expect(await repos.jobs.claimJob('w1', at(10), at(11))).toMatchObject({ kind: 'later' });
      expect(await repos.jobs.findJob(second!.id)).toEqual({
        ...second,
        doneAt: at(1),
        lockedBy: null,
        lockedUntil: null,
      });
    });
  });

  it('gives a job whose lease ran out to another worker, and only the holder completes it', async () => {
    await clearJobs();
    await within({}, async (repos) => {
      await repos.jobs.enqueueJob(job('leased', at(-1)));
      const held = await repos.jobs.claimJob('w1', T0, at(5));
      expect(held).toMatchObject({ lockedBy: 'w1', attempts: 1 });
      // Still leased.
      expect(await repos.jobs.claimJob('w2', at(4), at(9))).toBeNull();
      const taken = await repos.jobs.claimJob('w2', at(6), at(11));
      expect(taken).toMatchObject({ id: held!.id, lockedBy: 'w2', attempts: 2 });
      expect(await repos.jobs.completeJob(held!.id, 'w1', at(7))).toBe(false);
      await repos.jobs.failJob(held!.id, 'w1', 'late', null, at(7));
      expect(await repos.jobs.findJob(held!.id)).toMatchObject({ doneAt: null, lastError: null });
      expect(await repos.jobs.completeJob(held!.id, 'w2', at(7))).toBe(true);
      expect(await repos.jobs.findJob(held!.id)).toMatchObject({
        doneAt: at(7),
        lockedBy: null,
        lockedUntil: null,
      });
      expect(await repos.jobs.completeJob(held!.id, 'w2', at(8))).toBe(false);
      expect(await repos.jobs.countPendingJobs()).toBe(0);
      expect(await repos.jobs.claimJob('w3', at(60), at(61))).toBeNull();
    });
  });

  it('retries a failed job at its retry time, or gives up', async () => {
    await clearJobs();
    await within({}, async (repos) => {
      await repos.jobs.enqueueJob(job('flaky', at(-1)));
      const claimed = await repos.jobs.claimJob('w1', T0, at(5));
      await repos.jobs.failJob(claimed!.id, 'w1', 'boom', at(3), at(1));
      expect(await repos.jobs.findJob(claimed!.id)).toMatchObject({
        runAt: at(3),
        lockedBy: null,
        lockedUntil: null,
        lastError: 'boom',
        doneAt: null,
        attempts: 1,
      });
      expect(await repos.jobs.claimJob('w1', at(2), at(7))).toBeNull();
      const again = await repos.jobs.claimJob('w2', at(3), at(8));
      expect(again).toMatchObject({ id: claimed!.id, attempts: 2, lockedBy: 'w2' });
      await repos.jobs.failJob(claimed!.id, 'w2', 'boom again', null, at(4));
      expect(await repos.jobs.findJob(claimed!.id)).toMatchObject({
        doneAt: at(4),
        lastError: 'boom again',
        lockedBy: null,
      });
      expect(await repos.jobs.claimJob('w3', at(60), at(61))).toBeNull();
      expect(await repos.jobs.countPendingJobs()).toBe(0);
      expect(await repos.jobs.findJob('00000000-0000-4000-8000-000000000000')).toBeNull();
    });
  });

  it.runIf(testDatabaseKind() === 'postgres')(
    'gives each job to exactly one of two concurrent claimers (SKIP LOCKED)',
    async () => {
      await clearJobs();
      await within({}, async (repos) => {
        await repos.jobs.enqueueJob(job('one', at(-2)));
        await repos.jobs.enqueueJob(job('two', at(-1)));
      });
      // Claimer 1 holds its transaction open while claimer 2 claims.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let claimedFirst!: (id: string | undefined) => void;
      const firstClaim = new Promise<string | undefined>((resolve) => (claimedFirst = resolve));
      const claimer1 = within({}, async (repos) => {
        const claimed = await repos.jobs.claimJob('w1', T0, at(5));
        claimedFirst(claimed?.id);
        await held;
        return claimed;
      });
      const firstId = await firstClaim;
      const claimer2 = await within({}, (repos) => repos.jobs.claimJob('w2', T0, at(5)));
      // While both transactions run, a third claimer finds nothing free.
      let release3!: () => void;
      const held3 = new Promise<void>((resolve) => (release3 = resolve));
      const claimer3 = within({}, async (repos) => {
        const claimed = await repos.jobs.claimJob('w3', T0, at(5));
        await held3;
        return claimed;
      });
      release();
      release3();
      const [one, three] = await Promise.all([claimer1, claimer3]);
      expect(one?.kind).toBe('one');
      expect(firstId).toBe(one?.id);
      expect(claimer2?.kind).toBe('two');
      expect(three).toBeNull();

      // Many claimers at once over many jobs: every job exactly once.
      await clearJobs();
      await within({}, async (repos) => {
        for (let i = 0; i < 20; i++) await repos.jobs.enqueueJob(job(`job-${i}`, at(-i)));
      });
      const claims = await Promise.all(
        Array.from({ length: 5 }, (_, worker) =>
          (async () => {
            const got: string[] = [];
            for (;;) {
              const claimed = await within({}, (repos) =>
                repos.jobs.claimJob(`w${worker}`, T0, at(5)),
              );
              if (!claimed) return got;
              got.push(claimed.id);
            }
          })(),
        ),
      );
      const all = claims.flat();
      expect(all).toHaveLength(20);
      expect(new Set(all).size).toBe(20);
    },
  );
});
