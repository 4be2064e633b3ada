export * from './tenant.types';
export * from './permissions';
export * from './access';
export * from './account.service';
