export * from './taxonomy';
export * from './policies';
export * from './profile';
export * from './status-engine';
export * from './benefits';
