// The audit module: what other packages may use of it.
export * from './audit.ports';
