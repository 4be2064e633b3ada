// The offers module: what other packages may use of it.
export * from './cosell-tab';
export * from './offer.ports';
export * from './offer.service';
export * from './offer';
