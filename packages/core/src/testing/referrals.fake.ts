/**
 * The in-memory referral repository of the fakes: the same answers as packages/db's, with the
 * OData condition, the role rule, the view and the search evaluated in memory.
 */
import type { Condition, FilterField, OrderByField } from '../opportunities/odata/query';
import type {
  ReferralImportRecord,
  ReferralRepository,
  ReferralTimelineEntry,
  ReferralVisibilityRule,
  SharedReferralView,
} from '../opportunities/opportunities.ports';
import type { Referral } from '../opportunities/opportunities.types';
import type { ExpectedVersions } from '../ports';

/** What the fakes keep of referrals. */
export interface FakeReferralState {
  engagements: { id: string; organisationId: string; createdAt: Date }[];
  referrals: (Referral & { warnedAt?: string | null })[];
  referralTimeline: (ReferralTimelineEntry & { seq: number })[];
  referralFavorites: { organisationId: string; userId: string; referralId: string }[];
  referralImports: ReferralImportRecord[];
  /** A member's referral location scope (memberships.referral_countries), by `org:user`. */
  referralScopes: Record<string, string[] | null>;
  memberships: { organisationId: string; userId: string; version: number }[];
  storefront: {
    offerId: string;
    organisationId: string;
    publisherName: string;
    name: string;
    offerType: string;
    cosellStatus: string;
  }[];
}

const copy = <T>(value: T): T => structuredClone(value);
const versionOf = (eTag: string) => Number(/^"v(\d+)"$/.exec(eTag)?.[1] ?? 1);

/** The value of a filter or order field on a referral (dates as epoch milliseconds). */
function fieldValue(referral: Referral, field: FilterField | OrderByField): string | number | null {
  switch (field) {
    case 'createdDateTime':
      return Date.parse(referral.createdDateTime);
    case 'updatedDateTime':
      return Date.parse(referral.updatedDateTime);
    case 'details/closingDateTime':
      return Date.parse(referral.details.closingDateTime);
    case 'customerProfile/name':
      return referral.customerProfile.name;
    case 'externalReferenceId':
      return referral.externalReferenceId ?? null;
    case 'salesStage':
      return referral.salesStage ?? null;
    case 'customerProfile/address/country':
      return referral.customerProfile.address.country;
    default:
      return referral[field];
  }
}

/** Evaluates a checked `$filter` condition as the SQL of `toSql` would. */
export function matchesCondition(referral: Referral, condition: Condition): boolean {
  switch (condition.kind) {
    case 'and':
      return (
        matchesCondition(referral, condition.left) && matchesCondition(referral, condition.right)
      );
    case 'or':
      return (
        matchesCondition(referral, condition.left) || matchesCondition(referral, condition.right)
      );
    case 'not':
      return !matchesCondition(referral, condition.operand);
    case 'compare': {
      const actual = fieldValue(referral, condition.field);
      const expected =
        condition.value instanceof Date ? condition.value.getTime() : condition.value;
      if (expected === null) return condition.op === 'eq' ? actual === null : actual !== null;
      if (condition.op === 'ne') return actual !== expected;
      if (actual === null) return false;
      switch (condition.op) {
        case 'eq':
          return actual === expected;
        case 'gt':
          return actual > (expected as number | string);
        case 'ge':
          return actual >= (expected as number | string);
        case 'lt':
          return actual < (expected as number | string);
        case 'le':
          return actual <= (expected as number | string);
      }
    }
  }
}

/** True when the role rule lets a member see the referral (the list's SQL does the same). */
export function matchesRule(referral: Referral, rule: ReferralVisibilityRule): boolean {
  switch (rule.kind) {
    case 'all':
      return true;
    case 'countries':
      return rule.countries.includes(referral.customerProfile.address.country);
    case 'team':
      return referral.team.some((m) => m.email.toLowerCase() === rule.email.toLowerCase());
  }
}

