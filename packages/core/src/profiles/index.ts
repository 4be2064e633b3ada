// The profiles module: what other packages may use of it.
export * from './profile';
export * from './profiles.ports';
export * from './profiles.service';
