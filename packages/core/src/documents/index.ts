// The documents module: what other packages may use of it.
export * from './documents.ports';
export * from './documents.service';
