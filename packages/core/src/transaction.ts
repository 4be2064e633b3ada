/**
 * The unit of work: one transaction that hands out each module's narrow repositories
 * (`tx.offers`, `tx.contacts`, `tx.statuses`…). Use cases name only the repositories they use
 * (`Pick<Tx, 'offers' | 'audit'>`), so a service test passes in-memory fakes of just those.
 * Implemented by packages/db.
 */
import type {
  InvitationRepository,
  MembershipRepository,
  OrganisationRepository,
  SessionRepository,
  ThrottleRepository,
  UserRepository,
} from './accounts/accounts.ports';
import type { AuditRepository } from './audit/audit.ports';
import type { ContactImportRepository, ContactRepository } from './contacts/contacts.ports';
import type { DocumentRepository } from './documents/documents.ports';
import type { OutboxRepository } from './events/events.ports';
import type { IdempotencyRepository } from './idempotency/idempotency.ports';
import type { HousekeepingRepository, JobRepository } from './jobs/jobs.ports';
import type { NotificationRepository } from './notifications/notifications.ports';
import type { OfferRepository } from './offers/offer.ports';
import type { ReferralRepository } from './opportunities/opportunities.ports';
import type { TenantScope } from './ports';
import type { ProfileRepository } from './profiles/profiles.ports';
import type { ProgramRepository } from './program/program.ports';
import type { SubmissionRepository, VersionRepository } from './publishing/publishing.ports';
import type { StatusRepository } from './status/status.ports';
import type { StorefrontRepository } from './storefront/storefront.ports';
import type { TokenRepository } from './tokens/tokens.ports';

/** The repositories of one transaction, one per module's aggregate. */
export interface Tx {
  /**
   * Extends the transaction's tenant scope, once the use case has established the right to it
   * (e.g. after creating an organisation, or after reading the invitation a token names).
   */
  widenScope(scope: TenantScope): Promise<void>;
  organisations: OrganisationRepository;
  users: UserRepository;
  memberships: MembershipRepository;
  invitations: InvitationRepository;
  sessions: SessionRepository;
  throttles: ThrottleRepository;
  programs: ProgramRepository;
  idempotency: IdempotencyRepository;
  audit: AuditRepository;
  offers: OfferRepository;
  documents: DocumentRepository;
  contacts: ContactRepository;
  contactImports: ContactImportRepository;
  versions: VersionRepository;
  submissions: SubmissionRepository;
  profiles: ProfileRepository;
  statuses: StatusRepository;
  storefront: StorefrontRepository;
  notifications: NotificationRepository;
  jobs: JobRepository;
  /** API tokens and their service principals (global: looked up by secret). */
  tokens: TokenRepository;
  /** Domain events of this transaction's command, relayed to subscribers after commit. */
  outbox: OutboxRepository;
  /** Deletes finished work (the housekeeping job; its scope must say `housekeeping`). */
  housekeeping: HousekeepingRepository;
  /** Co-sell opportunities (referrals): the caller's own rows, and the shared fields of its engagements. */
  referrals: ReferralRepository;
}

/** Runs `work` in one transaction: everything it writes commits together or not at all. */
export interface UnitOfWork {
  run<T>(
    work: (tx: Tx) => Promise<T>,
    scope?: TenantScope,
    options?: {
      /** A read-only view of one consistent state of the database (for views made of several reads). */
      snapshot?: boolean;
    },
  ): Promise<T>;
}
