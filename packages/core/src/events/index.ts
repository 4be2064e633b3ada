// Domain events and the outbox.
export * from './events';
export * from './events.ports';
export * from './referral-events';
