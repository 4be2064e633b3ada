// The review module: the vendor's review queue and decisions.
export * from './review.service';
