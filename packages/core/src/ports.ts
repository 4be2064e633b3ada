/**
 * Ports shared by every module: clocks, mail, secrets, blobs, paging, versions and tenant scope.
 * Each module keeps its own repository ports beside it (`<module>/<module>.ports.ts`); the
 * unit of work that hands them out is in `transaction.ts`.
 */

export interface Clock {
  now(): Date;
}

/** One e-mail message. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail (SMTP when configured; otherwise the server writes it to the log). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface Secrets {
  /** A fresh 256-bit random token, base64url. */
  token(): string;
  /** One-way hash (sha256, base64url) under which a token is stored. */
  hashToken(token: string): string;
}

/**
 * The versions a conditional write may apply to, from If-Match (ADR 003): `'any'` when any
 * current version will do (`If-Match: *`, or no header where it is optional), otherwise the
 * listed versions; an empty list matches nothing. Repositories put it into the UPDATE's WHERE,
 * so checking and writing are one statement and two writers cannot both pass.
 */
export type ExpectedVersions = 'any' | readonly number[];

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ListQuery {
  search?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * What a transaction may see of tenant data. The database enforces it with row-level security
 * on top of the organisation filters every repository applies; an empty scope sees no tenant
 * rows at all (global tables such as users and sessions stay visible).
 */
export interface TenantScope {
  /** Organisations whose rows the transaction reads and writes. */
  organisationIds?: string[];
  /** The acting person: reads their own memberships in every organisation. */
  userId?: string;
  /** The vendor's program admin: administers partner and reseller organisations. */
  programAdmin?: boolean;
  /**
   * The vendor's program staff (program admins and reviewers): reads partners' offers,
   * submissions, profiles and statuses for review and program-wide evaluation. Writes still
   * need the organisation in `organisationIds` (widened by the use case).
   */
  programStaff?: boolean;
  /** sha256 of an invitation token: its bearer reads that one invitation. */
  invitationTokenHash?: string;
  /** The outbox relay of the job worker: reads every organisation's pending domain events. */
  outboxRelay?: boolean;
  /**
   * The hourly housekeeping of the job worker: finds and deletes spent invitations and
   * abandoned contact imports of every organisation (nothing else).
   */
  housekeeping?: boolean;
  /**
   * The referral expiry job of the worker: finds Received referrals of every organisation
   * (nothing else); it widens to one organisation before it changes that organisation's referral.
   */
  referralExpiry?: boolean;
  /** sha256 of an API token's secret: its bearer reads that token and its principal's memberships. */
  apiTokenHash?: string;
  /** The operator at the command line names one API token (to revoke it). */
  apiTokenId?: string;
}

/** Facts stored with a blob. */
export interface BlobInfo {
  sizeBytes: number;
  contentType: string;
}

/**
 * Where uploaded documents live: the local filesystem by default, object storage in a
 * scaled-out deployment. Keys are opaque, slash-separated and chosen by the caller.
 */
export interface BlobStore {
  /**
   * Stores the finished (already inspected) file at `filePath` under `key`, durably, and
   * removes `filePath`. Either the whole blob is stored or nothing is.
   */
  putFile(key: string, filePath: string, info: BlobInfo): Promise<void>;
  /** A readable stream of the blob's bytes; NOT_FOUND when there is no such blob. */
  open(key: string): Promise<NodeJS.ReadableStream>;
  /** Removes the blob; no error when it is already gone. */
  delete(key: string): Promise<void>;
  /** True when a blob is stored under `key`. */
  exists(key: string): Promise<boolean>;
  /** Keys of the blobs last written before `olderThan` (for the orphan sweep). */
  list(olderThan: Date): AsyncIterable<string>;
}
