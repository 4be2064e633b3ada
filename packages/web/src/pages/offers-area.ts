/**
 * The offers area's pages in one chunk: a partner moves between the list and an offer, a
 * vendor's reviewer between the queue and a submission; one request instead of a dozen small
 * chunks on a cold load (QUALITY W2). Their texts are the `offers` area's.
 */
export { default as OffersPage } from './offers.page';
export { default as OfferPage } from './offer.page';
export { default as ReviewQueuePage } from './review-queue.page';
