/**
 * Builders for service tests: actors as a request loads them, and records written straight into
 * the fakes' committed state (the "given" of a test), with defaults that make sense.
 */
import type { Actor } from '../accounts/access';
import type {
  MembershipWithOrganisation,
  OrganisationRecord,
  UserRecord,
} from '../accounts/accounts.ports';
import type { OrganisationKind, Role } from '../accounts/accounts.types';
import type { ContactInput } from '../contacts/contact';
import type { ContactRecord } from '../contacts/contacts.ports';
import type { DocumentRecord } from '../documents/documents.ports';
import { createEventSink, type DomainEvent } from '../events/events';
import type { JobContext } from '../jobs/job';
import type { JobRecord } from '../jobs/jobs.ports';
import { EMPTY_COSELL_DRAFT, type CosellDraft, type OfferRecord } from '../offers/offer';
import type { PolicyId } from '../program/policies';
import type { ProgramRecord } from '../program/program.ports';
import { sampleTaxonomy } from '../program/taxonomy';
import { EMPTY_PROFILE, type ProgramProfileRecord } from '../profiles/profile';
import type {
  OfferSnapshot,
  OfferVersionRecord,
  ReviewRecord,
  SubmissionRecord,
} from '../publishing/publication';
import type { DocumentKindId } from '../reference/documents';
import type { Fakes } from './fakes';

const copy = <T>(value: T): T => structuredClone(value);

/** The actor of a signed-in user, with their memberships as they are in the state now. */
export function actorOf(fakes: Fakes, userId: string, sessionId: string | null = null): Actor {
  const memberships: MembershipWithOrganisation[] = fakes.state.memberships
    .filter((m) => m.userId === userId)
    .map((m) => ({
      ...copy(m),
      organisation: copy(fakes.state.organisations.find((o) => o.id === m.organisationId)!),
    }));
  return { userId, sessionId: sessionId ?? `session-of-${userId}`, memberships };
}

export function addOrganisation(
  fakes: Fakes,
  kind: OrganisationKind,
  name: string,
): OrganisationRecord {
  const record: OrganisationRecord = {
    id: fakes.id(),
    kind,
    name,
    createdAt: fakes.clock.now(),
    version: 1,
  };
  fakes.state.organisations.push(record);
  return copy(record);
}

export function addUser(
  fakes: Fakes,
  user: Partial<Omit<UserRecord, 'id' | 'passwordHash'>> & { password?: string } = {},
): UserRecord {
  const id = fakes.id();
  const { password = 'correct horse battery', ...rest } = user;
  const record: UserRecord = {
    id,
    email: `user-${id.slice(-4)}@example.com`,
    name: `User ${id.slice(-4)}`,
    passwordHash: `hash(${password})`,
    locale: 'en',
    disabledAt: null,
    mutedNotificationKinds: [],
    createdAt: fakes.clock.now(),
    version: 1,
    ...rest,
  };
  fakes.state.users.push(record);
  return copy(record);
}

/** A new person holding `roles` in `organisation`; returns their actor. */
export function addMember(
  fakes: Fakes,
  organisation: OrganisationRecord,
  roles: Role[],
  user: Parameters<typeof addUser>[1] = {},
): Actor {
  const person = addUser(fakes, user);
  addMembership(fakes, organisation, person.id, roles);
  return actorOf(fakes, person.id);
}

export function addMembership(
  fakes: Fakes,
  organisation: OrganisationRecord,
  userId: string,
  roles: Role[],
) {
  fakes.state.memberships.push({
    organisationId: organisation.id,
    userId,
    roles,
    createdAt: fakes.clock.now(),
    version: 1,
  });
}

export function addProgram(
  fakes: Fakes,
  vendor: OrganisationRecord,
  program: Partial<Omit<ProgramRecord, 'organisationId'>> & { activePolicy?: PolicyId } = {},
): ProgramRecord {
  const record: ProgramRecord = {
    organisationId: vendor.id,
    activePolicy: '2021-09',
    taxonomy: sampleTaxonomy(),
    taxonomyIsSample: true,
    contactEmail: null,
    policyChosenAt: null,
    updatedAt: fakes.clock.now(),
    version: 1,
    ...program,
  };
  fakes.state.programs.push(record);
  return copy(record);
}

