/**
 * The database schema. Two kinds of table:
 * - tenant tables carry `organisation_id` first in their primary key and in every foreign key
 *   to another tenant table (QUALITY S1), so the schema can be distributed by tenant;
 * - global tables (users, sessions, login throttling) are listed in GLOBAL_TABLES with why.
 * A schema lint test enforces both.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** The tenant root: the vendor running the program, its partners and resellers. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['vendor', 'partner', 'reseller'] }).notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('organisations_name_key').on(sql`lower(${t.name})`),
    // Only one vendor organisation runs the program of an installation.
    uniqueIndex('organisations_one_vendor_key')
      .on(t.kind)
      .where(sql`${t.kind} = 'vendor'`),
  ],
);

/** People. Global: one person may belong to several organisations. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /**
     * `person`, or `service`: the principal of a service API token (ADR 013), which has no
     * password and never signs in.
     */
    kind: text('kind', { enum: ['person', 'service'] })
      .notNull()
      .default('person'),
    locale: text('locale').notNull().default('en'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Notification kinds the person does not want (in the app and by e-mail). */
    mutedNotificationKinds: text('muted_notification_kinds')
      .array()
      .notNull()
      .default(sql`'{}'`),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

/** Who belongs to which organisation, with which roles. */
export const memberships = pgTable(
  'memberships',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roles: text('roles').array().notNull(),
    /**
     * A referrals admin's location scope: the customer countries whose deals they see and work
     * (null: the whole company).
     */
    referralCountries: text('referral_countries').array(),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
  ],
);

/** Invitations by link. Only the sha256 of the token is stored. */
export const invitations = pgTable(
  'invitations',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    email: text('email').notNull(),
    roles: text('roles').array().notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
  ],
);

/** Program data of the vendor organisation: active policy and the editable taxonomy. */
export const programs = pgTable('programs', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  activePolicy: text('active_policy').notNull().default('2021-09'),
  taxonomy: jsonb('taxonomy').notNull(),
  taxonomyIsSample: boolean('taxonomy_is_sample').notNull().default(true),
  /** Whom partners contact about requirements the program sets (null: not configured yet). */
  contactEmail: text('contact_email'),
  /** When a program admin last chose (or confirmed) the active policy; null: never. */
  policyChosenAt: timestamp('policy_chosen_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** Server-side sessions. `id` is the sha256 of the cookie token; the token itself is never stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    activeOrganisationId: uuid('active_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * "Forgot password?" links: the sha256 of the token (the link holds the token, never stored),
 * whose account it resets, until when, and when it was used (once). Global like sessions: the
 * link's bearer is not signed in.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    index('password_resets_user_idx').on(t.userId),
    index('password_resets_expires_idx').on(t.expiresAt),
  ],
);

/** Sign-in throttling counters, kept in the database so every instance shares them. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** Audit trail of mutations, per organisation. */
export const auditLog = pgTable(
  'audit_log',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The API token the change came with (ADR 013); null for a session or the system. */
    actorTokenId: uuid('actor_token_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('audit_log_org_at_idx').on(t.organisationId, t.at),
  ],
);

/**
 * Idempotency keys of creating requests (ADR 005), per calling user, kept 24 hours. The key is
 * stored as its sha256 and the answer sealed with a key derived from it, so a copy of the
 * database yields neither the keys nor secrets in answers (invitation links).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    keyHash: text('key_hash').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    /** The request holding the key while it runs; completing or releasing must name it. */
    claimId: uuid('claim_id').notNull(),
    /** Null while the request is in flight. */
    responseStatus: integer('response_status'),
    /** content-type, etag and location of the answer. */
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    /** The sealed answer body (AES-256-GCM, base64url). */
    responseBody: text('response_body'),
    // Times come from the application clock: the 24 hours are measured on it.
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.keyHash] }),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
  ],
);

