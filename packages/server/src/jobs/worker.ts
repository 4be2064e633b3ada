/**
 * The job worker: claims due jobs from the queue in Postgres (FOR UPDATE SKIP LOCKED, so any
 * number of workers in any number of processes share it), runs each handler in a transaction
 * scoped to the job's organisation, and marks the job done in that same transaction. A crash
 * leaves the job leased; once the lease runs out another worker takes it again, and handlers
 * are written so that a second run changes nothing.
 */
import { randomUUID } from 'node:crypto';
import {
  badgeSweepJob,
  createEventSink,
  jobTable,
  maintenanceJob,
  referralExpiryRun,
  relayOutbox,
  subscribersOf,
  systemClock,
  type BlobStore,
  type Clock,
  type JobRecord,
  type Mailer,
  type TenantScope,
  type UnitOfWork,
} from '@cosell/core';
import type { FastifyBaseLogger } from 'fastify';

export interface JobWorkerOptions {
  uow: UnitOfWork;
  clock: Clock;
  mailer: () => Mailer;
  blobs: BlobStore;
  /** Real time (housekeeping); defaults to the system clock. */
  wallClock?: Clock;
  appUrl: string;
  log: () => Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** How long a claimed job is held before another worker may take it. */
  leaseMs?: number;
  /**
   * How often a worker that just found work looks for more; each empty look doubles the wait,
   * up to `maxPollMs`. A `kick` (this process wrote something) looks at once.
   */
  pollMs?: number;
  /** The longest wait between two looks of an idle worker. */
  maxPollMs?: number;
  /** How often the Preferred Solution badge sweep is scheduled. */
  badgePeriodMs?: number;
}

export interface JobWorker {
  /** Starts polling (and scheduling the badge sweep). */
  start(): void;
  /** Stops polling and waits for the job in hand. */
  stop(): Promise<void>;
  /** Runs due jobs until none is left (or `max` ran); returns how many ran. */
  drain(max?: number): Promise<number>;
  /** Looks for work now instead of at the next poll. */
  kick(): void;
  /** Queues the badge sweep and the referral expiry run now (after the clock moved) and looks for work. */
  scheduleBadgeSweep(): Promise<void>;
  readonly id: string;
}

const scopeFor = (job: JobRecord): TenantScope =>
  job.organisationId ? { organisationIds: [job.organisationId] } : { programStaff: true };

/** 1 s, 4 s, 16 s, … capped at 10 minutes. */
const backoffMs = (attempt: number) => Math.min(600_000, 1000 * 4 ** Math.max(0, attempt - 1));

