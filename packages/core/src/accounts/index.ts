// The accounts module: what other packages may use of it.
export * from './access';
export * from './accounts.ports';
export * from './accounts.service';
export * from './accounts.types';
export * from './permissions';
