// The program module: what other packages may use of it.
export * from './benefits';
export * from './evaluation';
export * from './policies';
export * from './program.ports';
export * from './status-engine';
export * from './taxonomy';
export * from './program.service';