export function addOffer(
  fakes: Fakes,
  organisationId: string,
  offer: Partial<Omit<OfferRecord, 'organisationId'>> = {},
): OfferRecord {
  const id = offer.id ?? fakes.id();
  const record: OfferRecord = {
    organisationId,
    id,
    name: 'Contoso Analytics',
    alias: `offer-${id.slice(-4)}`,
    offerType: 'saas',
    summary: 'Analytics for everyone',
    description: '',
    markets: ['US'],
    transactable: false,
    pricedAboveZero: false,
    cspOptIn: false,
    lifecycleState: 'draft',
    cosell: copy(EMPTY_COSELL_DRAFT),
    archivedAt: null,
    createdAt: fakes.clock.now(),
    updatedAt: fakes.clock.now(),
    version: 1,
    contactsVersion: 1,
    draftVersion: 1,
    draftChanges: {},
    publishStatus: 'draft',
    liveVersionId: null,
    ...offer,
  };
  fakes.state.offers.push(record);
  return copy(record);
}

export function addDocument(
  fakes: Fakes,
  offer: Pick<OfferRecord, 'organisationId' | 'id'>,
  kind: DocumentKindId,
  document: Partial<DocumentRecord> = {},
): DocumentRecord {
  const id = document.id ?? fakes.id();
  const record: DocumentRecord = {
    organisationId: offer.organisationId,
    offerId: offer.id,
    id,
    kind,
    fileName: `${kind}.pdf`,
    contentType: 'application/pdf',
    sizeBytes: 1000,
    sha256: `sha-${id.slice(-4)}`,
    blobKey: `org/${offer.organisationId}/offer/${offer.id}/${id}`,
    uploadedBy: null,
    uploadedAt: fakes.clock.now(),
    version: 1,
    ...document,
  };
  fakes.state.documents.push(record);
  return copy(record);
}

/** A Partner sales contact for the US unless told otherwise. */
export function contactInput(contact: Partial<ContactInput> = {}): ContactInput {
  return {
    name: 'Ann Seller',
    email: 'ann@contoso.example',
    jobTitle: 'Account executive',
    role: 'partner-sales',
    countries: ['US'],
    states: [],
    ...contact,
  };
}

export function addContact(
  fakes: Fakes,
  offer: Pick<OfferRecord, 'organisationId' | 'id'>,
  contact: Partial<ContactInput> & { version?: number } = {},
): ContactRecord {
  const { version = 1, ...input } = contact;
  const position =
    Math.max(
      0,
      ...fakes.state.contacts
        .filter((c) => c.organisationId === offer.organisationId && c.offerId === offer.id)
        .map((c) => c.position),
    ) + 1;
  const record: ContactRecord = {
    organisationId: offer.organisationId,
    offerId: offer.id,
    id: fakes.id(),
    position,
    version,
    ...contactInput(input),
  };
  fakes.state.contacts.push(record);
  return copy(record);
}

export function addProfile(
  fakes: Fakes,
  organisationId: string,
  profile: Partial<Omit<ProgramProfileRecord, 'organisationId'>> = {},
): ProgramProfileRecord {
  const record: ProgramProfileRecord = {
    organisationId,
    ...EMPTY_PROFILE,
    provenance: {},
    updatedAt: fakes.clock.now(),
    version: 1,
    ...profile,
  };
  fakes.state.profiles = [
    ...fakes.state.profiles.filter((p) => p.organisationId !== organisationId),
    record,
  ];
  return copy(record);
}

/** The profile facts co-sell ready needs (PartnerID, marketplace account, business profile). */
export const READY_PROFILE = {
  partnerId: '1234567',
  marketplaceAccountActive: true,
  businessProfileComplete: true,
} as const;

