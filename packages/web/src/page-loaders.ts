/**
 * The code of every page with the texts it shows. The pages of an area (offers, opportunities,
 * the program) share one chunk and one set of texts (`pages/<area>-area.ts`); the others are a
 * chunk each. A page's loader resolves
 * once its module and its areas' texts (in the current language) are both in, so a page never
 * shows raw keys. `routes.tsx` renders them lazily, `route-preload.ts` starts them early;
 * `page-loaders.test.ts` checks that each page names every area whose keys its code uses.
 */
import type { ComponentType } from 'react';
import { loadAreas, type Area } from './i18n/i18n';

type PageModule = { default: ComponentType<never> };

export interface PageLoader<M extends PageModule = PageModule> {
  /** The page's module and its texts. */
  (): Promise<M>;
  /** Only the module (before the language is known). */
  code: () => Promise<M>;
  areas: readonly Area[];
}

function page<M extends PageModule>(code: () => Promise<M>, areas: Area[] = []): PageLoader<M> {
  const load = () => Promise.all([code(), loadAreas(areas)]).then(([module]) => module);
  return Object.assign(load, { code, areas });
}

export const PAGES = {
  setup: page(() => import('./pages/setup.page')),
  signIn: page(() => import('./pages/sign-in.page')),
  invite: page(() => import('./pages/invite.page')),
  forgotPassword: page(() =>
    import('./pages/password-reset.page').then((m) => ({ default: m.ForgotPasswordPage })),
  ),
  choosePassword: page(() =>
    import('./pages/password-reset.page').then((m) => ({ default: m.ChoosePasswordPage })),
  ),
  appShell: page(() => import('./shell/app-shell')),
  offers: page(
    () => import('./pages/offers-area').then((m) => ({ default: m.OffersPage })),
    ['offers'],
  ),
  offer: page(
    () => import('./pages/offers-area').then((m) => ({ default: m.OfferPage })),
    ['offers'],
  ),
  opportunities: page(
    () => import('./pages/opportunities-area').then((m) => ({ default: m.OpportunitiesPage })),
    ['opportunities'],
  ),
  newDeal: page(
    () => import('./pages/opportunities-area').then((m) => ({ default: m.NewDealPage })),
    ['opportunities'],
  ),
  deal: page(
    () => import('./pages/opportunities-area').then((m) => ({ default: m.DealPage })),
    ['opportunities'],
  ),
  catalog: page(() => import('./pages/catalog.page')),
  start: page(
    () => import('./pages/program-area').then((m) => ({ default: m.StartPage })),
    ['program'],
  ),
  reviewQueue: page(
    () => import('./pages/offers-area').then((m) => ({ default: m.ReviewQueuePage })),
    ['offers'],
  ),
  program: page(
    () => import('./pages/program-area').then((m) => ({ default: m.ProgramPage })),
    ['program'],
  ),
  settings: page(
    () => import('./pages/program-area').then((m) => ({ default: m.SettingsPage })),
    ['program'],
  ),
  account: page(() => import('./pages/account.page')),
  notFound: page(() => import('./pages/not-found.page')),
  notAvailable: page(() => import('./pages/not-available.page')),
  storefront: page(() => import('./pages/storefront.page')),
  storefrontOffer: page(() => import('./pages/storefront/storefront-offer.page'), ['program']),
  storefrontPublicFrame: page(() => import('./pages/storefront/public-frame')),
};
