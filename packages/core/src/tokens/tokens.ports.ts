/** Repository port of API tokens and their service principals. */
import type { MembershipWithOrganisation, UserRecord } from '../accounts/accounts.ports';
import type { Role } from '../accounts/accounts.types';
import type { TokenKind } from './tokens.types';

export interface ApiTokenRecord {
  id: string;
  kind: TokenKind;
  name: string;
  /** The principal the token acts as: its person, or the service principal of a service token. */
  userId: string;
  /** The organisation of a service token; null for a personal token. */
  organisationId: string | null;
  /** Who created it (null when the operator did, at the command line). */
  createdBy: string | null;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  /** The address of the last request made with the token. */
  lastUsedIp: string | null;
  revokedAt: Date | null;
}

/** What one lookup by secret yields: the token, its principal and the principal's memberships. */
export interface BearerRecord {
  token: ApiTokenRecord;
  user: UserRecord;
  memberships: MembershipWithOrganisation[];
}

/** How a bearer's use is marked: at most once a minute, or when the address changes. */
export interface BearerUse {
  now: Date;
  ip: string | null;
  touchAfterMs: number;
}

/**
 * Resolves a bearer token in one step: the token, its principal and memberships, marking its
 * use when the token stands (not revoked, not expired, principal enabled) and the mark is older
 * than `touchAfterMs` or from another address. The database adapter does it in one statement.
 */
export interface BearerResolver {
  resolveBearer(tokenHash: string, use: BearerUse): Promise<BearerRecord | null>;
}

export interface TokenRepository {
  createToken(
    input: Omit<ApiTokenRecord, 'lastUsedAt' | 'lastUsedIp' | 'revokedAt' | 'id'> & {
      tokenHash: string;
    },
  ): Promise<ApiTokenRecord>;
  /**
   * Creates the service principal of a service token: a `users` row of kind service that
   * cannot sign in (no password), member of `organisationId` with `roles`. Returns its id.
   */
  createServicePrincipal(input: {
    organisationId: string;
    name: string;
    roles: Role[];
    now: Date;
  }): Promise<string>;
  /** Disables a service principal and removes its membership (its token was revoked). */
  retireServicePrincipal(organisationId: string, userId: string, at: Date): Promise<void>;
  listPersonalTokens(userId: string): Promise<ApiTokenRecord[]>;
  listServiceTokens(organisationId: string): Promise<ApiTokenRecord[]>;
  findToken(id: string): Promise<ApiTokenRecord | null>;
  /** Marks the token revoked; false when it was already revoked or is unknown. */
  revokeToken(id: string, at: Date): Promise<boolean>;
  /**
   * The token whose secret hashes to `tokenHash`, with its principal and the principal's
   * memberships: one statement (every API request with a bearer token runs it).
   */
  findBearer(tokenHash: string): Promise<BearerRecord | null>;
  /** Records the time and address of a use. */
  touchToken(id: string, at: Date, ip: string | null): Promise<void>;
}
