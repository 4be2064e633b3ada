/**
 * The database walls between tenants (QUALITY R2, S1): schema rules every table must follow,
 * and a "forgot the WHERE" probe showing that an unfiltered query in one tenant's transaction
 * returns nothing of another tenant's.
 */
import {
  createRepositories,
  GLOBAL_TABLES,
  SHARED_READ_TABLES,
  withTenantScope,
  type Transaction,
} from '@cosell/db';
import { randomUUID } from 'node:crypto';
import { newOutboundReferral } from '@cosell/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, seedWorld, type TestContext, type World } from '../helpers/context';
import { samplePdf } from '../helpers/files';
import { referralCreateBody } from '../helpers/referrals';

type Row = Record<string, unknown>;

describe('tenant isolation in the database', () => {
  let ctx: TestContext;
  let world: World;
  /** Runs SQL as the connecting (owner) role, outside any tenant scope. */
  const owner = async (query: ReturnType<typeof sql>) => {
    const handle = await ctx.deps.database.ready;
    const result = await handle.db.execute(query);
    return (result as unknown as { rows: Row[] }).rows;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    // Give every tenant table rows of both partners.
    for (const [org, person] of [
      [world.partnerA.organisation.id, world.partnerA.owner],
      [world.partnerB.organisation.id, world.partnerB.owner],
    ] as const) {
      const r = await as(ctx.app, person).post(`/api/organisations/${org}/invitations`, {
        email: `probe-${org}@x.test`,
        roles: ['viewer'],
      });
      expect(r.statusCode).toBe(201);
      // An offer with a document, a contact and a confirmed contact import (staged and
      // previous rows), so the offer tables hold rows of both tenants too.
      const offers = `/api/organisations/${org}/offers`;
      const offer = await as(ctx.app, person).post(offers, {
        name: `Probe ${org}`,
        alias: 'probe',
        offerType: 'saas',
      });
      expect(offer.statusCode).toBe(201);
      const base = `${offers}/${(offer.json() as { id: string }).id}`;
      const doc = await as(ctx.app, person).post(
        `${base}/documents?kind=one-pager&fileName=probe.pdf`,
        samplePdf(),
      );
      expect(doc.statusCode).toBe(201);
      const contact = await as(ctx.app, person).post(`${base}/contacts`, {
        name: 'Probe',
        email: 'probe@x.test',
        jobTitle: 'Seller',
        role: 'partner-sales',
        countries: ['US'],
        states: [],
      });
      expect(contact.statusCode).toBe(201);
      const staged = await as(ctx.app, person).post(
        `${base}/contact-imports`,
        Buffer.from(
          'Name,Email,Job title,Role,Countries/Regions\nAda,ada@x.test,CTO,Partner sales,US\n',
        ),
        { 'content-type': 'text/csv' },
      );
      expect(staged.statusCode).toBe(201);
      const importId = (staged.json() as { import: { id: string } }).import.id;
      const applied = await as(ctx.app, person).post(`${base}/contact-imports/${importId}/apply`);
      expect(applied.statusCode).toBe(200);
      await seedPublication(org, (offer.json() as { id: string }).id, person.user.id);
    }
  });

  /**
   * Publication rows through the repositories in the tenant's own scope: a version and its
   * submission, a program profile, a computed status with its history, a notification.
   */
  async function seedPublication(organisationId: string, offerId: string, userId: string) {
    const scope = { organisationIds: [organisationId] };
    const at = ctx.clock.now();
    await withTenantScope(await handle(), scope, async (tx) => {
      const repos = createRepositories(tx, scope);
      const version = await repos.versions.insertOfferVersion({
        organisationId,
        offerId,
        snapshot: {
          fields: {
            name: 'Probe',
            alias: 'probe',
            offerType: 'saas',
            summary: '',
            description: '',
            markets: [],
            transactable: false,
            pricedAboveZero: false,
            cspOptIn: false,
          },
          cosell: {
            listing: { platforms: [], segments: [], solutionType: null, solutionAreas: [] },
            landingPageUrl: null,
          },
          documents: [],
          contacts: [],
        },
        createdBy: userId,
        at,
      });
      await repos.submissions.createSubmission({
        organisationId,
        offerId,
        versionId: version.id,
        sections: ['cosell'],
        offerWasLive: false,
        submittedBy: userId,
        at,
      });
      const profile = await repos.profiles.saveProfile(
        {
          organisationId,
          partnerId: null,
          marketplaceAccountActive: true,
          businessProfileComplete: true,
          azureConsumedRevenueUsd: 0,
          marketplaceBilledRevenueUsd: 0,
          goldCompetency: false,
          solutionsPartnerDesignations: [],
          isvConnect: 'none',
          provenance: {},
        },
        [0],
        at,
      );
      expect(profile).not.toBeNull();
      const status = {
        organisationId,
        offerId,
        status: 'cosell-ready',
        policyId: '2021-09',
        qualifiedSince: null,
        badgeGrantedAt: null,
        evaluatedAt: at,
      } as const;
      await repos.statuses.saveOfferStatus(status);
      await repos.statuses.appendStatusHistory([
        { ...status, previousStatus: null, cause: 'publish', at },
      ]);
      await repos.notifications.createNotifications([
        { organisationId, userId, kind: 'review.passed', offerId, params: {}, createdAt: at },
      ]);
      // A referral with its timeline entry, a favourite and the import that created it (its
      // shared row follows by trigger).
      const engagementId = randomUUID();
      const referral = newOutboundReferral(referralCreateBody(), {
        id: randomUUID(),
        engagementId,
        organization: { id: organisationId, name: 'Probe' },
        now: at,
      });
      await repos.referrals.createEngagement(engagementId, organisationId, at);
      await repos.referrals.insert([referral]);
      await repos.referrals.appendTimeline({
        referralId: referral.id,
        organisationId,
        at,
        actorKind: 'user',
        actorUserId: userId,
        actorName: 'Probe',
        channel: 'web',
        action: 'create',
        summary: {},
      });
      await repos.referrals.setFavorite(organisationId, userId, referral.id, true);
      // An applied CSV import that created it (its undo point).
      await repos.referrals.createImport({
        organisationId,
        createdBy: userId,
        createdAt: at,
        entries: [
          { row: 2, referralId: referral.id, action: 'create', before: null, eTag: '"v1"' },
        ],
      });
    });
  }
  afterAll(() => ctx.close());

  const tables = async () =>
    (await owner(sql`select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by 1`)) as {
      name: string;
      rls: boolean;
      forced: boolean;
    }[];

  it('classifies every table as global or tenant-owned', async () => {
    const all = await tables();
    expect(all.length).toBeGreaterThan(4);
    for (const name of Object.keys(GLOBAL_TABLES)) expect(all.map((t) => t.name)).toContain(name);
  });

  it('gives every tenant table RLS enabled and forced, a policy, and the organisation id leading its key', async () => {
    const tenantTables = (await tables()).filter((t) => !(t.name in GLOBAL_TABLES));
    expect(tenantTables.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const table of tenantTables) {
      if (!table.rls) problems.push(`${table.name}: row-level security not enabled`);
      if (!table.forced) problems.push(`${table.name}: row-level security not forced`);
      const policies = await owner(
        sql`select policyname from pg_policies where schemaname = 'public' and tablename = ${table.name}`,
      );
      if (!policies.some((p) => p.policyname === 'tenant_isolation'))
        problems.push(`${table.name}: no tenant_isolation policy`);
      const pk = await owner(sql`select a.attname as column from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
        where i.indrelid = ${table.name}::regclass and i.indisprimary`);
      if (pk[0]?.column !== 'organisation_id')
        problems.push(`${table.name}: primary key does not start with organisation_id`);
    }
    expect(problems).toEqual([]);
  });

  it('lets program staff only read across tenants, never write', async () => {
    const policies = (await owner(sql`select tablename, cmd from pg_policies
      where schemaname = 'public' and policyname = 'program_staff' order by 1`)) as {
      tablename: string;
      cmd: string;
    }[];
    expect(policies.map((p) => p.tablename)).toEqual([
      'offer_contacts',
      'offer_documents',
      'offer_statuses',
      'offer_versions',
      'offers',
      'program_profiles',
      'submissions',
    ]);
    expect(policies.every((p) => p.cmd === 'SELECT')).toBe(true);
  });

  it('puts the organisation id first in every foreign key between tenant tables', async () => {
    const fks =
      (await owner(sql`select conrelid::regclass::text as from_table, confrelid::regclass::text as to_table,
        (select attname from pg_attribute where attrelid = conrelid and attnum = conkey[1]) as first_column
      from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`)) as {
        from_table: string;
        to_table: string;
        first_column: string;
      }[];
    const tenant = (name: string) => !(name in GLOBAL_TABLES);
    const bad = fks.filter(
      (fk) => tenant(fk.from_table) && tenant(fk.to_table) && fk.first_column !== 'organisation_id',
    );
    expect(bad).toEqual([]);
  });

  it('runs the application as a role that owns nothing and cannot bypass RLS', async () => {
    const [role] = await owner(
      sql`select rolsuper, rolbypassrls from pg_roles where rolname = 'cosell_app'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await owner(sql`select tablename from pg_tables where tableowner = 'cosell_app'`);
    expect(owned).toEqual([]);
    const [who] = await withScope(
      world.partnerA.organisation.id,
      async (tx) =>
        ((await tx.execute(sql`select current_user as name`)) as unknown as { rows: Row[] }).rows,
    );
    expect(who).toEqual({ name: 'cosell_app' });
  });

  it('returns no row of another tenant to an unfiltered SELECT on any tenant table', async () => {
    const a = world.partnerA.organisation.id;
    const b = world.partnerB.organisation.id;
    const tenantTables = (await tables())
      .filter((t) => !(t.name in GLOBAL_TABLES))
      .map((t) => t.name);
    for (const table of tenantTables) {
      const ownerRows = await owner(sql`select organisation_id from ${sql.identifier(table)}`);
      const shared = table in SHARED_READ_TABLES;
      if (!shared) {
        // The probe means something only when both tenants have rows.
        expect(
          ownerRows.some((r) => r.organisation_id === a),
          `${table} has rows of A`,
        ).toBe(true);
        expect(
          ownerRows.some((r) => r.organisation_id === b),
          `${table} has rows of B`,
        ).toBe(true);
      }
      const rows = await scoped(table, a);
      const foreign = rows.filter((r) => r.organisation_id !== a);
      if (shared) expect(foreign.every((r) => r.organisation_id !== b)).toBe(true);
      else expect(foreign, `${table} leaks rows of other tenants`).toEqual([]);
      expect(rows.length, `${table} shows A its own rows`).toBeGreaterThan(0);
    }
  });

  it('refuses to write a row into another tenant', async () => {
    const a = world.partnerA.organisation.id;
    const b = world.partnerB.organisation.id;
    await expect(
      withScope(a, (tx) =>
        tx.execute(
          sql`insert into audit_log (organisation_id, action, entity_type, entity_id) values (${b}, 'probe', 'probe', 'probe')`,
        ),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    await expect(
      withScope(a, (tx) =>
        tx.execute(sql`update memberships set roles = '{owner}' where organisation_id = ${b}`),
      ),
    ).resolves.toBeDefined();
    const untouched = await owner(
      sql`select roles from memberships where organisation_id = ${b} and user_id = ${world.partnerB.viewer.user.id}`,
    );
    expect(untouched[0]?.roles).toEqual(['viewer']);
  });

  /** The production path: a unit-of-work transaction as cosell_app with one organisation in scope. */
  async function withScope<T>(organisationId: string, work: (tx: Transaction) => Promise<T>) {
    return withTenantScope(await handle(), { organisationIds: [organisationId] }, work);
  }
  const handle = async () => (await ctx.deps.database.ready).db;

  async function scoped(table: string, organisationId: string): Promise<Row[]> {
    return withScope(organisationId, async (tx) => {
      const result = (await tx.execute(
        sql`select organisation_id from ${sql.identifier(table)}`,
      )) as unknown as { rows: Row[] };
      return result.rows;
    });
  }
});