export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const id = `worker-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 500;
  const maxPollMs = Math.max(pollMs, options.maxPollMs ?? 4_000);
  const badgePeriodMs = options.badgePeriodMs ?? 3_600_000;
  let running = false;
  let current: Promise<unknown> = Promise.resolve();
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  let scheduler: NodeJS.Timeout | undefined;

  const table = jobTable();
  const subscribers = subscribersOf();

  /** Moves pending domain events from the outbox to their subscribers' delivery jobs. */
  function relay(): Promise<number> {
    return options.uow.run((tx) => relayOutbox({ tx, clock: options.clock }, subscribers), {
      outboxRelay: true,
    });
  }

  async function runOne(): Promise<boolean> {
    const relayed = await relay();
    const now = options.clock.now();
    const job = await options.uow.run(
      (tx) => tx.jobs.claimJob(id, now, new Date(now.getTime() + leaseMs)),
      {},
    );
    if (!job) return relayed > 0;
    const definition = table.get(job.kind);
    try {
      await options.uow.run(async (tx) => {
        if (definition) {
          // A payload that does not match its schema fails the job (kept with the error).
          const payload = definition.payload.parse(job.payload);
          const sink = createEventSink({
            actor: { kind: 'system', id: null },
            requestId: null,
            now: () => options.clock.now(),
            newId: randomUUID,
          });
          const summary = await definition.run(
            {
              tx,
              clock: options.clock,
              job,
              mailer: options.mailer(),
              blobs: options.blobs,
              wallClock: options.wallClock ?? systemClock,
              appUrl: options.appUrl,
              emit: sink.emit,
            },
            payload,
          );
          await tx.outbox.appendEvents(sink.drain());
          if (summary) options.log().info({ job: job.id, kind: job.kind, ...summary }, 'job done');
        } else {
          options.log().warn({ job: job.id, kind: job.kind }, 'no handler for job kind; dropped');
        }
        await tx.jobs.completeJob(job.id, id, options.clock.now());
      }, scopeFor(job));
    } catch (error) {
      const retry =
        job.attempts < job.maxAttempts
          ? new Date(options.clock.now().getTime() + backoffMs(job.attempts))
          : null;
      options.log().warn({ err: error, job: job.id, kind: job.kind, retry }, 'job failed');
      await options.uow
        .run(
          (tx) =>
            tx.jobs.failJob(
              job.id,
              id,
              String((error as Error)?.message ?? error),
              retry,
              options.clock.now(),
            ),
          {},
        )
        .catch((failError: unknown) =>
          options.log().error({ err: failError, job: job.id }, 'could not record the job failure'),
        );
    }
    return true;
  }

  async function loop() {
    // Idle looks cost a transaction or two each (on embedded PGlite, in this very process):
    // the wait grows while there is nothing to do, and a kick ends it.
    let waitMs = pollMs;
    while (running) {
      let worked = false;
      try {
        current = runOne();
        worked = (await current) as boolean;
      } catch (error) {
        options.log().warn({ err: error }, 'job queue unavailable; retrying');
      }
      if (worked) waitMs = pollMs;
      else if (running) {
        const kicked = await new Promise<boolean>((resolve) => {
          wake = () => resolve(true);
          timer = setTimeout(() => resolve(false), waitMs);
          timer.unref?.();
        });
        wake = null;
        clearTimeout(timer);
        waitMs = kicked ? pollMs : Math.min(maxPollMs, waitMs * 2);
      }
    }
  }

  async function scheduleBadgeSweep(unique = false) {
    const job = badgeSweepJob(options.clock.now(), badgePeriodMs);
    // Referral warnings and expiry are due by the same program clock: checked with the badges.
    const expiry = referralExpiryRun(options.clock.now(), 3_600_000);
    await options.uow.run(async (tx) => {
      await tx.jobs.enqueueJob(
        unique ? { ...job, dedupeKey: `${job.dedupeKey}:${randomUUID()}` } : job,
      );
      await tx.jobs.enqueueJob(expiry);
    }, {});
    wake?.();
  }

  return {
    id,
    start() {
      if (running) return;
      running = true;
      void loop();
      const schedule = () =>
        scheduleBadgeSweep()
          .then(() =>
            options.uow.run(
              (tx) =>
                tx.jobs.enqueueJob(
                  maintenanceJob((options.wallClock ?? systemClock).now(), 3_600_000),
                ),
              {},
            ),
          )
          // Referral warnings and expiry follow the program clock, checked every period.
          .then(() =>
            options.uow.run(
              (tx) => tx.jobs.enqueueJob(referralExpiryRun(options.clock.now(), 3_600_000)),
              {},
            ),
          )
          .catch((error: unknown) =>
            options.log().warn({ err: error }, 'could not schedule the periodic jobs'),
          );
      void schedule();
      scheduler = setInterval(schedule, Math.min(badgePeriodMs, 600_000));
      scheduler.unref?.();
    },
    async stop() {
      running = false;
      clearInterval(scheduler);
      clearTimeout(timer);
      wake?.();
      await current.catch(() => {});
    },
    async drain(max = 10_000) {
      let ran = 0;
      while (ran < max && (await runOne())) ran += 1;
      return ran;
    },
    kick() {
      wake?.();
    },
    scheduleBadgeSweep: () => scheduleBadgeSweep(true),
  };
}
