/**
 * The capability modules that contribute background work: their jobs and their event
 * subscribers. The job worker reads its table of kinds from here; a new consumer of an event
 * (webhooks, insights) is a subscriber added to its module, never an edit of a use case.
 */
import type { DomainEvent, EventSubscriber, EventType } from './events/events';
import {
  subscriberJobKind,
  type CoreModule,
  type JobContext,
  type JobDefinition,
} from './jobs/job';
import { maintenanceSweepJob } from './jobs/maintenance.jobs';
import {
  notificationMailJob,
  notificationsSubscriber,
} from './notifications/notifications.subscribers';
import { OPPORTUNITY_JOBS } from './opportunities/opportunities.jobs';
import { PUBLISHING_JOBS } from './publishing/publishing.jobs';
import { STATUS_JOBS } from './status/status.jobs';
import { storefrontSubscriber } from './storefront/storefront.subscribers';
import { z } from 'zod';

export const CORE_MODULES: readonly CoreModule[] = [
  { name: 'publishing', jobs: PUBLISHING_JOBS as JobDefinition<unknown>[] },
  { name: 'status', jobs: STATUS_JOBS as JobDefinition<unknown>[] },
  {
    name: 'notifications',
    jobs: [notificationMailJob as JobDefinition<unknown>],
    subscribers: [notificationsSubscriber],
  },
  { name: 'storefront', subscribers: [storefrontSubscriber] },
  { name: 'jobs', jobs: [maintenanceSweepJob as JobDefinition<unknown>] },
  { name: 'opportunities', jobs: OPPORTUNITY_JOBS as unknown as JobDefinition<unknown>[] },
];

const DeliveryPayload = z.object({ eventId: z.string() });

/** The job that hands one event to one subscriber (found by id in the job's organisation). */
function deliveryJob(subscriber: EventSubscriber<JobContext>): JobDefinition<unknown> {
  return {
    kind: subscriberJobKind(subscriber.name),
    payload: DeliveryPayload,
    async run(ctx, payload) {
      const { eventId } = payload as z.infer<typeof DeliveryPayload>;
      const organisationId = ctx.job.organisationId;
      if (!organisationId) return;
      const event = await ctx.tx.outbox.findEvent(organisationId, eventId);
      if (event) await subscriber.handle(ctx, event);
    },
  };
}

/** Every job kind the worker runs: the modules' own jobs and one delivery job per subscriber. */
export function jobTable(
  modules: readonly CoreModule[] = CORE_MODULES,
): ReadonlyMap<string, JobDefinition<unknown>> {
  const table = new Map<string, JobDefinition<unknown>>();
  const add = (job: JobDefinition<unknown>) => {
    if (table.has(job.kind)) throw new Error(`two jobs of kind ${job.kind}`);
    table.set(job.kind, job);
  };
  for (const module of modules) {
    for (const job of module.jobs ?? []) add(job);
    for (const subscriber of module.subscribers ?? []) add(deliveryJob(subscriber));
  }
  return table;
}

/** The subscribers of each event type. */
export function subscribersOf(
  modules: readonly CoreModule[] = CORE_MODULES,
): (type: EventType) => readonly EventSubscriber<JobContext>[] {
  const byType = new Map<EventType, EventSubscriber<JobContext>[]>();
  for (const module of modules)
    for (const subscriber of module.subscribers ?? [])
      for (const type of subscriber.types)
        byType.set(type, [...(byType.get(type) ?? []), subscriber]);
  return (type) => byType.get(type) ?? [];
}

/**
 * Relays pending outbox events (oldest first, at most `limit`): queues one delivery job per
 * subscriber (deduplicated by subscriber and event id) and marks the events dispatched, all in
 * the caller's transaction. Returns how many events it relayed.
 */
export async function relayOutbox(
  ctx: Pick<JobContext, 'tx' | 'clock'>,
  subscribers: (type: EventType) => readonly EventSubscriber<JobContext>[],
  limit = 100,
): Promise<number> {
  const events: DomainEvent[] = await ctx.tx.outbox.claimUndispatched(limit);
  if (events.length === 0) return 0;
  const now = ctx.clock.now();
  for (const event of events) {
    for (const subscriber of subscribers(event.type)) {
      if (subscriber.wants && !subscriber.wants(event)) continue;
      await ctx.tx.jobs.enqueueJob({
        kind: subscriberJobKind(subscriber.name),
        payload: { eventId: event.id },
        organisationId: event.organisationId,
        runAt: now,
        dedupeKey: `${subscriber.name}:${event.id}`,
      });
    }
  }
  await ctx.tx.outbox.markDispatched(
    events.map((e) => e.id),
    now,
  );
  return events.length;
}
