/**
 * Factories that build organisations and people through the real use cases. The tests and
 * `cosell seed --demo` share them, so the demo is exactly what the tests exercise.
 */
import {
  acceptInvitation,
  completeSetup,
  createOrganisation,
  inviteMember,
  type Actor,
  type Locale,
  type OrganisationKind,
  type OrganisationRecord,
  type Role,
  type UserRecord,
} from '@cosell/core';
import type { AppDeps } from '../deps';
import { seedDemoOffers, type DemoActors } from './demo-offers';
import { seedDemoReferrals } from './demo-referrals';

const ORIGIN = { ip: '127.0.0.1', userAgent: 'cosell-factory' };

export interface PersonInput {
  email: string;
  name: string;
  password: string;
  roles: Role[];
  locale?: Locale;
}

export interface SeededPerson {
  user: UserRecord;
  password: string;
  /** A live session token, usable as the session cookie. */
  token: string;
  csrfToken: string;
}

async function actorFor(deps: AppDeps, userId: string): Promise<Actor> {
  const memberships = await deps.account.uow.run(
    (tx) => tx.memberships.listMembershipsOfUser(userId),
    {
      userId,
    },
  );
  return { userId, sessionId: null, memberships };
}

/** Sets up the installation: the vendor organisation and its first program admin. */
export async function createVendor(
  deps: AppDeps,
  input: { name: string; admin: Omit<PersonInput, 'roles'> },
): Promise<{ organisation: OrganisationRecord; admin: SeededPerson }> {
  const issued = await completeSetup(
    deps.account,
    {
      organisationName: input.name,
      name: input.admin.name,
      email: input.admin.email,
      password: input.admin.password,
      locale: input.admin.locale ?? 'en',
    },
    ORIGIN,
  );
  const organisation = (await deps.account.uow.run((tx) =>
    tx.organisations.findVendorOrganisation(),
  ))!;
  return {
    organisation,
    admin: {
      user: issued.user,
      password: input.admin.password,
      token: issued.token,
      csrfToken: issued.session.csrfToken,
    },
  };
}

/** Invites `person` into `organisationId` as `inviter` and accepts the invitation. */
export async function addPerson(
  deps: AppDeps,
  inviterUserId: string,
  organisationId: string,
  person: PersonInput,
): Promise<SeededPerson> {
  const inviter = await actorFor(deps, inviterUserId);
  const { token } = await inviteMember(deps.account, inviter, organisationId, {
    email: person.email,
    roles: person.roles,
  });
  const issued = await acceptInvitation(
    deps.account,
    token,
    { name: person.name, password: person.password, locale: person.locale ?? 'en' },
    ORIGIN,
  );
  return {
    user: issued.user,
    password: person.password,
    token: issued.token,
    csrfToken: issued.session.csrfToken,
  };
}

/** Creates a partner or reseller organisation (as a program admin) with its people. */
export async function createOrganisationWithPeople(
  deps: AppDeps,
  programAdminUserId: string,
  input: { kind: Exclude<OrganisationKind, 'vendor'>; name: string; people: PersonInput[] },
): Promise<{ organisation: OrganisationRecord; people: SeededPerson[] }> {
  const admin = await actorFor(deps, programAdminUserId);
  const organisation = await createOrganisation(deps.account, admin, {
    kind: input.kind,
    name: input.name,
  });
  const people: SeededPerson[] = [];
  for (const person of input.people)
    people.push(await addPerson(deps, programAdminUserId, organisation.id, person));
  return { organisation, people };
}

export const DEMO_PASSWORD = 'cosell-demo-2026';

/**
 * Builds the demo program: the vendor "Microsoft", three partners and a reseller, with people,
 * and offers in each stage (live with a co-sell status, in review, draft).
 */
export async function seedDemo(deps: AppDeps) {
  const person = (email: string, name: string, roles: Role[]): PersonInput => ({
    email,
    name,
    roles,
    password: DEMO_PASSWORD,
  });
  const vendor = await createVendor(deps, {
    name: 'Microsoft',
    admin: { email: 'admin@microsoft.example', name: 'Morgan Admin', password: DEMO_PASSWORD },
  });
  const adminId = vendor.admin.user.id;
  const reviewer = await addPerson(
    deps,
    adminId,
    vendor.organisation.id,
    person('reviewer@microsoft.example', 'Riley Reviewer', ['reviewer']),
  );
  const seller = await addPerson(
    deps,
    adminId,
    vendor.organisation.id,
    person('seller@microsoft.example', 'Sam Seller', ['seller']),
  );
  const partners = [
    { name: 'Contoso Analytics', domain: 'contoso.example' },
    { name: 'Fabrikam Security', domain: 'fabrikam.example' },
    { name: 'Northwind Data', domain: 'northwind.example' },
  ];
  const seededPartners: DemoActors['partners'] = [];
  for (const partner of partners) {
    const created = await createOrganisationWithPeople(deps, adminId, {
      kind: 'partner',
      name: partner.name,
      people: [
        person(`owner@${partner.domain}`, `${partner.name.split(' ')[0]} Owner`, ['owner']),
        person(`manager@${partner.domain}`, `${partner.name.split(' ')[0]} Manager`, [
          'manager',
          'referrals-admin',
        ]),
        person(`viewer@${partner.domain}`, `${partner.name.split(' ')[0]} Viewer`, ['viewer']),
      ],
    });
    seededPartners.push({
      organisationId: created.organisation.id,
      owner: await actorFor(deps, created.people[0]!.user.id),
      name: partner.name,
      domain: partner.domain,
    });
  }
  await createOrganisationWithPeople(deps, adminId, {
    kind: 'reseller',
    name: 'Adatum Cloud Resellers',
    people: [person('member@adatum.example', 'Adatum Member', ['member'])],
  });
  await seedDemoOffers(deps, {
    admin: await actorFor(deps, adminId),
    reviewer: await actorFor(deps, reviewer.user.id),
    partners: seededPartners,
  });
  await seedDemoReferrals(deps, {
    seller: await actorFor(deps, seller.user.id),
    vendorId: vendor.organisation.id,
    partners: seededPartners.map((p) => ({ ...p, owner: p.owner })),
  });
  await deps.jobs.drain();
  return {
    password: DEMO_PASSWORD,
    accounts: [
      'admin@microsoft.example (program admin)',
      'reviewer@microsoft.example (reviewer)',
      'seller@microsoft.example (seller)',
      ...partners.flatMap((p) => [
        `owner@${p.domain} (${p.name}, owner)`,
        `manager@${p.domain}`,
        `viewer@${p.domain}`,
      ]),
      'member@adatum.example (Adatum Cloud Resellers, reseller)',
    ],
  };
}
