/**
 * QUALITY R1: every registered API route × every kind of actor × {own object, another
 * tenant's object}. The CASES table states what each actor must get; a route missing from the
 * table (or a table entry naming a route that no longer exists) fails the suite. GET routes
 * are also tried with HEAD, which Fastify serves from them without listing it.
 *
 * One world is shared by all cases, so every write is harmless to it: renames to the same
 * name, role changes to the same roles, invitations to new e-mails, the active policy and
 * profile values set again, and DELETEs, publishing steps and review decisions aimed at an
 * object (member, invitation, offer, submission) created for that one request. The last test
 * checks the world survived.
 */
import { requestPasswordReset, signIn, type OrganisationRecord, type Role } from '@cosell/core';
import { addPerson, type SeededPerson } from '@cosell/server';
import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { samplePdf, samplePptx } from '../helpers/files';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestContext,
  json,
  PASSWORD,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';
import { referralCreateBody } from '../helpers/referrals';

const ACTORS = [
  'anonymous',
  'vendorSeller',
  'vendorReviewer',
  'programAdmin',
  'partnerOwner',
  'partnerViewer',
  'resellerMember',
] as const;
type ActorName = (typeof ACTORS)[number];

/** '2xx': the action is allowed; a number: the exact refusal. */
type Outcome = '2xx' | 401 | 403 | 404 | 409;
type Outcomes = Record<ActorName, Outcome>;

/**
 * The problem `code` each refusal must carry, so a 403 from CSRF cannot pass as FORBIDDEN (a
 * case may name another code for one of its refusals with `codes`).
 */
const CODE_OF: Record<Exclude<Outcome, '2xx'>, string> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'SETUP_DONE',
};

const OK = '2xx';
/**
 * One row of the table, in ACTORS order: anonymous, vendor seller, vendor reviewer, program
 * admin, partner owner (A), partner viewer (A), reseller member.
 */
const row = (...outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]) =>
  Object.fromEntries(ACTORS.map((actor, i) => [actor, outcomes[i]!])) as Outcomes;

/** An organisation as a target of requests, with what the harmless writes need. */
interface Target {
  organisation: OrganisationRecord;
  /** A member whose roles a PATCH sets again unchanged. */
  member: { id: string; roles: Role[] };
  /** A role valid for the organisation's kind, for invitations and fresh members. */
  newcomerRole: Role;
  /** A partner's owner, who makes fresh offers, documents and contacts (null elsewhere). */
  owner: SeededPerson | null;
  /** A shared offer with a document and a contact (random ids where there are no offers). */
  offerId: string;
  documentId: string;
  contactId: string;
  /**
   * A submission in review of a complete offer, its frozen version and one of its documents
   * (random ids where there are no offers).
   */
  submission: { offerId: string; id: string; versionId: string; documentId: string };
}

interface Scope {
  actor: ActorName;
  /** The organisation named in the path. */
  organisation: Target;
  /** The organisation sub-objects (members, invitations) are taken from. */
  child: Target;
}

