// The opportunities (referrals) module: what other packages may use of it.
export * from './opportunities.types';
export * from './opportunities.schemas';
export * from './opportunities.ports';
export * from './lifecycle';
export * from './patch';
export * from './odata';
export * from './opportunities.service';
export * from './opportunities.jobs';
