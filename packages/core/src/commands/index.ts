// The command envelope every mutating use case runs through.
export * from './command';
