export * from './app';
export * from './config';
export * from './data-lock';
export * from './deps';
export * from './server';
export * from './crypto';
export * from './mailer';
export * from './seed/factories';
