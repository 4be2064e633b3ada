export * from './client';
export * from './repositories';
export * as schema from './schema';
export { GLOBAL_TABLES, SHARED_READ_TABLES } from './schema';
export * from './rate-limit.repository';
export * from './installation-settings.repository';
