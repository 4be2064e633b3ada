// The publishing module: what other packages may use of it.
export * from './publication';
export * from './publishing.ports';
export * from './publishing.service';
export * from './publishing.jobs';
