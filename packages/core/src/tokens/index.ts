// The API tokens module: what other packages may use of it.
export * from './tokens.messages';
export * from './tokens.ports';
export * from './tokens.service';
export * from './tokens.types';