/** A listing that the sample taxonomy and the 2021-09 policy accept as complete. */
export const COMPLETE_DRAFT: CosellDraft = {
  listing: {
    platforms: ['azure'],
    segments: ['enterprise'],
    solutionType: 'ip',
    solutionAreas: [{ areaId: 'data-ai', subAreaIds: ['analytics'] }],
  },
  landingPageUrl: 'https://contoso.example/analytics',
};

/**
 * An offer whose co-sell tab meets every checklist item of the 2021-09 policy: a complete
 * listing, one-pager and pitch deck, a Partner sales contact for its market.
 */
export function addReadyOffer(
  fakes: Fakes,
  organisationId: string,
  offer: Partial<Omit<OfferRecord, 'organisationId'>> = {},
  extraDocuments: DocumentKindId[] = [],
): OfferRecord {
  const record = addOffer(fakes, organisationId, { cosell: copy(COMPLETE_DRAFT), ...offer });
  for (const kind of ['one-pager', 'pitch-deck', ...extraDocuments] as DocumentKindId[]) {
    addDocument(fakes, record, kind);
  }
  addContact(fakes, record);
  return record;
}

/** The offer's draft as a published version would keep it. */
export function snapshotOf(fakes: Fakes, offer: OfferRecord): OfferSnapshot {
  const documents = fakes.state.documents.filter(
    (d) => d.organisationId === offer.organisationId && d.offerId === offer.id,
  );
  const contacts = fakes.state.contacts.filter(
    (c) => c.organisationId === offer.organisationId && c.offerId === offer.id,
  );
  return copy({
    fields: {
      name: offer.name,
      alias: offer.alias,
      offerType: offer.offerType,
      summary: offer.summary,
      description: offer.description,
      markets: offer.markets,
      transactable: offer.transactable,
      pricedAboveZero: offer.pricedAboveZero,
      cspOptIn: offer.cspOptIn,
    },
    cosell: offer.cosell,
    documents: documents.map(({ id, kind, fileName, contentType, sizeBytes, sha256, blobKey }) => ({
      id,
      kind,
      fileName,
      contentType,
      sizeBytes,
      sha256,
      blobKey,
    })),
    contacts: contacts.map(({ name, email, jobTitle, role, countries, states }) => ({
      name,
      email,
      jobTitle,
      role,
      countries,
      states,
    })),
  });
}

export function addVersion(
  fakes: Fakes,
  offer: OfferRecord,
  snapshot: OfferSnapshot = snapshotOf(fakes, offer),
): OfferVersionRecord {
  const number =
    Math.max(
      0,
      ...fakes.state.versions
        .filter((v) => v.organisationId === offer.organisationId && v.offerId === offer.id)
        .map((v) => v.number),
    ) + 1;
  const record: OfferVersionRecord = {
    organisationId: offer.organisationId,
    offerId: offer.id,
    id: fakes.id(),
    number,
    snapshot,
    createdBy: null,
    createdAt: fakes.clock.now(),
  };
  fakes.state.versions.push(record);
  return copy(record);
}

export function addSubmission(
  fakes: Fakes,
  offer: OfferRecord,
  version: OfferVersionRecord,
  submission: Partial<SubmissionRecord> = {},
): SubmissionRecord {
  const record = {
    organisationId: offer.organisationId,
    id: fakes.id(),
    offerId: offer.id,
    versionId: version.id,
    sections: ['offer-setup', 'cosell'] as SubmissionRecord['sections'],
    state: 'validating' as SubmissionRecord['state'],
    problems: [],
    offerWasLive: offer.liveVersionId !== null,
    submittedBy: null,
    submittedAt: fakes.clock.now(),
    review: null,
    updatedAt: fakes.clock.now(),
    version: 1,
    ...submission,
  };
  fakes.state.submissions.push({ ...record, seq: fakes.seq() });
  return copy(record);
}

/** An approving review (technical validation passed, revenue verified). */
export function approvedReview(fakes: Fakes, review: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    reviewerId: 'reviewer',
    decision: 'approve',
    report: '',
    technicalValidation: 'passed',
    revenueVerified: true,
    decidedAt: fakes.clock.now(),
    ...review,
  };
}

/**
 * Makes the offer live: its draft becomes version 1, published after an approving review (or
 * `review`, or none with null), and the offer row points at it.
 */
