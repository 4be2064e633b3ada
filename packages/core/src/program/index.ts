export * from './taxonomy';
export * from './policies';
