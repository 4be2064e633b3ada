/**
 * The command envelope: every mutating use case runs through `runCommand`. It carries who acts
 * (the principal), where (the organisation), the request id and the version the caller edited;
 * checks the permission the route declares; runs the work in one transaction; writes the audit
 * entries the work records; and appends the work's domain events to the outbox in that same
 * transaction. Side effects (notifications, mail, the storefront, webhooks) are subscribers of
 * those events, never calls from the use case.
 */
import {
  requireOrganisationAccess,
  scopeOf,
  type Actor,
  type OrganisationAccess,
} from '../accounts/access';
import type { Permission } from '../accounts/permissions';
import type { AuditEntry } from '../audit/audit.ports';
import { createEventSink, type EventActor, type EventSink, type NewEvent } from '../events/events';
import type { Clock, ExpectedVersions, TenantScope } from '../ports';
import type { Tx, UnitOfWork } from '../transaction';

/** Who runs a command, where, and for which request. */
export interface CommandMeta {
  /**
   * The principal: a signed-in person, or an API token (acting as its person, or as the service
   * principal of its organisation); audit entries and events name the token.
   */
  actor: Actor;
  /** The request id, kept with the audit entries and events. */
  requestId?: string | null | undefined;
  /** The version the caller edited (If-Match), when the command changes a versioned object. */
  expected?: ExpectedVersions | undefined;
  /**
   * Last work inside the command's transaction, given its result: the HTTP layer stores the
   * answer of an Idempotency-Key request here, so that the answer commits with the work or not
   * at all (ADR 005). It may throw to roll the command back.
   */
  commitWith?: ((tx: Tx, result: unknown) => Promise<void>) | undefined;
}

/**
 * The request a use case runs for: its id alone, or its id with `commitWith` (see CommandMeta).
 * Use cases take it as their last argument and hand it to the envelope with `requestMeta`.
 */
export type CommandRequest =
  string | { id: string; commitWith?: CommandMeta['commitWith'] } | null | undefined;

/** The envelope's request fields for `request`. */
export const requestMeta = (
  request: CommandRequest,
): Pick<CommandMeta, 'requestId' | 'commitWith'> =>
  typeof request === 'object' && request !== null
    ? { requestId: request.id, commitWith: request.commitWith }
    : { requestId: request ?? null };

/** What a command declares about itself. */
export interface CommandDefinition {
  /** `area.verb`: the audit action (e.g. `offer.update`). */
  name: string;
  /** The organisation the command acts in; its access is checked before the work runs. */
  organisationId?: string | undefined;
  /** The permission the actor needs in that organisation (the route declares the same). */
  permission?: Permission | undefined;
  /** The transaction's tenant scope; defaults to the actor's own (`scopeOf`). */
  scope?: TenantScope | undefined;
}

/** A record for the audit log; the envelope fills in organisation, actor, action and request. */
export type AuditNote = Omit<
  AuditEntry,
  'organisationId' | 'actorUserId' | 'action' | 'requestId'
> & {
  /** Defaults to the command's organisation. */
  organisationId?: string;
  /** Defaults to the command's name. */
  action?: string;
};

/** What the work of a command gets: the transaction, the access checked, and its recorders. */
export interface CommandContext extends EventSink {
  tx: Tx;
  actor: Actor;
  /** The actor's access to the command's organisation (null when the command names none). */
  access: OrganisationAccess | null;
  expected: ExpectedVersions;
  requestId: string | null;
  now: Date;
  /** Records an audit entry, written before the transaction commits. */
  audit(note: AuditNote): void;
}

export interface CommandDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** Event ids; random UUIDs unless a test needs fixed ones. */
  newId?: () => string;
}

const randomId = () => globalThis.crypto.randomUUID();

/** The event actor: the API token a request came with, the person, or the system. */
export const eventActorOf = (actor: Actor | null): EventActor =>
  actor?.token
    ? { kind: 'token', id: actor.token.id }
    : actor
      ? { kind: 'user', id: actor.userId }
      : { kind: 'system', id: null };

/**
 * Runs one command: access check, work, audit entries and outbox events in one transaction.
 * The work throws AppError to refuse; nothing it wrote (entries, events) survives a refusal.
 */
export async function runCommand<T>(
  deps: CommandDeps,
  meta: CommandMeta,
  definition: CommandDefinition,
  work: (ctx: CommandContext) => Promise<T>,
): Promise<T> {
  const { actor } = meta;
  return deps.uow.run(
    async (tx) => {
      const access =
        definition.organisationId && definition.permission
          ? await requireOrganisationAccess(
              tx,
              actor,
              definition.organisationId,
              definition.permission,
            )
          : null;
      const now = deps.clock.now();
      const requestId = meta.requestId ?? null;
      const sink = createEventSink({
        actor: eventActorOf(actor),
        requestId,
        now: () => now,
        newId: deps.newId ?? randomId,
      });
      const audits: AuditEntry[] = [];
      const ctx: CommandContext = {
        tx,
        actor,
        access,
        expected: meta.expected ?? 'any',
        requestId,
        now,
        emit: sink.emit,
        audit(note) {
          const organisationId = note.organisationId ?? definition.organisationId;
          if (!organisationId)
            throw new Error(`audit entry of ${definition.name} names no organisation`);
          audits.push({
            ...note,
            organisationId,
            actorUserId: actor.userId,
            actorTokenId: actor.token?.id ?? null,
            action: note.action ?? definition.name,
            requestId,
          });
        },
      };
      const result = await work(ctx);
      for (const entry of audits) await tx.audit.appendAudit(entry);
      const events = sink.drain();
      if (events.length > 0) await tx.outbox.appendEvents(events);
      if (meta.commitWith) await meta.commitWith(tx, result);
      return result;
    },
    definition.scope ?? scopeOf(actor),
  );
}

/**
 * For the few use cases that establish who acts inside their own transaction (the first-run
 * set-up creates its admin, accepting an invitation creates or proves the person): writes
 * their audit entry and event as the envelope would, in the caller's transaction.
 */
export async function recordOutcome(
  tx: Tx,
  deps: Pick<CommandDeps, 'clock' | 'newId'>,
  meta: { userId: string; requestId: string | null },
  outcome: { audit: Omit<AuditEntry, 'actorUserId' | 'requestId'>; event: NewEvent },
): Promise<void> {
  await tx.audit.appendAudit({
    ...outcome.audit,
    actorUserId: meta.userId,
    requestId: meta.requestId,
  });
  const sink = createEventSink({
    actor: { kind: 'user', id: meta.userId },
    requestId: meta.requestId,
    now: () => deps.clock.now(),
    newId: deps.newId ?? randomId,
  });
  sink.emit(outcome.event);
  await tx.outbox.appendEvents(sink.drain());
}
