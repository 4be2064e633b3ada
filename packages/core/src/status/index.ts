// The status module: what other packages may use of it.
export * from './status.ports';
export * from './status.service';
export * from './status.jobs';
export * from './describe';
