/**
 * What a background job is: a kind (`area.verb`), a schema for its payload, and a handler. Each
 * module exports its job definitions and event subscribers; `modules.ts` gathers them, so the
 * worker's table of kinds is never kept by hand.
 */
import type { z } from 'zod';
import type { EventSink, EventSubscriber } from '../events/events';
import type { BlobStore, Clock, Mailer } from '../ports';
import type { Tx } from '../transaction';
import type { JobRecord } from './jobs.ports';

/** What a handler gets: the job's transaction (scoped to its organisation) and the world. */
export interface JobContext extends EventSink {
  tx: Tx;
  /** The program clock (can run ahead of real time when CLOCK_CONTROL is on). */
  clock: Clock;
  job: JobRecord;
  mailer: Mailer;
  blobs: BlobStore;
  /** Real time, for housekeeping of files and the queue (the program clock may run ahead). */
  wallClock: Clock;
  /** The web app's address, for links in e-mails. */
  appUrl: string;
}

export interface JobDefinition<P = unknown> {
  kind: string;
  /** The payload's schema: a job whose payload does not parse fails (and is retried, then kept). */
  payload: z.ZodType<P>;
  /** Does the job's work; what it returns (counts, times) is logged with the job's completion. */
  run(ctx: JobContext, payload: P): Promise<void | Record<string, unknown>>;
}

/** Declares a job with a typed payload. */
export const defineJob = <P>(definition: JobDefinition<P>): JobDefinition<P> => definition;

/** A capability module as the job worker sees it: its jobs and its event subscribers. */
export interface CoreModule {
  name: string;
  jobs?: readonly JobDefinition<unknown>[];
  subscribers?: readonly EventSubscriber<JobContext>[];
}

/** The job kind that delivers events to one subscriber. */
export const subscriberJobKind = (subscriber: string) => `event:${subscriber}`;
