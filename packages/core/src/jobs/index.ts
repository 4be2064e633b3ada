// The jobs module: what other packages may use of it.
export * from './jobs.ports';
export * from './jobs';