interface Request {
  method: NonNullable<InjectOptions['method']>;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Case {
  access: 'public' | 'user';
  /** The actor acts from a session of its own, made for this request (the route ends or rotates it). */
  freshSession?: boolean;
  request(scope: Scope): Request | Promise<Request>;
  /** What a 2xx answer must hold. */
  verify?(response: LightMyRequestResponse, scope: Scope): void;
  /** The problem code of a refusal where this route's is not the one in CODE_OF. */
  codes?: Partial<Record<Exclude<Outcome, '2xx'>, string>>;
}
/** A route without an object: one row. */
interface PlainCase extends Case {
  expect: Outcomes;
}
/**
 * A route on an organisation: the actor's own; every other tenant's (`other`, checked against
 * each organisation the actor does not belong to); and, for sub-objects, the actor's own
 * organisation in the path with another tenant's member or invitation in it.
 */
interface ObjectCase extends Case {
  own: Outcomes;
  other: Outcomes;
  /**
   * Another tenant's object where that tenant is a partner, when it differs from `other`: the
   * vendor's program staff (program admin, reviewer) reach partners on some routes.
   */
  otherPartner?: Outcomes;
  foreignChild?: Outcomes;
  /**
   * The route checks a vendor permission before it looks at the organisation in the path, so
   * whoever lacks it gets the same 403 on every organisation, which tells nothing about any.
   */
  vendorPermissionFirst?: true;
  /**
   * Vendor staff see the partner's object but only some of them may change it: the others get
   * 403 on another partner (they see it, so not 404).
   */
  staffSeeButMayNotWrite?: true;
}
type RouteCase = PlainCase | ObjectCase;

let ctx: TestContext;
let world: World;
let targets: { vendor: Target; partnerA: Target; partnerB: Target; reseller: Target };
/** The program's taxonomy, for listings complete enough to publish. */
let taxonomy: {
  platforms: { id: string }[];
  segments: { id: string }[];
  solutionAreas: { id: string; subAreas: { id: string }[] }[];
};
/** The active policy when the suite started: the policy cases activate it again. */
let activePolicy: string;
/** A live offer of partner A, on the storefront. */
let liveOfferId: string;
/** Notifications of partner A's manager (no actor of the table), unread. */
let managerNotificationIds: string[];
let unique = 0;
const next = () => ++unique;

const person = (actor: ActorName): SeededPerson | null =>
  ({
    anonymous: null,
    vendorSeller: world.seller,
    vendorReviewer: world.reviewer,
    programAdmin: world.admin,
    partnerOwner: world.partnerA.owner,
    partnerViewer: world.partnerA.viewer,
    resellerMember: world.reseller.member,
  })[actor];

/** The organisation an actor belongs to (anonymous aims at partner A). */
const homeOf = (actor: ActorName): Target =>
  ({
    anonymous: targets.partnerA,
    vendorSeller: targets.vendor,
    vendorReviewer: targets.vendor,
    programAdmin: targets.vendor,
    partnerOwner: targets.partnerA,
    partnerViewer: targets.partnerA,
    resellerMember: targets.reseller,
  })[actor];

/** A member created for one request, so deleting it costs the world nothing. */
async function freshMember(target: Target) {
  const n = next();
  const added = await addPerson(ctx.deps, world.admin.user.id, target.organisation.id, {
    email: `newcomer${n}@authz.test`,
    name: `Newcomer ${n}`,
    password: PASSWORD,
    roles: [target.newcomerRole],
  });
  return added.user.id;
}

/** An open invitation created (by the program admin) for one request. */
async function freshInvitation(target: Target, email = `invitee${next()}@authz.test`) {
  const response = await as(ctx.app, world.admin).post(
    `/api/organisations/${target.organisation.id}/invitations`,
    { email, roles: [target.newcomerRole] },
  );
  expect(response.statusCode, response.body).toBe(201);
  const invitation = json<{ id: string; url: string }>(response);
  return { id: invitation.id, token: invitation.url.split('/invite/')[1]! };
}

/** A reset link of an account made for one request (resetting it ends that account's sessions). */
async function freshResetToken(): Promise<string> {
  const n = next();
  const email = `forgetful${n}@authz.test`;
  await ctx.deps.account.uow.run((tx) =>
    tx.users.createUser({ email, name: `Forgetful ${n}`, passwordHash: 'x', locale: 'en' }),
  );
  const issued = await requestPasswordReset(ctx.deps.account, email, {
    ip: `198.51.100.${n % 250}`,
  });
  return issued!.token;
}

const orgUrl = (s: Scope, rest = '') =>
  `/api/organisations/${s.organisation.organisation.id}${rest}`;

/** The address of an offer of `target` (a made-up one where the organisation has none). */
const offersOf = (target: Target) => `/api/organisations/${target.organisation.id}/offers`;

/** An offer created (by the partner's owner) for one request; a random id elsewhere. */
async function freshOffer(target: Target, fields: Record<string, unknown> = {}): Promise<string> {
  if (!target.owner) return randomUUID();
  const n = next();
  const response = await as(ctx.app, target.owner).post(offersOf(target), {
    name: `Authz offer ${n}`,
    alias: `authz-${n}`,
    offerType: 'saas',
    markets: ['US'],
    ...fields,
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string }>(response).id;
}

/** A document on a fresh offer of `target`, for one request. */
async function freshDocument(target: Target) {
  const offerId = await freshOffer(target);
  if (!target.owner) return { offerId, documentId: randomUUID() };
  const response = await as(ctx.app, target.owner).post(
    `${offersOf(target)}/${offerId}/documents?kind=other&fileName=fresh.pdf`,
    samplePdf(),
  );
  expect(response.statusCode, response.body).toBe(201);
  return { offerId, documentId: json<{ document: { id: string } }>(response).document.id };
}

const contactBody = (email: string) => ({
  name: 'Authz Contact',
  email,
  jobTitle: 'Seller',
  role: 'partner-sales',
  countries: ['US'],
  states: [],
});

async function freshContact(target: Target): Promise<string> {
  if (!target.owner) return randomUUID();
  const response = await as(ctx.app, target.owner).post(
    `${offersOf(target)}/${target.offerId}/contacts`,
    contactBody(`contact${next()}@authz.test`),
  );
  expect(response.statusCode, response.body).toBe(201);
  return json<{ contact: { id: string } }>(response).contact.id;
}

/**
 * A fresh offer of `target` complete enough to publish: summary, listing, landing page, the
 * required documents and a partner-sales contact. Returns its first document too.
 */
async function freshCompleteOffer(target: Target) {
  const offerId = await freshOffer(target, { summary: 'Authz summary' });
  if (!target.owner) return { offerId, documentId: randomUUID() };
  const owner = as(ctx.app, target.owner);
  const url = `${offersOf(target)}/${offerId}`;
  const area = taxonomy.solutionAreas[0]!;
  const listed = await owner.put(
    `${url}/cosell`,
    {
      listing: {
        platforms: [taxonomy.platforms[0]!.id],
        segments: [taxonomy.segments[0]!.id],
        solutionType: 'service',
        solutionAreas: [{ areaId: area.id, subAreaIds: [area.subAreas[0]!.id] }],
      },
      landingPageUrl: 'https://authz.example/offer',
    },
    { 'if-match': '*' },
  );
  expect(listed.statusCode, listed.body).toBe(200);
  const documentIds: string[] = [];
  for (const [kind, name, bytes] of [
    ['one-pager', 'one-pager.pdf', samplePdf()],
    ['pitch-deck', 'deck.pptx', samplePptx()],
    ['reference-architecture-diagram', 'rad.pdf', samplePdf()],
  ] as const) {
    const up = await owner.post(`${url}/documents?kind=${kind}&fileName=${name}`, bytes);
    expect(up.statusCode, up.body).toBe(201);
    documentIds.push(json<{ document: { id: string } }>(up).document.id);
  }
  const contact = await owner.post(`${url}/contacts`, {
    ...contactBody(`sales${next()}@authz.test`),
    countries: ['OOO'],
  });
  expect(contact.statusCode, contact.body).toBe(201);
  return { offerId, documentId: documentIds[0]! };
}

/** Runs the queued steps of the publishing pipeline (and mail) now. */
const drain = () => ctx.deps.jobs.drain();

/** The reviewer approves a submission in review, under the ETag of the detail they read. */
async function approve(target: Target, submissionId: string) {
  const reviewer = as(ctx.app, world.reviewer);
  const url = `/api/review/organisations/${target.organisation.id}/submissions/${submissionId}`;
  const detail = await reviewer.get(url);
  expect(detail.statusCode, detail.body).toBe(200);
  const decided = await reviewer.post(
    `${url}/decision`,
    { decision: 'approve', technicalValidation: 'passed', revenueVerified: true },
    { 'if-match': String(detail.headers.etag) },
  );
  expect(decided.statusCode, decided.body).toBe(200);
}

/**
 * A submission of a fresh complete offer of `target`, for one request, taken as far as
 * `until`: just submitted (validating), in the vendor's review, or approved into preview.
 */
async function freshSubmission(target: Target, until: 'validating' | 'in-review' | 'preview') {
  const { offerId, documentId } = await freshCompleteOffer(target);
  if (!target.owner)
    return { offerId, submissionId: randomUUID(), versionId: randomUUID(), documentId };
  const submitted = await as(ctx.app, target.owner).post(
    `${offersOf(target)}/${offerId}/submissions`,
    { sections: ['offer-setup', 'cosell'] },
    { 'if-match': '*' },
  );
  expect(submitted.statusCode, submitted.body).toBe(201);
  const view = json<{ current: { id: string; versionId: string } }>(submitted);
  const submissionId = view.current.id;
  if (until !== 'validating') {
    await drain();
    if (until === 'preview') {
      await approve(target, submissionId);
      await drain();
    }
  }
  return { offerId, submissionId, versionId: view.current.versionId, documentId };
}

/** The review address of a scope: the organisation in the path, a submission of `child`. */
const reviewUrl = (s: Scope, submissionId = s.child.submission.id, rest = '') =>
  `/api/review/organisations/${s.organisation.organisation.id}/submissions/${submissionId}${rest}`;

const CONTACTS_CSV = Buffer.from(
  'Name,Email,Job title,Role,Countries/Regions,States/Provinces\r\n' +
    'Ada,ada@authz.test,Seller,Partner sales,US,\r\n',
);

/** A staged (or also confirmed) import on a fresh offer of `target`. */
async function freshImport(target: Target, applied: boolean) {
  const offerId = await freshOffer(target);
  if (!target.owner) return { offerId, importId: randomUUID() };
  const owner = as(ctx.app, target.owner);
  const staged = await owner.post(`${offersOf(target)}/${offerId}/contact-imports`, CONTACTS_CSV, {
    'content-type': 'text/csv',
  });
  expect(staged.statusCode, staged.body).toBe(201);
  const importId = json<{ import: { id: string } }>(staged).import.id;
  if (applied) {
    const done = await owner.post(
      `${offersOf(target)}/${offerId}/contact-imports/${importId}/apply`,
    );
    expect(done.statusCode, done.body).toBe(200);
  }
  return { offerId, importId };
}

/** The offer path of a scope: the organisation in the path, the offer of `child`. */
const offerUrl = (s: Scope, rest = '', offerId = s.child.offerId) =>
  orgUrl(s, `/offers/${offerId}${rest}`);

/** Outcome rows of offer routes. */
const OFFER_READ = {
  own: row(401, 403, 403, 403, OK, OK, 403),
  other: row(401, 404, 404, 404, 404, 404, 404),
  foreignChild: row(401, 403, 403, 403, 404, 404, 403),
};
const OFFER_WRITE = {
  own: row(401, 403, 403, 403, OK, 403, 403),
  other: row(401, 404, 404, 404, 404, 404, 404),
  foreignChild: row(401, 403, 403, 403, 404, 403, 403),
};

const REFERRALS_LIST = {
  own: row(401, OK, 403, OK, OK, 403, 404),
  other: row(401, 404, 404, 404, 404, 404, 404),
};
const REFERRAL_ONE = {
  own: row(401, 404, 403, 404, 404, 403, 404),
  other: row(401, 404, 404, 404, 404, 404, 404),
};
const NOBODYS_REFERRAL = '7f000000-0000-4000-8000-00000000dead';

const CASES: Record<string, RouteCase> = {
  'GET /api/ping': {
    access: 'public',
    expect: row(OK, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: '/api/ping' }),
    verify: (r, s) => expect(json(r).signedIn).toBe(s.actor !== 'anonymous'),
  },
  'GET /api/setup': {
    access: 'public',
    expect: row(OK, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: '/api/setup' }),
    verify: (r) => expect(json(r)).toEqual({ needed: false }),
  },
  'POST /api/setup': {
    access: 'public',
    // Set-up happens once; nobody, signed in or not, can run it again.
    expect: row(409, 409, 409, 409, 409, 409, 409),
    request: () => ({
      method: 'POST',
      url: '/api/setup',
      body: {
        organisationName: `Rival Vendor ${next()}`,
        name: 'Eve',
        email: `eve${unique}@authz.test`,
        password: PASSWORD,
      },
    }),
  },
  'GET /api/session': {
    access: 'user',
    expect: row(401, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: '/api/session' }),
    verify: (r, s) =>
      expect(json<{ user: { id: string } }>(r).user.id).toBe(person(s.actor)!.user.id),
  },
  'POST /api/session': {
    access: 'public',
    freshSession: true,
    expect: row(OK, OK, OK, OK, OK, OK, OK),
    request: (s) => ({
      method: 'POST',
      url: '/api/session',
      body: { email: (person(s.actor) ?? world.seller).user.email, password: PASSWORD },
    }),
  },
  'DELETE /api/session': {
    access: 'user',
    freshSession: true,
    expect: row(401, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'DELETE', url: '/api/session' }),
  },
  'PUT /api/session/organisation': {
    access: 'user',
    // Switching works only into one's own memberships: the program admin too gets 404.
    own: row(401, OK, OK, OK, OK, OK, OK),
    other: row(401, 404, 404, 404, 404, 404, 404),
    request: (s) => ({
      method: 'PUT',
      url: '/api/session/organisation',
      body: { organisationId: s.organisation.organisation.id },
    }),
    verify: (r, s) => expect(json(r).activeOrganisationId).toBe(s.organisation.organisation.id),
  },
  'PATCH /api/me': {
    access: 'user',
    expect: row(401, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'PATCH', url: '/api/me', body: { locale: 'en' } }),
  },
  'POST /api/me/password': {
    access: 'user',
    expect: row(401, OK, OK, OK, OK, OK, OK),
    request: () => ({
      method: 'POST',
      url: '/api/me/password',
      body: { currentPassword: PASSWORD, newPassword: PASSWORD },
    }),
  },
  'GET /api/password-reset': {
    access: 'public',
    expect: row(OK, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: '/api/password-reset' }),
    // This installation has no mail server.
    verify: (r) => expect(json(r)).toEqual({ byEmail: false }),
  },
  'POST /api/password-reset': {
    access: 'public',
    // Without a mail server nobody gets a link by e-mail, signed in or not.
    expect: row(409, 409, 409, 409, 409, 409, 409),
    codes: { 409: 'CONFLICT' },
    request: () => ({
      method: 'POST',
      url: '/api/password-reset',
      body: { email: 'owner@a.test' },
    }),
  },
  'POST /api/password-reset/:token': {
    access: 'public',
    // The link is the secret: whoever holds it may use it, once.
    expect: row(OK, OK, OK, OK, OK, OK, OK),
    request: async () => ({
      method: 'POST',
      url: `/api/password-reset/${await freshResetToken()}`,
      body: { password: PASSWORD },
    }),
  },
  'GET /api/invitations/:token': {
    access: 'public',
    // The link is the secret: whoever holds it may see what it offers.
    expect: row(OK, OK, OK, OK, OK, OK, OK),
    request: async (s) => ({
      method: 'GET',
      url: `/api/invitations/${(await freshInvitation(s.child)).token}`,
    }),
  },
  'POST /api/invitations/:token/accept': {
    access: 'public',
    expect: row(OK, OK, OK, OK, OK, OK, OK),
    request: async (s) => ({
      method: 'POST',
      url: `/api/invitations/${(await freshInvitation(s.child)).token}/accept`,
      body: { name: 'Invitee', password: PASSWORD },
    }),
  },
  'GET /api/organisations': {
    access: 'user',
    expect: row(401, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: '/api/organisations?limit=200' }),
    verify: (r, s) => {
      const ids = json<{ items: { id: string }[] }>(r).items.map((o) => o.id);
      if (s.actor === 'programAdmin') {
        expect(ids).toContain(world.partnerB.organisation.id);
      } else {
        expect(ids).toEqual([homeOf(s.actor).organisation.id]);
      }
    },
  },
  'POST /api/organisations': {
    access: 'user',
    expect: row(401, 403, 403, OK, 403, 403, 403),
    request: () => ({
      method: 'POST',
      url: '/api/organisations',
      body: { kind: 'partner', name: `Authz Partner ${next()}` },
    }),
  },
  'GET /api/organisations/:organisationId': {
    access: 'user',
    own: row(401, OK, OK, OK, OK, OK, OK),
    other: row(401, 404, 404, OK, 404, 404, 404),
    request: (s) => ({ method: 'GET', url: orgUrl(s) }),
    verify: (r, s) => expect(json(r).id).toBe(s.organisation.organisation.id),
  },
  'PATCH /api/organisations/:organisationId': {
    access: 'user',
    own: row(401, 403, 403, OK, OK, 403, 403),
    other: row(401, 404, 404, OK, 404, 404, 404),
    request: (s) => ({
      method: 'PATCH',
      url: orgUrl(s),
      body: { name: s.organisation.organisation.name },
      // Any current version: the case is about who may rename, not about which version.
      headers: { 'if-match': '*' },
    }),
  },
  'GET /api/organisations/:organisationId/members': {
    access: 'user',
    own: row(401, 403, 403, OK, OK, 403, OK),
    other: row(401, 404, 404, OK, 404, 404, 404),
    request: (s) => ({ method: 'GET', url: orgUrl(s, '/members') }),
    verify: (r, s) =>
      expect(json<{ items: { user: { id: string } }[] }>(r).items.map((m) => m.user.id)).toContain(
        s.organisation.member.id,
      ),
  },
  'PATCH /api/organisations/:organisationId/members/:userId': {
    access: 'user',
    own: row(401, 403, 403, OK, OK, 403, OK),
    other: row(401, 404, 404, OK, 404, 404, 404),
    foreignChild: row(401, 403, 403, 404, 404, 403, 404),
    request: (s) => ({
      method: 'PATCH',
      url: orgUrl(s, `/members/${s.child.member.id}`),
      // Roles valid for the organisation in the path, so a refusal is about the member.
      body: { roles: s.organisation.member.roles },
      headers: { 'if-match': '*' },
    }),
  },
  'DELETE /api/organisations/:organisationId/members/:userId': {
    access: 'user',
    own: row(401, 403, 403, OK, OK, 403, OK),
    other: row(401, 404, 404, OK, 404, 404, 404),
    foreignChild: row(401, 403, 403, 404, 404, 403, 404),
    request: async (s) => ({
      method: 'DELETE',
      url: orgUrl(s, `/members/${await freshMember(s.child)}`),
    }),
  },
  'GET /api/organisations/:organisationId/invitations': {
    access: 'user',
    own: row(401, 403, 403, OK, OK, 403, OK),
    other: row(401, 404, 404, OK, 404, 404, 404),
    request: (s) => ({ method: 'GET', url: orgUrl(s, '/invitations') }),
  },
  'POST /api/organisations/:organisationId/invitations': {
    access: 'user',
    own: row(401, 403, 403, OK, OK, 403, OK),
    other: row(401, 404, 404, OK, 404, 404, 404),
    request: (s) => ({
      method: 'POST',
      url: orgUrl(s, '/invitations'),
      body: { email: `invitee${next()}@authz.test`, roles: [s.organisation.newcomerRole] },
    }),
  },
  'DELETE /api/organisations/:organisationId/invitations/:invitationId': {
    access: 'user',
    own: row(401, 403, 403, OK, OK, 403, OK),
    other: row(401, 404, 404, OK, 404, 404, 404),
    foreignChild: row(401, 403, 403, 404, 404, 403, 404),
    request: async (s) => ({
      method: 'DELETE',
      url: orgUrl(s, `/invitations/${(await freshInvitation(s.child)).id}`),
    }),
  },
  'GET /api/organisations/:organisationId/audit': {
    access: 'user',
    own: row(401, 403, 403, OK, OK, 403, 403),
    other: row(401, 404, 404, OK, 404, 404, 404),
    request: (s) => ({ method: 'GET', url: orgUrl(s, '/audit') }),
  },
  'GET /api/tokens': {
    access: 'user',
    // Personal: everyone signed in lists their own API tokens.
    expect: row(401, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: '/api/tokens' }),
  },
  'POST /api/tokens': {
    access: 'user',
    expect: row(401, OK, OK, OK, OK, OK, OK),
    request: () => ({
      method: 'POST',
      url: '/api/tokens',
      body: { name: `authz ${next()}`, scopes: ['offers:read'], expiresInDays: 1 },
    }),
  },
  'DELETE /api/tokens/:tokenId': {
    access: 'user',
    // Nobody revokes a token that is not theirs: it does not exist for them.
    expect: row(401, 404, 404, 404, 404, 404, 404),
    request: () => ({ method: 'DELETE', url: `/api/tokens/${randomUUID()}` }),
  },
  'GET /api/organisations/:organisationId/tokens': {
    access: 'user',
    own: row(401, 403, 403, OK, OK, 403, OK),
    other: row(401, 404, 404, 404, 404, 404, 404),
    request: (s) => ({ method: 'GET', url: orgUrl(s, '/tokens') }),
  },
  'POST /api/organisations/:organisationId/tokens': {
    access: 'user',
    own: row(401, 403, 403, OK, OK, 403, OK),
    other: row(401, 404, 404, 404, 404, 404, 404),
    request: (s) => ({
      method: 'POST',
      url: orgUrl(s, '/tokens'),
      body: {
        name: `authz ${next()}`,
        scopes: ['offers:read'],
        roles: [s.organisation.newcomerRole],
        expiresInDays: 1,
      },
    }),
  },
  'DELETE /api/organisations/:organisationId/tokens/:tokenId': {
    access: 'user',
    own: row(401, 403, 403, 404, 404, 403, 404),
    other: row(401, 404, 404, 404, 404, 404, 404),
    request: (s) => ({ method: 'DELETE', url: orgUrl(s, `/tokens/${randomUUID()}`) }),
  },
  'GET /api/program': {
    access: 'user',
    // Every signed-in user reads the program: partners file listings against its taxonomy.
    expect: row(401, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: '/api/program' }),
  },
  'PUT /api/program/taxonomy': {
    access: 'user',
    expect: row(401, 403, 403, OK, 403, 403, 403),
    request: async () => {
      // The current taxonomy under its current ETag: valid, and a no-op in content.
      const program = await as(ctx.app, world.admin).get('/api/program');
      return {
        method: 'PUT',
        url: '/api/program/taxonomy',
        body: json(program).taxonomy,
        headers: { 'if-match': String(program.headers.etag) },
      };
    },
  },
  'GET /api/organisations/:organisationId/offers': {
    access: 'user',
    own: OFFER_READ.own,
    other: OFFER_READ.other,
    request: (s) => ({ method: 'GET', url: orgUrl(s, '/offers?archived=all&limit=200') }),
    verify: (r, s) =>
      expect(json<{ items: { id: string }[] }>(r).items.map((o) => o.id)).toContain(
        s.organisation.offerId,
      ),
  },
  'POST /api/organisations/:organisationId/offers': {
    access: 'user',
    own: OFFER_WRITE.own,
    other: OFFER_WRITE.other,
    request: (s) => {
      const n = next();
      return {
        method: 'POST',
        url: orgUrl(s, '/offers'),
        body: { name: `Authz new ${n}`, alias: `authz-new-${n}`, offerType: 'saas' },
      };
    },
  },
  'GET /api/organisations/:organisationId/offers/:offerId': {
    access: 'user',
    ...OFFER_READ,
    request: (s) => ({ method: 'GET', url: offerUrl(s) }),
    verify: (r, s) => expect(json(r).id).toBe(s.child.offerId),
  },
  'PATCH /api/organisations/:organisationId/offers/:offerId': {
    access: 'user',
    ...OFFER_WRITE,
    request: (s) => ({
      method: 'PATCH',
      url: offerUrl(s),
      body: { name: 'Shared offer' },
      headers: { 'if-match': '*' },
    }),
  },
  'POST /api/organisations/:organisationId/offers/:offerId/archive': {
    access: 'user',
    ...OFFER_WRITE,
    request: async (s) => ({
      method: 'POST',
      url: offerUrl(s, '/archive', await freshOffer(s.child)),
    }),
  },
  'POST /api/organisations/:organisationId/offers/:offerId/restore': {
    access: 'user',
    ...OFFER_WRITE,
    request: async (s) => ({
      method: 'POST',
      url: offerUrl(s, '/restore', await freshOffer(s.child)),
    }),
  },
  'GET /api/organisations/:organisationId/offers/:offerId/cosell': {
    access: 'user',
    ...OFFER_READ,
    request: (s) => ({ method: 'GET', url: offerUrl(s, '/cosell') }),
    verify: (r, s) => expect(json<{ offer: { id: string } }>(r).offer.id).toBe(s.child.offerId),
  },
  'PUT /api/organisations/:organisationId/offers/:offerId/cosell': {
    access: 'user',
    ...OFFER_WRITE,
    request: (s) => ({
      method: 'PUT',
      url: offerUrl(s, '/cosell'),
      body: {
        listing: { platforms: [], segments: [], solutionType: null, solutionAreas: [] },
        landingPageUrl: null,
      },
      headers: { 'if-match': '*' },
    }),
  },
  'GET /api/organisations/:organisationId/offers/:offerId/documents': {
    access: 'user',
    ...OFFER_READ,
    request: (s) => ({ method: 'GET', url: offerUrl(s, '/documents') }),
  },
  'POST /api/organisations/:organisationId/offers/:offerId/documents': {
    access: 'user',
    ...OFFER_WRITE,
    request: (s) => ({
      method: 'POST',
      url: offerUrl(s, '/documents?kind=one-pager&fileName=one-pager.pdf'),
      body: samplePdf(),
    }),
  },
  'PUT /api/organisations/:organisationId/offers/:offerId/documents/:documentId/content': {
    access: 'user',
    ...OFFER_WRITE,
    request: async (s) => {
      const { offerId, documentId } = await freshDocument(s.child);
      return {
        method: 'PUT',
        url: offerUrl(s, `/documents/${documentId}/content?fileName=new.pdf`, offerId),
        body: samplePdf(),
      };
    },
  },
  'DELETE /api/organisations/:organisationId/offers/:offerId/documents/:documentId': {
    access: 'user',
    ...OFFER_WRITE,
    request: async (s) => {
      const { offerId, documentId } = await freshDocument(s.child);
      return { method: 'DELETE', url: offerUrl(s, `/documents/${documentId}`, offerId) };
    },
  },
  'GET /api/organisations/:organisationId/offers/:offerId/documents/:documentId/content': {
    access: 'user',
    ...OFFER_READ,
    request: (s) => ({
      method: 'GET',
      url: offerUrl(s, `/documents/${s.child.documentId}/content`),
    }),
    verify: (r) => expect(r.headers['content-disposition']).toMatch(/^attachment;/),
  },
  'GET /api/contacts/template.csv': {
    access: 'user',
    expect: row(401, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: '/api/contacts/template.csv' }),
  },
  'GET /api/organisations/:organisationId/offers/:offerId/contacts': {
    access: 'user',
    ...OFFER_READ,
    request: (s) => ({ method: 'GET', url: offerUrl(s, '/contacts') }),
    verify: (r, s) =>
      expect(json<{ items: { id: string }[] }>(r).items.map((c) => c.id)).toContain(
        s.child.contactId,
      ),
  },
  'POST /api/organisations/:organisationId/offers/:offerId/contacts': {
    access: 'user',
    ...OFFER_WRITE,
    request: (s) => ({
      method: 'POST',
      url: offerUrl(s, '/contacts'),
      body: contactBody(`added${next()}@authz.test`),
    }),
  },
  'PUT /api/organisations/:organisationId/offers/:offerId/contacts/:contactId': {
    access: 'user',
    ...OFFER_WRITE,
    request: (s) => ({
      method: 'PUT',
      url: offerUrl(s, `/contacts/${s.child.contactId}`),
      body: contactBody(`shared@${s.child.organisation.id}.authz.test`),
    }),
  },
  'DELETE /api/organisations/:organisationId/offers/:offerId/contacts/:contactId': {
    access: 'user',
    ...OFFER_WRITE,
    request: async (s) => ({
      method: 'DELETE',
      url: offerUrl(s, `/contacts/${await freshContact(s.child)}`),
    }),
  },
  'GET /api/organisations/:organisationId/offers/:offerId/contacts.csv': {
    access: 'user',
    ...OFFER_READ,
    request: (s) => ({ method: 'GET', url: offerUrl(s, '/contacts.csv') }),
    verify: (r) => expect(r.body).toContain('Name,Email,Job title'),
  },
  'POST /api/organisations/:organisationId/offers/:offerId/contact-imports': {
    access: 'user',
    ...OFFER_WRITE,
    request: (s) => ({
      method: 'POST',
      url: offerUrl(s, '/contact-imports'),
      body: CONTACTS_CSV,
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'POST /api/organisations/:organisationId/offers/:offerId/contact-imports/:importId/apply': {
    access: 'user',
    ...OFFER_WRITE,
    request: async (s) => {
      const { offerId, importId } = await freshImport(s.child, false);
      return { method: 'POST', url: offerUrl(s, `/contact-imports/${importId}/apply`, offerId) };
    },
  },
  'POST /api/organisations/:organisationId/offers/:offerId/contact-imports/:importId/undo': {
    access: 'user',
    ...OFFER_WRITE,
    request: async (s) => {
      const { offerId, importId } = await freshImport(s.child, true);
      return { method: 'POST', url: offerUrl(s, `/contact-imports/${importId}/undo`, offerId) };
    },
  },
  'GET /api/organisations/:organisationId/offers/:offerId/publish': {
    access: 'user',
    ...OFFER_READ,
    request: (s) => ({ method: 'GET', url: offerUrl(s, '/publish') }),
    verify: (r, s) => expect(json<{ offer: { id: string } }>(r).offer.id).toBe(s.child.offerId),
  },
  'GET /api/organisations/:organisationId/offers/:offerId/status': {
    access: 'user',
    ...OFFER_READ,
    request: (s) => ({ method: 'GET', url: offerUrl(s, '/status') }),
  },
  'GET /api/organisations/:organisationId/offers/:offerId/versions/:versionId': {
    access: 'user',
    ...OFFER_READ,
    request: (s) => ({
      method: 'GET',
      url: offerUrl(s, `/versions/${s.child.submission.versionId}`, s.child.submission.offerId),
    }),
    verify: (r, s) => expect(json(r).id).toBe(s.child.submission.versionId),
  },
  'POST /api/organisations/:organisationId/offers/:offerId/submissions': {
    access: 'user',
    ...OFFER_WRITE,
    // A fresh complete offer each time: the one allowed publishes it.
    request: async (s) => ({
      method: 'POST',
      url: offerUrl(s, '/submissions', (await freshCompleteOffer(s.child)).offerId),
      body: { sections: ['offer-setup', 'cosell'] },
      headers: { 'if-match': '*', 'idempotency-key': randomUUID() },
    }),
    verify: (r) => expect(json<{ current: { state: string } }>(r).current.state).toBe('validating'),
  },
  'POST /api/organisations/:organisationId/offers/:offerId/submissions/:submissionId/cancel': {
    access: 'user',
    ...OFFER_WRITE,
    request: async (s) => {
      const { offerId, submissionId } = await freshSubmission(s.child, 'validating');
      return { method: 'POST', url: offerUrl(s, `/submissions/${submissionId}/cancel`, offerId) };
    },
    verify: (r) =>
      expect(json<{ submissions: { state: string }[] }>(r).submissions[0]!.state).toBe('cancelled'),
  },
  'POST /api/organisations/:organisationId/offers/:offerId/submissions/:submissionId/go-live': {
    access: 'user',
    ...OFFER_WRITE,
    request: async (s) => {
      const { offerId, submissionId } = await freshSubmission(s.child, 'preview');
      return { method: 'POST', url: offerUrl(s, `/submissions/${submissionId}/go-live`, offerId) };
    },
    verify: (r) => expect(json<{ current: { state: string } }>(r).current.state).toBe('publishing'),
  },
  'GET /api/review/submissions': {
    access: 'user',
    expect: row(401, 403, OK, OK, 403, 403, 403),
    request: () => ({ method: 'GET', url: '/api/review/submissions?limit=200' }),
    verify: (r) =>
      expect(json<{ items: { id: string }[] }>(r).items.map((i) => i.id)).toContain(
        targets.partnerB.submission.id,
      ),
  },
  /*
   * The review routes: the vendor's reviewers and program admins reach every partner's
   * submissions; the vendor itself has none, nor has a reseller. Everyone else is refused the
   * route (403) before any organisation is looked at.
   */
  'GET /api/review/organisations/:organisationId/submissions/:submissionId': {
    access: 'user',
    vendorPermissionFirst: true,
    own: row(401, 403, 404, 404, 403, 403, 403),
    other: row(401, 403, 404, 404, 403, 403, 403),
    otherPartner: row(401, 403, OK, OK, 403, 403, 403),
    foreignChild: row(401, 403, 404, 404, 403, 403, 403),
    request: (s) => ({ method: 'GET', url: reviewUrl(s) }),
    verify: (r, s) =>
      expect(json<{ submission: { id: string } }>(r).submission.id).toBe(s.child.submission.id),
  },
  'GET /api/review/organisations/:organisationId/submissions/:submissionId/documents/:documentId': {
    access: 'user',
    vendorPermissionFirst: true,
    own: row(401, 403, 404, 404, 403, 403, 403),
    other: row(401, 403, 404, 404, 403, 403, 403),
    otherPartner: row(401, 403, OK, OK, 403, 403, 403),
    foreignChild: row(401, 403, 404, 404, 403, 403, 403),
    request: (s) => ({
      method: 'GET',
      url: reviewUrl(s, s.child.submission.id, `/documents/${s.child.submission.documentId}`),
    }),
    verify: (r) => expect(r.headers['content-disposition']).toMatch(/^inline;/),
  },
  'POST /api/review/organisations/:organisationId/submissions/:submissionId/decision': {
    access: 'user',
    vendorPermissionFirst: true,
    own: row(401, 403, 404, 404, 403, 403, 403),
    other: row(401, 403, 404, 404, 403, 403, 403),
    otherPartner: row(401, 403, OK, OK, 403, 403, 403),
    foreignChild: row(401, 403, 404, 404, 403, 403, 403),
    // A fresh submission in review each time: the one allowed rejects it.
    request: async (s) => ({
      method: 'POST',
      url: reviewUrl(s, (await freshSubmission(s.child, 'in-review')).submissionId, '/decision'),
      body: { decision: 'reject', report: 'Authorization check.' },
      headers: { 'if-match': '*' },
    }),
    verify: (r) => expect(json(r).state).toBe('rejected'),
  },
  'GET /api/organisations/:organisationId/program-profile': {
    access: 'user',
    // Partners read their own profile; the vendor's reviewers and program admins every partner's.
    own: row(401, 403, 403, 403, OK, OK, 403),
    other: row(401, 404, 404, 404, 404, 404, 404),
    otherPartner: row(401, 404, OK, OK, 404, 404, 404),
    request: (s) => ({ method: 'GET', url: orgUrl(s, '/program-profile') }),
    verify: (r) => expect(json(r).businessProfileComplete).toBe(true),
  },
  'PATCH /api/organisations/:organisationId/program-profile': {
    access: 'user',
    // Partners' owners and managers enter their own; program admins any partner's. Reviewers
    // read partners' profiles (GET above) but may not change them.
    staffSeeButMayNotWrite: true,
    own: row(401, 403, 403, 403, OK, 403, 403),
    other: row(401, 404, 404, 404, 404, 404, 404),
    otherPartner: row(401, 404, 403, OK, 404, 404, 404),
    request: (s) => ({
      method: 'PATCH',
      url: orgUrl(s, '/program-profile'),
      // The value it already has (set up before the cases).
      body: { businessProfileComplete: true },
      headers: { 'if-match': '*' },
    }),
  },
  'GET /api/program/profiles': {
    access: 'user',
    expect: row(401, 403, OK, OK, 403, 403, 403),
    request: () => ({ method: 'GET', url: '/api/program/profiles?limit=200' }),
    verify: (r) =>
      expect(
        json<{ items: { organisationId: string }[] }>(r).items.map((i) => i.organisationId),
      ).toContain(world.partnerB.organisation.id),
  },
  'GET /api/program/profiles/template.csv': {
    access: 'user',
    expect: row(401, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: '/api/program/profiles/template.csv' }),
    verify: (r) => expect(r.body).toContain('Organisation ID'),
  },
  'POST /api/program/profile-imports': {
    access: 'user',
    expect: row(401, 403, 403, OK, 403, 403, 403),
    request: () => ({
      method: 'POST',
      url: '/api/program/profile-imports',
      // The value partner B's profile already has.
      body: Buffer.from(
        `Organisation ID,Business profile complete\r\n${world.partnerB.organisation.id},yes\r\n`,
      ),
      headers: { 'content-type': 'text/csv' },
    }),
    verify: (r) => expect(json(r)).toEqual({ rows: 1, updated: 1 }),
  },
  'POST /api/program/policy/preview': {
    access: 'user',
    expect: row(401, 403, 403, OK, 403, 403, 403),
    request: () => ({
      method: 'POST',
      url: '/api/program/policy/preview',
      body: { policyId: '2023' },
    }),
    verify: (r) => expect(json(r).to).toBe('2023'),
  },
  'PUT /api/program/policy': {
    access: 'user',
    expect: row(401, 403, 403, OK, 403, 403, 403),
    request: async () => {
      // The active policy under the program's current ETag: valid, and a no-op in content.
      const program = await as(ctx.app, world.admin).get('/api/program');
      return {
        method: 'PUT',
        url: '/api/program/policy',
        body: { policyId: json(program).activePolicy },
        headers: { 'if-match': String(program.headers.etag) },
      };
    },
    verify: (r) => expect(json(r).activePolicy).toBe(activePolicy),
  },
  'PUT /api/program/contact': {
    access: 'user',
    expect: row(401, 403, 403, OK, 403, 403, 403),
    request: async () => {
      // The current contact under the program's current ETag: a no-op in content.
      const program = await as(ctx.app, world.admin).get('/api/program');
      return {
        method: 'PUT',
        url: '/api/program/contact',
        body: { contactEmail: json<{ contactEmail: string | null }>(program).contactEmail ?? null },
        headers: { 'if-match': String(program.headers.etag) },
      };
    },
  },
  'GET /api/notifications': {
    access: 'user',
    // Personal: everyone signed in reads their own (no tenant object to aim at).
    expect: row(401, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: '/api/notifications?limit=200' }),
    verify: (r) =>
      expect(
        json<{ items: { id: string }[] }>(r).items.filter((n) =>
          managerNotificationIds.includes(n.id),
        ),
      ).toEqual([]),
  },
  'POST /api/notifications/read': {
    access: 'user',
    expect: row(401, OK, OK, OK, OK, OK, OK),
    // Someone else's notifications: nobody marks them read but their owner.
    request: () => ({
      method: 'POST',
      url: '/api/notifications/read',
      body: { ids: managerNotificationIds },
    }),
    verify: (r) => expect(json(r).marked).toBe(0),
  },
  'GET /api/notifications/preferences': {
    access: 'user',
    expect: row(401, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: '/api/notifications/preferences' }),
  },
  'PUT /api/notifications/preferences': {
    access: 'user',
    expect: row(401, OK, OK, OK, OK, OK, OK),
    // Nobody in the world mutes anything: muting nothing again changes nothing.
    request: () => ({
      method: 'PUT',
      url: '/api/notifications/preferences',
      body: { muted: [] },
    }),
    verify: (r) => expect(json(r).muted).toEqual([]),
  },
  'GET /api/storefront/offers': {
    access: 'public',
    expect: row(OK, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: '/api/storefront/offers?limit=200' }),
    verify: (r) =>
      expect(json<{ items: { offerId: string }[] }>(r).items.map((i) => i.offerId)).toContain(
        liveOfferId,
      ),
  },
  'GET /api/storefront/offers/:offerId': {
    access: 'public',
    expect: row(OK, OK, OK, OK, OK, OK, OK),
    request: () => ({ method: 'GET', url: `/api/storefront/offers/${liveOfferId}` }),
    verify: (r) => expect(json(r).offerId).toBe(liveOfferId),
  },
  // Co-sell opportunities: sellers and program admins (vendor), owners (partner) work them;
  // reviewers and viewers may not (403); a reseller has none (404). The referral id here is
  // nobody's, so whoever may look gets 404: the flows are in opportunities.test.ts.
  'GET /api/organisations/:organisationId/engagements/referrals': {
    access: 'user',
    ...REFERRALS_LIST,
    request: (s) => ({ method: 'GET', url: orgUrl(s, '/engagements/referrals') }),
  },
  'POST /api/organisations/:organisationId/engagements/referrals': {
    access: 'user',
    // The body is a partner's New deal: the vendor's seller and program admin may create, but
    // a co-sell opportunity must name its partner (400); partner A has no co-sell ready offer
    // live in this world (403).
    own: row(401, 400 as Outcome, 403, 400 as Outcome, 403, 403, 404),
    other: REFERRALS_LIST.other,
    codes: { 400: 'VALIDATION' } as Case['codes'],
    request: (s) => ({
      method: 'POST',
      url: orgUrl(s, '/engagements/referrals'),
      body: referralCreateBody(),
    }),
  },
  'GET /api/organisations/:organisationId/engagements/referrals-export': {
    access: 'user',
    ...REFERRALS_LIST,
    request: (s) => ({ method: 'GET', url: orgUrl(s, '/engagements/referrals-export') }),
    verify: (r) => expect(r.headers['content-type']).toBe('text/csv; charset=utf-8'),
  },
  'POST /api/organisations/:organisationId/engagements/referrals-imports': {
    access: 'user',
    // A preview naming a deal nobody has: those who may write referrals learn it is unknown
    // (400), after their access was checked; nothing is written either way.
    own: row(401, 400 as Outcome, 403, 400 as Outcome, 400 as Outcome, 403, 404),
    other: REFERRALS_LIST.other,
    codes: { 400: 'VALIDATION' } as Case['codes'],
    request: (s) => ({
      method: 'POST',
      url: orgUrl(s, '/engagements/referrals-imports?dryRun=true'),
      body: `Id,Notes\n${NOBODYS_REFERRAL},Checked\n`,
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'POST /api/organisations/:organisationId/engagements/referrals-imports/:importId/undo': {
    access: 'user',
    // An import nobody made: whoever may write referrals learns it does not exist.
    own: row(401, 404, 403, 404, 404, 403, 404),
    other: REFERRALS_LIST.other,
    request: (s) => ({
      method: 'POST',
      url: orgUrl(s, `/engagements/referrals-imports/${NOBODYS_REFERRAL}/undo`),
    }),
  },
  'GET /api/organisations/:organisationId/referral-options': {
    access: 'user',
    ...REFERRALS_LIST,
    request: (s) => ({ method: 'GET', url: orgUrl(s, '/referral-options') }),
  },
  'PUT /api/organisations/:organisationId/members/:userId/referral-scope': {
    access: 'user',
    own: row(401, 403, 403, 403, OK, 403, 403),
    other: row(401, 404, 404, 404, 404, 404, 404),
    request: (s) => ({
      method: 'PUT',
      url: orgUrl(s, `/members/${s.organisation.member.id}/referral-scope`),
      body: { countries: null },
    }),
  },
  'POST /api/storefront/offers/:offerId/contact-requests': {
    access: 'public',
    expect: row(404, 404, 404, 404, 404, 404, 404),
    request: () => ({
      method: 'POST',
      url: `/api/storefront/offers/${NOBODYS_REFERRAL}/contact-requests`,
      body: {
        name: 'Kim',
        email: 'kim@buyer.test',
        company: 'Buyer',
        country: 'SE',
        message: 'Hello',
        consent: true,
      },
    }),
  },
  'GET /api/organisations/:organisationId/engagements/referrals/:referralId': {
    access: 'user',
    ...REFERRAL_ONE,
    request: (s) => ({
      method: 'GET',
      url: orgUrl(s, `/engagements/referrals/${NOBODYS_REFERRAL}`),
    }),
  },
  'PUT /api/organisations/:organisationId/engagements/referrals/:referralId': {
    access: 'user',
    ...REFERRAL_ONE,
    request: (s) => ({
      method: 'PUT',
      url: orgUrl(s, `/engagements/referrals/${NOBODYS_REFERRAL}`),
      body: (({ engagementId: _e, dealKind: _d, ...rest }) => rest)(referralCreateBody()),
      headers: { 'if-match': '*' },
    }),
  },
  'PATCH /api/organisations/:organisationId/engagements/referrals/:referralId': {
    access: 'user',
    ...REFERRAL_ONE,
    request: (s) => ({
      method: 'PATCH',
      url: orgUrl(s, `/engagements/referrals/${NOBODYS_REFERRAL}`),
      body: [{ op: 'replace', path: '/name', value: 'x' }],
      headers: { 'if-match': '*' },
    }),
  },
  'POST /api/organisations/:organisationId/engagements/referrals/:referralId/actions': {
    access: 'user',
    ...REFERRAL_ONE,
    request: (s) => ({
      method: 'POST',
      url: orgUrl(s, `/engagements/referrals/${NOBODYS_REFERRAL}/actions`),
      body: { kind: 'win' },
      headers: { 'if-match': '*' },
    }),
  },
  'POST /api/organisations/:organisationId/engagements/referrals/:referralId/invitations': {
    access: 'user',
    ...REFERRAL_ONE,
    request: (s) => ({
      method: 'POST',
      url: orgUrl(s, `/engagements/referrals/${NOBODYS_REFERRAL}/invitations`),
      body: {
        organizationId: NOBODYS_REFERRAL,
        closingDateTime: '2027-01-01T00:00:00Z',
        dealValue: 1,
        currency: 'USD',
        team: [{ firstName: 'A', lastName: 'B', email: 'a@b.test' }],
        solutions: [{ id: 's', name: 'S' }],
      },
      headers: { 'if-match': '*' },
    }),
  },
  'GET /api/organisations/:organisationId/engagements/referrals/:referralId/timeline': {
    access: 'user',
    ...REFERRAL_ONE,
    request: (s) => ({
      method: 'GET',
      url: orgUrl(s, `/engagements/referrals/${NOBODYS_REFERRAL}/timeline`),
    }),
  },
  'GET /api/organisations/:organisationId/engagements/referrals/:referralId/participants': {
    access: 'user',
    ...REFERRAL_ONE,
    request: (s) => ({
      method: 'GET',
      url: orgUrl(s, `/engagements/referrals/${NOBODYS_REFERRAL}/participants`),
    }),
  },
  'PUT /api/organisations/:organisationId/engagements/referrals/:referralId/favorite': {
    access: 'user',
    ...REFERRAL_ONE,
    request: (s) => ({
      method: 'PUT',
      url: orgUrl(s, `/engagements/referrals/${NOBODYS_REFERRAL}/favorite`),
    }),
  },
  'DELETE /api/organisations/:organisationId/engagements/referrals/:referralId/favorite': {
    access: 'user',
    ...REFERRAL_ONE,
    request: (s) => ({
      method: 'DELETE',
      url: orgUrl(s, `/engagements/referrals/${NOBODYS_REFERRAL}/favorite`),
    }),
  },
  'GET /api/system/clock': {
    access: 'user',
    expect: row(401, 403, 403, OK, 403, 403, 403),
    request: () => ({ method: 'GET', url: '/api/system/clock' }),
    verify: (r) => expect(json(r).controllable).toBe(false),
  },
  'POST /api/system/clock': {
    access: 'user',
    // Clock control is off here (CLOCK_CONTROL): even the program admin gets its 409.
    expect: row(401, 403, 403, 409, 403, 403, 403),
    codes: { 409: 'CONFLICT' },
    request: () => ({ method: 'POST', url: '/api/system/clock', body: { advanceDays: 1 } }),
  },
};

/**
 * Partner Center's base path (`/api/engagements/referrals…`) serves the same routes without the
 * organisation in the path. Each case of the organisation's path holds there too, with the
 * organisation named by `?organisationId=` (the selector a caller in several organisations
 * needs): the same outcomes on one's own organisation and on every other tenant's.
 */
const ORGANISATION_REFERRALS =
  /^(GET|POST|PUT|PATCH|DELETE) \/api\/organisations\/:organisationId\/engagements\/referrals(\/.*)?$/;
for (const [route, routeCase] of Object.entries(CASES)) {
  const match = ORGANISATION_REFERRALS.exec(route);
  if (!match) continue;
  CASES[`${match[1]} /api/engagements/referrals${match[2] ?? ''}`] = {
    ...routeCase,
    async request(s) {
      const request = await routeCase.request(s);
      const organisationId = s.organisation.organisation.id;
      const url = new URL(
        request.url.replace(orgUrl(s, '/engagements/referrals'), '/api/engagements/referrals'),
        'http://localhost',
      );
      url.searchParams.set('organisationId', organisationId);
      return { ...request, url: `${url.pathname}${url.search}` };
    },
  };
}

/** Sends one request as `actor` and says what was wrong with the answer, if anything. */
async function check(
  routeCase: RouteCase,
  label: string,
  actor: ActorName,
  expected: Outcome,
  scope: Omit<Scope, 'actor'>,
): Promise<string | null> {
  const s: Scope = { actor, ...scope };
  let who = person(actor);
  if (who && routeCase.freshSession) {
    const issued = await signIn(
      ctx.deps.account,
      { email: who.user.email, password: PASSWORD },
      { ip: '127.0.0.1' },
    );
    who = { ...who, token: issued.token, csrfToken: issued.session.csrfToken };
  }
  const request = await routeCase.request(s);
  const response = await as(ctx.app, who).send(
    request.method,
    request.url,
    request.body,
    request.headers,
  );
  const where = `${actor} on ${label}`;
  const status = response.statusCode;
  if (request.method === 'GET') {
    // Fastify answers HEAD with the GET route; it must not be a way around its checks.
    const head = await as(ctx.app, who).send('HEAD', request.url, undefined, request.headers);
    if (head.statusCode !== status) return `${where}: HEAD got ${head.statusCode}, GET ${status}`;
  }
  if (expected === OK) {
    if (status < 200 || status > 299)
      return `${where}: expected 2xx, got ${status} ${response.body}`;
    try {
      routeCase.verify?.(response, s);
    } catch (error) {
      return `${where}: 2xx but ${(error as Error).message}`;
    }
    return null;
  }
  if (status !== expected) return `${where}: expected ${expected}, got ${status} ${response.body}`;
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    return `${where}: ${status} is not application/problem+json`;
  }
  const code = json<{ code?: string }>(response).code;
  const wanted = routeCase.codes?.[expected] ?? CODE_OF[expected];
  if (code !== wanted) return `${where}: expected code ${wanted}, got ${code}`;
  return null;
}

describe('authorization (QUALITY R1)', () => {
  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    const target = (
      organisation: OrganisationRecord,
      member: SeededPerson,
      roles: Role[],
      owner: SeededPerson | null = null,
    ): Target => ({
      organisation,
      member: { id: member.user.id, roles },
      newcomerRole: roles[0]!,
      owner,
      offerId: randomUUID(),
      documentId: randomUUID(),
      contactId: randomUUID(),
      submission: {
        offerId: randomUUID(),
        id: randomUUID(),
        versionId: randomUUID(),
        documentId: randomUUID(),
      },
    });
    targets = {
      vendor: target(world.vendor, world.seller, ['seller']),
      partnerA: target(
        world.partnerA.organisation,
        world.partnerA.viewer,
        ['viewer'],
        world.partnerA.owner,
      ),
      partnerB: target(
        world.partnerB.organisation,
        world.partnerB.viewer,
        ['viewer'],
        world.partnerB.owner,
      ),
      reseller: target(world.reseller.organisation, world.reseller.member, ['member']),
    };
    // Each partner's shared offer, with a document and a contact the read cases look for.
    for (const t of [targets.partnerA, targets.partnerB]) {
      t.offerId = await freshOffer(t);
      const shared = await as(ctx.app, t.owner).post(
        `${offersOf(t)}/${t.offerId}/documents?kind=customer-case-study&fileName=case.pdf`,
        samplePdf(),
      );
      t.documentId = json<{ document: { id: string } }>(shared).document.id;
      const contact = await as(ctx.app, t.owner).post(
        `${offersOf(t)}/${t.offerId}/contacts`,
        contactBody(`shared@${t.organisation.id}.authz.test`),
      );
      t.contactId = json<{ contact: { id: string } }>(contact).contact.id;
    }
    const program = json<{ activePolicy: string; taxonomy: typeof taxonomy }>(
      await as(ctx.app, world.admin).get('/api/program'),
    );
    taxonomy = program.taxonomy;
    activePolicy = program.activePolicy;
    for (const t of [targets.partnerA, targets.partnerB]) {
      // The profile field the profile cases set again, already set.
      const profile = await as(ctx.app, t.owner).patch(
        `/api/organisations/${t.organisation.id}/program-profile`,
        { businessProfileComplete: true },
        { 'if-match': '*' },
      );
      expect(profile.statusCode, profile.body).toBe(200);
      // Each partner's shared submission in review, for the review and version cases.
      const { offerId, submissionId, versionId, documentId } = await freshSubmission(
        t,
        'in-review',
      );
      t.submission = { offerId, id: submissionId, versionId, documentId };
    }
    // A live offer of partner A, for the storefront; its approval notified the manager too.
    const live = await freshSubmission(targets.partnerA, 'preview');
    const goLive = await as(ctx.app, world.partnerA.owner).post(
      `${offersOf(targets.partnerA)}/${live.offerId}/submissions/${live.submissionId}/go-live`,
    );
    expect(goLive.statusCode, goLive.body).toBe(200);
    await drain();
    liveOfferId = live.offerId;
    managerNotificationIds = json<{ items: { id: string }[] }>(
      await as(ctx.app, world.partnerA.manager).get('/api/notifications?unread=true'),
    ).items.map((n) => n.id);
    expect(managerNotificationIds.length).toBeGreaterThan(0);
  });
  afterAll(() => ctx.close());

  it('has a case for every registered route and no case for a route that is gone', () => {
    const registered = ctx.app.registeredRoutes.map((r) => `${r.method} ${r.url}`).sort();
    const tabled = Object.keys(CASES).sort();
    expect(registered.length).toBeGreaterThan(0);
    expect(
      registered.filter((r) => !tabled.includes(r)),
      'routes without a case in CASES',
    ).toEqual([]);
    expect(
      tabled.filter((t) => !registered.includes(t)),
      'cases for routes that are not registered',
    ).toEqual([]);
  });

  it('states each route access as registered, and public only where the table says so', () => {
    for (const route of ctx.app.registeredRoutes) {
      expect(CASES[`${route.method} ${route.url}`]?.access, `${route.method} ${route.url}`).toBe(
        route.access,
      );
    }
  });

  it('never expects 403 on another tenant, and only the program staff cross tenants', () => {
    for (const [route, c] of Object.entries(CASES)) {
      const rows =
        'expect' in c
          ? [c.expect]
          : [c.own, c.other, c.otherPartner ?? c.other, c.foreignChild ?? c.own];
      if (c.access === 'user') {
        for (const r of rows) expect(r.anonymous, `${route}: anonymous`).toBe(401);
      }
      if ('other' in c) {
        for (const [outcomes, staff] of [
          // The program admin administers other organisations; the reviewer reaches partners
          // only, and only where the route says so.
          [c.other, ['programAdmin']],
          [c.otherPartner ?? c.other, ['programAdmin', 'vendorReviewer']],
        ] as const) {
          for (const actor of ACTORS) {
            const allowed: Outcome[] =
              actor === 'anonymous'
                ? [401]
                : (staff as readonly ActorName[]).includes(actor)
                  ? [OK, 404]
                  : [404];
            // A refusal of the route itself, the same as on one's own organisation.
            if (c.vendorPermissionFirst && c.own[actor] === 403) allowed.push(403);
            if (c.staffSeeButMayNotWrite && staff.includes(actor as never)) allowed.push(403);
            expect(allowed, `${route}: ${actor} on another tenant's object`).toContain(
              outcomes[actor],
            );
          }
        }
      }
    }
  });

  for (const [route, routeCase] of Object.entries(CASES)) {
    it(route, async () => {
      const problems: string[] = [];
      for (const actor of ACTORS) {
        if ('expect' in routeCase) {
          const home = homeOf(actor);
          const problem = await check(routeCase, 'the route', actor, routeCase.expect[actor], {
            organisation: home,
            child: home,
          });
          if (problem) problems.push(problem);
          continue;
        }
        const home = homeOf(actor);
        const other = targets.partnerB;
        const scopes: [string, Outcome, Omit<Scope, 'actor'>][] = [
          ['own object', routeCase.own[actor], { organisation: home, child: home }],
          // Every other tenant: the other partner, and the vendor or the reseller as the case may be.
          ...Object.values(targets)
            .filter((t) => t !== home)
            .map((t): [string, Outcome, Omit<Scope, 'actor'>] => [
              `another tenant's object (${t.organisation.name})`,
              (t.organisation.kind === 'partner' && routeCase.otherPartner
                ? routeCase.otherPartner
                : routeCase.other)[actor],
              { organisation: t, child: t },
            ]),
        ];
        if (routeCase.foreignChild) {
          scopes.push([
            "own organisation with another tenant's sub-object",
            routeCase.foreignChild[actor],
            { organisation: home, child: other },
          ]);
        }
        for (const [label, expected, scope] of scopes) {
          const problem = await check(routeCase, label, actor, expected, scope);
          if (problem) problems.push(problem);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('shows on the storefront only what is live: any other offer answers 404 to everyone', async () => {
    const problems: string[] = [];
    for (const actor of ACTORS) {
      for (const offerId of [
        targets.partnerA.offerId,
        targets.partnerB.submission.offerId,
        randomUUID(),
      ]) {
        const response = await as(ctx.app, person(actor)).get(`/api/storefront/offers/${offerId}`);
        if (response.statusCode !== 404 || json(response).code !== 'NOT_FOUND') {
          problems.push(`${actor} on ${offerId}: got ${response.statusCode} ${response.body}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('left the shared world as it found it', async () => {
    // Fresh members and invitations were added on purpose; the seeded people and names remain.
    const rolesIn = async (organisation: OrganisationRecord) =>
      json<{ items: { user: { email: string }; roles: string[] }[] }>(
        await as(ctx.app, world.admin).get(`/api/organisations/${organisation.id}/members`),
      ).items.map((m) => `${m.user.email}:${m.roles.join('+')}`);
    expect(await rolesIn(world.vendor)).toEqual(
      expect.arrayContaining([
        'admin@vendor.test:program-admin',
        'reviewer@vendor.test:reviewer',
        'seller@vendor.test:seller',
      ]),
    );
    expect(await rolesIn(world.partnerA.organisation)).toEqual(
      expect.arrayContaining([
        'manager@a.test:manager',
        'owner@a.test:owner',
        'viewer@a.test:viewer',
      ]),
    );
    expect(await rolesIn(world.partnerB.organisation)).toEqual(
      expect.arrayContaining(['owner@b.test:owner', 'viewer@b.test:viewer']),
    );
    expect(await rolesIn(world.reseller.organisation)).toEqual(
      expect.arrayContaining(['member@r.test:member']),
    );
    for (const organisation of [
      world.vendor,
      world.partnerA.organisation,
      world.partnerB.organisation,
      world.reseller.organisation,
    ]) {
      const found = json(
        await as(ctx.app, world.admin).get(`/api/organisations/${organisation.id}`),
      );
      expect(found.name).toBe(organisation.name);
    }
    // The policy, the partners' profiles and the clock are as they were; nobody read the
    // manager's notifications for them.
    expect(json(await as(ctx.app, world.admin).get('/api/program')).activePolicy).toBe(
      activePolicy,
    );
    for (const partner of [world.partnerA, world.partnerB]) {
      const profile = json(
        await as(ctx.app, partner.owner).get(
          `/api/organisations/${partner.organisation.id}/program-profile`,
        ),
      );
      expect(profile).toMatchObject({ businessProfileComplete: true, partnerId: null });
    }
    expect(json(await as(ctx.app, world.admin).get('/api/system/clock')).offsetDays).toBe(0);
    const unread = json<{ items: { id: string }[] }>(
      await as(ctx.app, world.partnerA.manager).get('/api/notifications?unread=true&limit=200'),
    ).items.map((n) => n.id);
    expect(unread).toEqual(expect.arrayContaining(managerNotificationIds));
    // Every seeded session still works: no case signed anyone out by accident.
    for (const actor of ACTORS.filter((a) => a !== 'anonymous')) {
      expect((await as(ctx.app, person(actor)).get('/api/session')).statusCode, actor).toBe(200);
    }
  });
});