export function publishOffer(
  fakes: Fakes,
  offer: OfferRecord,
  review: ReviewRecord | null = approvedReview(fakes),
): { offer: OfferRecord; version: OfferVersionRecord } {
  const version = addVersion(fakes, offer);
  addSubmission(fakes, offer, version, { state: 'published', review });
  const row = fakes.state.offers.find(
    (o) => o.organisationId === offer.organisationId && o.id === offer.id,
  )!;
  Object.assign(row, {
    liveVersionId: version.id,
    lifecycleState: 'live',
    publishStatus: 'live',
  });
  return { offer: copy(row), version };
}

/**
 * The usual cast: the vendor with its program (2021-09, sample taxonomy), a program admin, a
 * reviewer and a seller; the partner Contoso with an owner, a manager, a contributor and a
 * viewer; another partner, Fabrikam, with its owner; and a reseller with a member.
 */
export function seedProgram(fakes: Fakes, program: Parameters<typeof addProgram>[2] = {}) {
  const vendor = addOrganisation(fakes, 'vendor', 'Northwind Program');
  addProgram(fakes, vendor, program);
  const partner = addOrganisation(fakes, 'partner', 'Contoso');
  const other = addOrganisation(fakes, 'partner', 'Fabrikam');
  const reseller = addOrganisation(fakes, 'reseller', 'Litware Resale');
  return {
    vendor,
    partner,
    other,
    reseller,
    programAdmin: addMember(fakes, vendor, ['program-admin'], { name: 'Pat Admin' }),
    reviewer: addMember(fakes, vendor, ['reviewer'], { name: 'Rey Reviewer' }),
    seller: addMember(fakes, vendor, ['seller'], { name: 'Sam Seller' }),
    owner: addMember(fakes, partner, ['owner'], { name: 'Olive Owner' }),
    manager: addMember(fakes, partner, ['manager'], { name: 'Max Manager' }),
    contributor: addMember(fakes, partner, ['contributor'], { name: 'Cory Contributor' }),
    viewer: addMember(fakes, partner, ['viewer'], { name: 'Vic Viewer' }),
    otherOwner: addMember(fakes, other, ['owner'], { name: 'Fay Fabrikam' }),
    resellerMember: addMember(fakes, reseller, ['member'], { name: 'Rhea Reseller' }),
  };
}

/** The committed outbox events without their dispatch mark, for `toEqual` assertions. */
export function eventsOf(fakes: Fakes): DomainEvent[] {
  return fakes.state.events.map(
    ({ dispatchedAt: _dispatchedAt, ...event }) => event as DomainEvent,
  );
}

/**
 * Runs `work` as the job worker runs a job: in one transaction (scoped to the job's
 * organisation, or program staff for a program-wide job) with a job context whose events go to
 * the outbox when the work succeeds, as the system.
 */
export function runInJob<T>(
  fakes: Fakes,
  job: Partial<JobRecord> & Pick<JobRecord, 'kind'>,
  work: (ctx: JobContext) => Promise<T>,
): Promise<T> {
  const record: JobRecord = {
    id: fakes.id(),
    payload: {},
    organisationId: null,
    runAt: fakes.clock.now(),
    attempts: 1,
    maxAttempts: 5,
    lockedBy: 'worker-test',
    lockedUntil: null,
    lastError: null,
    doneAt: null,
    createdAt: fakes.clock.now(),
    ...job,
  };
  return fakes.uow.run(
    async (tx) => {
      const sink = createEventSink({
        actor: { kind: 'system', id: null },
        requestId: null,
        now: () => fakes.clock.now(),
        newId: fakes.newId,
      });
      const result = await work({
        tx,
        clock: fakes.clock,
        job: record,
        mailer: fakes.mailer,
        blobs: fakes.blobs,
        wallClock: fakes.clock,
        appUrl: 'https://cosell.example',
        emit: sink.emit,
      });
      await tx.outbox.appendEvents(sink.drain());
      return result;
    },
    record.organisationId ? { organisationIds: [record.organisationId] } : { programStaff: true },
  );
}