const compare = (a: string | number | null, b: string | number | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

export function fakeReferralRepository(
  db: FakeReferralState,
  env: { seq(): number },
): ReferralRepository {
  const find = (organisationId: string, id: string) =>
    db.referrals.find((r) => r.organizationId === organisationId && r.id === id);
  const strip = ({ warnedAt: _warnedAt, ...referral }: Referral & { warnedAt?: string | null }) =>
    copy(referral as Referral);
  return {
    async list(organisationId, query, options) {
      const search = options.search?.toLowerCase();
      const rows = db.referrals
        .filter((r) => r.organizationId === organisationId)
        .filter((r) => !query.filter || matchesCondition(r, query.filter))
        .filter((r) => matchesRule(r, options.rule))
        .filter((r) =>
          options.view === 'inbound'
            ? r.direction === 'Incoming'
            : options.view === 'outbound'
              ? r.direction === 'Outgoing'
              : options.view === 'favorites'
                ? db.referralFavorites.some(
                    (f) =>
                      f.organisationId === organisationId &&
                      f.userId === options.userId &&
                      f.referralId === r.id,
                  )
                : true,
        )
        .filter(
          (r) =>
            !search ||
            [r.name, r.customerProfile.name, r.externalReferenceId ?? ''].some((text) =>
              text.toLowerCase().includes(search),
            ),
        )
        .sort((a, b) => {
          for (const o of query.orderBy) {
            const x = fieldValue(a, o.field);
            const y = fieldValue(b, o.field);
            // Empty values last in either direction, as toSqlOrderBy orders them.
            if (x === null || y === null) {
              if (x !== y) return x === null ? 1 : -1;
              continue;
            }
            const c = compare(x, y);
            if (c !== 0) return o.direction === 'desc' ? -c : c;
          }
          return compare(a.id, b.id);
        });
      const page = rows.slice(query.skip, query.skip + query.top).map((r) => {
        const referral = strip(r);
        if (!query.select) return referral;
        const picked: Record<string, unknown> = {};
        for (const field of query.select) {
          const value = (referral as unknown as Record<string, unknown>)[field];
          if (value !== undefined) picked[field] = value;
        }
        return picked as Partial<Referral>;
      });
      return { items: page, total: query.count ? rows.length : null };
    },
    async get(organisationId, referralId) {
      const found = find(organisationId, referralId);
      return found ? strip(found) : null;
    },
    async listEngagement(organisationId, engagementId) {
      const rows = db.referrals.filter((r) => r.engagementId === engagementId);
      if (!rows.some((r) => r.organizationId === organisationId)) return [];
      return rows
        .map((r): SharedReferralView => ({
          id: r.id,
          engagementId: r.engagementId,
          organizationId: r.organizationId,
          organizationName: r.organizationName,
          status: r.status,
          substatus: r.substatus,
          type: r.type,
          createdDateTime: r.createdDateTime,
        }))
        .sort((a, b) => compare(a.createdDateTime, b.createdDateTime) || compare(a.id, b.id));
    },
    async createEngagement(id, organisationId, at) {
      if (!db.engagements.some((e) => e.id === id))
        db.engagements.push({ id, organisationId, createdAt: at });
    },
    async insert(list) {
      for (const referral of list) {
        if (db.referrals.some((r) => r.id === referral.id)) {
          throw new Error(`duplicate referral ${referral.id}`);
        }
        db.referrals.push({ ...copy(referral), warnedAt: null });
      }
    },
    async update(next, expected: ExpectedVersions) {
      const index = db.referrals.findIndex(
        (r) => r.organizationId === next.organizationId && r.id === next.id,
      );
      const current = db.referrals[index];
      if (!current) return false;
      if (expected !== 'any' && !expected.includes(versionOf(current.eTag))) return false;
      db.referrals[index] = { ...copy(next), warnedAt: current.warnedAt ?? null };
      return true;
    },
    async remove(organisationId, referralId, expected: ExpectedVersions) {
      const current = db.referrals.find(
        (r) => r.organizationId === organisationId && r.id === referralId,
      );
      if (!current) return false;
      if (expected !== 'any' && !expected.includes(versionOf(current.eTag))) return false;
      db.referrals = db.referrals.filter((r) => r !== current);
      db.referralTimeline = db.referralTimeline.filter(
        (e) => !(e.organisationId === organisationId && e.referralId === referralId),
      );
      db.referralFavorites = db.referralFavorites.filter(
        (f) => !(f.organisationId === organisationId && f.referralId === referralId),
      );
      return true;
    },
    async createImport(record) {
      const created: ReferralImportRecord = {
        ...copy(record),
        id: globalThis.crypto.randomUUID(),
        undoneAt: null,
      };
      db.referralImports.push(created);
      return copy(created);
    },
    async findImport(organisationId, importId) {
      const found = db.referralImports.find(
        (i) => i.organisationId === organisationId && i.id === importId,
      );
      return found ? copy(found) : null;
    },
    async markImportUndone(organisationId, importId, at) {
      const found = db.referralImports.find(
        (i) => i.organisationId === organisationId && i.id === importId,
      );
      if (!found || found.undoneAt) return false;
      found.undoneAt = at;
      return true;
    },
    async listExpiryDue(now, limit) {
      return db.referrals
        .filter(
          (r) =>
            r.substatus === 'Received' &&
            r.expirationDateTime !== null &&
            Date.parse(r.expirationDateTime) <= now.getTime(),
        )
        .sort((a, b) => compare(a.expirationDateTime, b.expirationDateTime))
        .slice(0, limit)
        .map(strip);
    },
    async listExpiryWarningDue(now, warnBeforeMs, limit) {
      return db.referrals
        .filter((r) => {
          if (r.substatus !== 'Received' || r.expirationDateTime === null || r.warnedAt)
            return false;
          const expiry = Date.parse(r.expirationDateTime);
          return expiry > now.getTime() && expiry <= now.getTime() + warnBeforeMs;
        })
        .sort((a, b) => compare(a.expirationDateTime, b.expirationDateTime))
        .slice(0, limit)
        .map(strip);
    },
    async markWarned(organisationId, referralId, at) {
      const found = find(organisationId, referralId);
      if (found) found.warnedAt = at.toISOString();
    },
    async appendTimeline(entry) {
      db.referralTimeline.push({ ...copy(entry), seq: env.seq() });
    },
    async listTimeline(organisationId, referralId) {
      return db.referralTimeline
        .filter((e) => e.organisationId === organisationId && e.referralId === referralId)
        .sort((a, b) => b.at.getTime() - a.at.getTime() || b.seq - a.seq)
        .map(({ seq: _seq, ...entry }) => copy(entry));
    },
    async setFavorite(organisationId, userId, referralId, on) {
      const index = db.referralFavorites.findIndex(
        (f) =>
          f.organisationId === organisationId && f.userId === userId && f.referralId === referralId,
      );
      if (on && index < 0) db.referralFavorites.push({ organisationId, userId, referralId });
      if (!on && index >= 0) db.referralFavorites.splice(index, 1);
    },
    async listCosellReadySolutions(organisationId) {
      return db.storefront
        .filter(
          (l) =>
            l.cosellStatus !== 'not-cosell-ready' &&
            (organisationId === null || l.organisationId === organisationId),
        )
        .sort((a, b) => compare(a.publisherName, b.publisherName) || compare(a.name, b.name))
        .map((l) => ({
          id: l.offerId,
          name: l.name,
          type: l.offerType,
          organizationId: l.organisationId,
          organizationName: l.publisherName,
        }));
    },
    async findReferralScope(organisationId, userId) {
      if (!db.memberships.some((m) => m.organisationId === organisationId && m.userId === userId))
        return undefined;
      return copy(db.referralScopes[`${organisationId}:${userId}`] ?? null);
    },
    async setReferralScope(organisationId, userId, countries) {
      const membership = db.memberships.find(
        (m) => m.organisationId === organisationId && m.userId === userId,
      );
      if (!membership) return false;
      db.referralScopes[`${organisationId}:${userId}`] = countries ? [...countries] : null;
      membership.version += 1;
      return true;
    },
  };
}

/** A valid create body (a partner's own deal for a US customer), with `overrides` on top. */
export function referralCreateBody(
  overrides: Partial<import('../opportunities/opportunities.schemas').ReferralCreate> = {},
): import('../opportunities/opportunities.schemas').ReferralCreate {
  return {
    name: 'Contoso cloud migration',
    type: 'Independent',
    qualification: 'None',
    customerProfile: {
      name: 'Contoso Ltd',
      address: { country: 'US', city: 'Seattle' },
      team: [],
    },
    consent: { consentToShareReferralWithMicrosoftSellers: true },
    details: {
      notes: 'Wants to move 40 workloads this year.',
      dealValue: 120000,
      currency: 'USD',
      closingDateTime: '2027-03-31T00:00:00.000Z',
      requirements: { solutions: [{ id: 'solution-1', name: 'Migration kit' }] },
    },
    team: [{ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@partner-a.test' }],
    target: [],
    visibility: 'private',
    dealKind: 'outbound',
    ...overrides,
  };
}
