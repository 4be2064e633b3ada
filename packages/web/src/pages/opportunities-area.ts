/** The co-sell opportunities' pages in one chunk (QUALITY W2), with the `opportunities` texts. */
export { default as OpportunitiesPage } from './opportunities.page';
export { default as NewDealPage } from './opportunities/new-deal.page';
export { default as DealPage } from './opportunities/deal.page';
