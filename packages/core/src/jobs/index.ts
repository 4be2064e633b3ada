// The job queue: job definitions, the queue's port, housekeeping.
export * from './job';
export * from './jobs.ports';
export * from './maintenance.jobs';