/** A publisher's marketplace offer with its co-sell draft (listing and landing page). */
export const offers = pgTable(
  'offers',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    alias: text('alias').notNull(),
    offerType: text('offer_type').notNull(),
    summary: text('summary').notNull().default(''),
    description: text('description').notNull().default(''),
    markets: text('markets')
      .array()
      .notNull()
      .default(sql`'{}'`),
    transactable: boolean('transactable').notNull().default(false),
    pricedAboveZero: boolean('priced_above_zero').notNull().default(false),
    cspOptIn: boolean('csp_opt_in').notNull().default(false),
    lifecycleState: text('lifecycle_state').notNull().default('draft'),
    /** Draft, publish in progress, attention needed, preview or live (set by publishing). */
    publishStatus: text('publish_status').notNull().default('draft'),
    /** The published version (offer_versions.id) buyers and sellers see, once live. */
    liveVersionId: uuid('live_version_id'),
    /** The co-sell draft: listing and product landing page (validated by core on save). */
    cosell: jsonb('cosell').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
    contactsVersion: integer('contacts_version').notNull().default(1),
    /** The whole co-sell draft's version: fields, listing, documents and contacts bump it. */
    draftVersion: integer('draft_version').notNull().default(1),
    /** The draft version at which each part last changed: { fields, listing, documents, contacts }. */
    draftChanges: jsonb('draft_changes').notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('offers_alias_key').on(t.organisationId, sql`lower(${t.alias})`),
    index('offers_org_updated_idx').on(t.organisationId, t.updatedAt),
  ],
);

/** Co-sell documents of an offer; the bytes live in the blob store under `blob_key`. */
export const offerDocuments = pgTable(
  'offer_documents',
  {
    organisationId: uuid('organisation_id').notNull(),
    offerId: uuid('offer_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    blobKey: text('blob_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.offerId],
      foreignColumns: [offers.organisationId, offers.id],
    }).onDelete('cascade'),
    index('offer_documents_offer_idx').on(t.organisationId, t.offerId),
    // One document of each single kind per offer; "other" holds up to five (checked by core).
    uniqueIndex('offer_documents_single_kind_key')
      .on(t.organisationId, t.offerId, t.kind)
      .where(sql`${t.kind} <> 'other'`),
  ],
);

/** The offer's contacts for Microsoft sellers and CSP resellers (SPEC §4). */
export const offerContacts = pgTable(
  'offer_contacts',
  {
    organisationId: uuid('organisation_id').notNull(),
    offerId: uuid('offer_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    jobTitle: text('job_title').notNull(),
    role: text('role').notNull(),
    countries: text('countries').array().notNull(),
    states: text('states')
      .array()
      .notNull()
      .default(sql`'{}'`),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.offerId],
      foreignColumns: [offers.organisationId, offers.id],
    }).onDelete('cascade'),
    index('offer_contacts_offer_position_idx').on(t.organisationId, t.offerId, t.position),
    uniqueIndex('offer_contacts_email_role_key').on(
      t.organisationId,
      t.offerId,
      sql`lower(${t.email})`,
      t.role,
    ),
  ],
);

/** A contacts file staged for confirmation; once applied, the point its undo returns to. */
export const contactImports = pgTable(
  'contact_imports',
  {
    organisationId: uuid('organisation_id').notNull(),
    offerId: uuid('offer_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    state: text('state', { enum: ['pending', 'applied', 'undone'] })
      .notNull()
      .default('pending'),
    fileName: text('file_name'),
    rowCount: integer('row_count').notNull().default(0),
    baseContactsVersion: integer('base_contacts_version').notNull(),
    resultingContactsVersion: integer('resulting_contacts_version'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.offerId],
      foreignColumns: [offers.organisationId, offers.id],
    }).onDelete('cascade'),
    index('contact_imports_offer_idx').on(t.organisationId, t.offerId, t.createdAt),
  ],
);

/**
 * Rows of a contact import: `incoming` are the file's validated rows, `previous` the contacts
 * the import replaced (kept for undo). Staged here so a large file never sits in memory.
 */
export const contactImportRows = pgTable(
  'contact_import_rows',
  {
    organisationId: uuid('organisation_id').notNull(),
    importId: uuid('import_id').notNull(),
    side: text('side', { enum: ['incoming', 'previous'] }).notNull(),
    row: integer('row').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    jobTitle: text('job_title').notNull(),
    role: text('role').notNull(),
    countries: text('countries').array().notNull(),
    states: text('states').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.importId, t.side, t.row] }),
    foreignKey({
      columns: [t.organisationId, t.importId],
      foreignColumns: [contactImports.organisationId, contactImports.id],
    }).onDelete('cascade'),
  ],
);

/** Immutable snapshots of an offer, one per publish, numbered 1, 2, 3… per offer. */
export const offerVersions = pgTable(
  'offer_versions',
  {
    organisationId: uuid('organisation_id').notNull(),
    offerId: uuid('offer_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: integer('number').notNull(),
    /** The OfferSnapshot (fields, co-sell draft, documents, contacts). */
    snapshot: jsonb('snapshot').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.offerId],
      foreignColumns: [offers.organisationId, offers.id],
    }).onDelete('cascade'),
    uniqueIndex('offer_versions_number_key').on(t.organisationId, t.offerId, t.number),
  ],
);

