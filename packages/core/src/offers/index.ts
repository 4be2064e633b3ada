export * from './offer';
export * from './offer.ports';
export * from './cosell-tab';
export * from './offer.service';
export * from './contacts.service';
export * from './documents.service';
