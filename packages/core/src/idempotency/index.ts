// The idempotency module: what other packages may use of it.
export * from './idempotency.ports';
export * from './idempotency.service';
