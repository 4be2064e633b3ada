/** Repository port of the audit log. */
import type { ListQuery } from '../ports';
import type { Page } from '../ports';

export interface AuditEntry {
  organisationId: string;
  actorUserId: string | null;
  /** The API token the actor used, when the change came with one. */
  actorTokenId?: string | null | undefined;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null | undefined;
}

export interface AuditRecord extends Required<Omit<AuditEntry, 'requestId' | 'actorTokenId'>> {
  actorTokenId: string | null;
  id: string;
  at: Date;
  requestId: string | null;
}

/** The append-only audit log of each organisation. */
export interface AuditRepository {
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(organisationId: string, query: ListQuery): Promise<Page<AuditRecord>>;
}
