// The notifications module: what other packages may use of it.
export * from './notifications.ports';
export * from './notifications.service';
export * from './notifications.subscribers';
export * from './referral-notifications';
