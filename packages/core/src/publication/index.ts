export * from './publication';
export * from './publication.ports';
export * from './publication.service';
export * from './status.service';
export * from './profile.service';
export * from './notifications.service';
export * from './storefront.service';
export * from './jobs';