/** A publish request carrying a version through validation, review, preview and go-live. */
export const submissions = pgTable(
  'submissions',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    offerId: uuid('offer_id').notNull(),
    versionId: uuid('version_id').notNull(),
    sections: text('sections').array().notNull(),
    state: text('state').notNull(),
    /** Automated validation problems (ValidationProblem[]). */
    problems: jsonb('problems')
      .notNull()
      .default(sql`'[]'::jsonb`),
    offerWasLive: boolean('offer_was_live').notNull().default(false),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** The reviewer's decision (ReviewRecord, decidedAt as an ISO string). */
    review: jsonb('review'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
    /** Insertion order: breaks ties between submissions made at the same instant. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.offerId],
      foreignColumns: [offers.organisationId, offers.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.organisationId, t.versionId],
      foreignColumns: [offerVersions.organisationId, offerVersions.id],
    }).onDelete('cascade'),
    index('submissions_queue_idx').on(t.state, t.submittedAt, t.seq),
    index('submissions_offer_idx').on(
      t.organisationId,
      t.offerId,
      t.submittedAt.desc(),
      t.seq.desc(),
    ),
    // One submission on its way per offer: two concurrent publishes cannot both start.
    uniqueIndex('submissions_one_open_key')
      .on(t.organisationId, t.offerId)
      .where(sql`state in ('validating', 'in-review', 'approved', 'preview', 'publishing')`),
  ],
);

/** The partner program profile of an organisation: the partner facts statuses depend on. */
export const programProfiles = pgTable(
  'program_profiles',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id'),
    marketplaceAccountActive: boolean('marketplace_account_active').notNull().default(false),
    businessProfileComplete: boolean('business_profile_complete').notNull().default(false),
    azureConsumedRevenueUsd: numeric('azure_consumed_revenue_usd', {
      precision: 15,
      scale: 2,
      mode: 'number',
    })
      .notNull()
      .default(0),
    marketplaceBilledRevenueUsd: numeric('marketplace_billed_revenue_usd', {
      precision: 15,
      scale: 2,
      mode: 'number',
    })
      .notNull()
      .default(0),
    goldCompetency: boolean('gold_competency').notNull().default(false),
    solutionsPartnerDesignations: text('solutions_partner_designations')
      .array()
      .notNull()
      .default(sql`'{}'`),
    isvConnect: text('isv_connect').notNull().default('none'),
    /** Who set each field, when and how (ProfileFieldProvenance by field). */
    provenance: jsonb('provenance')
      .notNull()
      .default(sql`'{}'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // A PartnerID belongs to one organisation.
    uniqueIndex('program_profiles_partner_id_key')
      .on(t.partnerId)
      .where(sql`${t.partnerId} is not null`),
  ],
);

/** The computed co-sell status of each evaluated offer. */
export const offerStatuses = pgTable(
  'offer_statuses',
  {
    organisationId: uuid('organisation_id').notNull(),
    offerId: uuid('offer_id').notNull(),
    status: text('status').notNull(),
    policyId: text('policy_id').notNull(),
    qualifiedSince: timestamp('qualified_since', { withTimezone: true }),
    badgeGrantedAt: timestamp('badge_granted_at', { withTimezone: true }),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.offerId] }),
    foreignKey({
      columns: [t.organisationId, t.offerId],
      foreignColumns: [offers.organisationId, offers.id],
    }).onDelete('cascade'),
    // The badge job's scan: qualified offers whose badge is not granted yet.
    index('offer_statuses_badge_due_idx')
      .on(t.qualifiedSince)
      .where(sql`${t.badgeGrantedAt} is null`),
  ],
);

/** Every change of an offer's computed status, and what caused it. */
export const offerStatusHistory = pgTable(
  'offer_status_history',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    offerId: uuid('offer_id').notNull(),
    status: text('status').notNull(),
    previousStatus: text('previous_status'),
    policyId: text('policy_id').notNull(),
    cause: text('cause').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Insertion order: breaks ties between changes recorded at the same instant. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.offerId],
      foreignColumns: [offers.organisationId, offers.id],
    }).onDelete('cascade'),
    index('offer_status_history_offer_idx').on(
      t.organisationId,
      t.offerId,
      t.at.desc(),
      t.seq.desc(),
    ),
  ],
);

/** In-app notifications of a member of an organisation. */
export const notifications = pgTable(
  'notifications',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    offerId: uuid('offer_id'),
    params: jsonb('params')
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Insertion order: breaks ties between notifications created at the same instant. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('notifications_user_idx').on(t.userId, t.createdAt.desc(), t.seq.desc()),
  ],
);

/**
 * The background job queue. Workers claim due jobs with FOR UPDATE SKIP LOCKED and hold them
 * under a lease; a job whose lease ran out is claimed again.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    /** The organisation the job works in, or null for program-wide jobs (no foreign key). */
    organisationId: uuid('organisation_id'),
    /** At most one job per key is ever enqueued. */
    dedupeKey: text('dedupe_key'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('jobs_dedupe_key_key').on(t.dedupeKey),
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`${t.doneAt} is null`),
  ],
);

/** What the public storefront shows of live offers: public fields only, one row per offer. */
export const storefrontListings = pgTable(
  'storefront_listings',
  {
    offerId: uuid('offer_id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    publisherName: text('publisher_name').notNull(),
    name: text('name').notNull(),
    offerType: text('offer_type').notNull(),
    summary: text('summary').notNull().default(''),
    description: text('description').notNull().default(''),
    markets: text('markets')
      .array()
      .notNull()
      .default(sql`'{}'`),
    badges: text('badges')
      .array()
      .notNull()
      .default(sql`'{}'`),
    cosellStatus: text('cosell_status').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.organisationId, t.offerId],
      foreignColumns: [offers.organisationId, offers.id],
    }).onDelete('cascade'),
    index('storefront_listings_name_idx').on(sql`lower(${t.name})`),
  ],
);

/** Tables without an owning organisation, and why each is global. */
export const GLOBAL_TABLES = {
  organisations: 'the tenant root itself: its id is the organisation id',
  users: 'a person may belong to several organisations; reached through memberships',
  sessions: 'belong to a user, not an organisation; looked up by token hash',
  password_resets:
    'belong to a user, not an organisation; looked up by the hash of a link before anyone is signed in',
  login_throttle: 'counters keyed by e-mail and address before anyone is signed in',
  idempotency_keys:
    'belong to the calling user, not an organisation (a key may create the organisation itself); every query names the user',
  jobs: 'the background queue of every organisation and of program-wide work; workers claim jobs before they know whose they are, and each job then runs in its own tenant scope',
  storefront_listings: 'public storefront projection: only public fields of live offers',
  api_tokens:
    'looked up by the hash of a secret before anyone is known; a personal token belongs to a person, not an organisation (row-level security still isolates them)',
  rate_limits: 'request counters keyed by token, organisation or address, shared by every process',
  engagements:
    'the grouping id of a shared opportunity, no business data: the referrals of several organisations point at it (row-level security shows each organisation only its own engagements)',
  installation_settings:
    'settings of the installation itself (the program clock offset), read at start-up before anyone is signed in',
} as const;

/**
 * Tenant tables whose rows every participant of the program may read (a row-level policy says
 * so explicitly); writes stay within the owning organisation.
 */
export const SHARED_READ_TABLES = {
  programs: 'program data (active policy, taxonomy) that every participant works against',
} as const;

/**
 * The outbox: domain events appended in the transaction of the command that caused them, then
 * relayed by the job worker to each subscriber as a job (at least once, deduplicated per
 * subscriber and event id). A tenant table: the organisation leads the key (S1) and row-level
 * security isolates it; only the relay (scope `outboxRelay`) reads across organisations.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    /** Insertion order, for relaying oldest first. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    type: text('type').notNull(),
    version: integer('version').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    data: jsonb('data').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    requestId: text('request_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('domain_events_pending_idx')
      .on(t.seq)
      .where(sql`${t.dispatchedAt} is null`),
    index('domain_events_subject_idx').on(t.organisationId, t.subjectType, t.subjectId, t.seq),
  ],
);

/**
 * API tokens (ADR 013). Only the sha256 of the secret is stored. A personal token acts as its
 * person (`user_id`); a service token as the service principal `user_id` of `organisation_id`.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['personal', 'service'] }).notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'cascade',
    }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    scopes: text('scopes').array().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    lastUsedIp: text('last_used_ip'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash),
    index('api_tokens_user_idx').on(t.userId),
    index('api_tokens_organisation_idx').on(t.organisationId),
  ],
);

/**
 * Rate-limit counters (ADR 014): one row per key (token, organisation or address) and window
 * kind, counting the requests of the window that started at `window_start`.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [index('rate_limits_window_idx').on(t.windowStart)],
);

// ---------------------------------------------------------------------------------------------
// Co-sell opportunities (referrals, ADR 016)
// ---------------------------------------------------------------------------------------------

/**
 * Engagements: the grouping id of one shared opportunity, no business data. Global (listed in
 * GLOBAL_TABLES): the referrals of several organisations point at one engagement. Row-level
 * security still lets an organisation see only the engagements it created or takes part in.
 */
export const engagements = pgTable('engagements', {
  id: uuid('id').primaryKey(),
  createdByOrganisationId: uuid('created_by_organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

/**
 * One organisation's referral in an engagement: the columns `$filter`, `$orderby`, the role
 * rules and the expiry job use, and the whole resource in `document` (validated by core's
 * ReferralSchema on the way in and out). `version` is the ETag (`"v<version>"`).
 */
export const referrals = pgTable(
  'referrals',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    organisationName: text('organisation_name').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull(),
    substatus: text('substatus').notNull(),
    type: text('type').notNull(),
    direction: text('direction').notNull(),
    dealKind: text('deal_kind').notNull(),
    visibility: text('visibility').notNull(),
    salesStage: text('sales_stage'),
    customerName: text('customer_name').notNull(),
    customerCountry: text('customer_country').notNull(),
    externalReferenceId: text('external_reference_id'),
    /** Lower-cased e-mails of the team (the referrals user's rule). */
    teamEmails: text('team_emails')
      .array()
      .notNull()
      .default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closingAt: timestamp('closing_at', { withTimezone: true }).notNull(),
    expirationAt: timestamp('expiration_at', { withTimezone: true }),
    /** When the receiver was warned that the referral is about to expire. */
    warnedAt: timestamp('warned_at', { withTimezone: true }),
    document: jsonb('document').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('referrals_id_key').on(t.id),
    index('referrals_org_created_idx').on(t.organisationId, t.createdAt.desc(), t.id),
    index('referrals_engagement_idx').on(t.engagementId),
    index('referrals_expiry_idx').on(t.substatus, t.expirationAt),
  ],
);

/**
 * What the other participants of an engagement see of a referral (its shared fields), kept
 * from `referrals` by a trigger. A row is readable by its organisation and by every
 * organisation with a referral in the same engagement.
 */
export const referralShares = pgTable(
  'referral_shares',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    engagementId: uuid('engagement_id').notNull(),
    organisationName: text('organisation_name').notNull(),
    status: text('status').notNull(),
    substatus: text('substatus').notNull(),
    type: text('type').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.id],
      foreignColumns: [referrals.organisationId, referrals.id],
    }).onDelete('cascade'),
    index('referral_shares_engagement_idx').on(t.engagementId),
  ],
);

/** Who did what to a referral, when, and through which channel. */
export const referralTimeline = pgTable(
  'referral_timeline',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    referralId: uuid('referral_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorKind: text('actor_kind').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    channel: text('channel').notNull(),
    action: text('action').notNull(),
    summary: jsonb('summary').notNull(),
    /** Insertion order: breaks ties between entries recorded at the same instant. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.referralId],
      foreignColumns: [referrals.organisationId, referrals.id],
    }).onDelete('cascade'),
    index('referral_timeline_referral_idx').on(
      t.organisationId,
      t.referralId,
      t.at.desc(),
      t.seq.desc(),
    ),
  ],
);

/**
 * An applied CSV import of referrals, kept so it can be undone: for each deal it touched, the
 * row, whether it created or updated it, the deal's document before (null for a created one)
 * and its version after, which undo requires unchanged.
 */
export const referralImports = pgTable(
  'referral_imports',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    entries: jsonb('entries').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** A person's favourite referrals (the list's `view=favorites`). */
export const referralFavorites = pgTable(
  'referral_favorites',
  {
    organisationId: uuid('organisation_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    referralId: uuid('referral_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId, t.referralId] }),
    foreignKey({
      columns: [t.organisationId, t.referralId],
      foreignColumns: [referrals.organisationId, referrals.id],
    }).onDelete('cascade'),
  ],
);
/**
 * Settings of the installation, one row per key: today the offset of the program clock (moved
 * forward with CLOCK_CONTROL=on), so a restart keeps the time the program runs on.
 */
export const installationSettings = pgTable('installation_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
