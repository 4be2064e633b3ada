/**
 * What the first page needs, asked for at start-up (QUALITY W2). Without this a signed-in page
 * loads in series: the entry, then the session, then the shell's code, then the page's code,
 * then the page's data one request after another. Here the shell's and the page's code start
 * loading beside the session request, and the page's data is requested, all at once, as soon as
 * the session says who is signed in, while the code is still on its way.
 */
import { matchPath } from 'react-router';
import { api, call, type Session } from './api/client';
import { PREFETCH_HEADER } from './api/prefetch';
import type { Locale } from './domain/tenant';
import { initialLocale, loadAreas } from './i18n/i18n';
import { PAGES, type PageLoader } from './page-loaders';
import { SIGNED_IN_ROUTES } from './route-table';
import { OFFERS_PAGE_SIZE, parseListQuery, toApiQuery } from './pages/offers/offer-list-query';

const early = { [PREFETCH_HEADER]: '1' };

const pageAt = (pathname: string): PageLoader | undefined => {
  const route = SIGNED_IN_ROUTES.find(({ pattern }) => matchPath(pattern, pathname));
  return route ? PAGES[route.page] : undefined;
};

/** Pages shown without the signed-in shell (they load their own code). */
const PUBLIC_PREFIXES = [
  '/sign-in',
  '/setup',
  '/invite/',
  '/storefront',
  '/forgot-password',
  '/reset-password/',
];

const swallow = (promise: Promise<unknown>) => void promise.catch(() => {});

/**
 * Starts loading the code of the page at `pathname` and of the shell around it. Called before the
 * session is known: a signed-out visitor of a signed-in address is sent to sign-in, and the
 * code loaded for nothing is the price of not waiting for the session first.
 */
export function preloadRouteCode(pathname: string) {
  if (PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix))) return;
  const page = pageAt(pathname);
  // The page's texts (one small file) are asked for before its code, in this browser's language
  // until the session says otherwise (then `preloadRouteTexts`).
  if (page) swallow(loadAreas(page.areas, initialLocale()));
  swallow(PAGES.appShell.code());
  if (page) swallow(page.code());
}

/** Starts loading the texts of the page at `pathname` in `locale`, once the language is known. */
export function preloadRouteTexts(pathname: string, locale: Locale) {
  const page = pageAt(pathname);
  if (page) swallow(loadAreas(page.areas, locale));
}

/** Asks for the data of the page at `location` for `session`'s active organisation. */
export function prefetchRouteData(
  location: { pathname: string; search: string },
  session: Session,
) {
  const organisationId = session.activeOrganisationId;
  const membership = session.memberships.find((m) => m.organisation.id === organisationId);
  // Offers exist only for partner organisations; others are sent elsewhere by the route.
  if (!organisationId || membership?.organisation.kind !== 'partner') return;
  if (matchPath('/offers', location.pathname)) {
    const query = toApiQuery(
      parseListQuery(new URLSearchParams(location.search)),
      OFFERS_PAGE_SIZE,
    );
    swallow(
      call(
        api.GET('/api/organisations/{organisationId}/offers', {
          params: { path: { organisationId }, query },
          headers: early,
        }),
      ),
    );
    return;
  }
  const offer = matchPath('/offers/:offerId', location.pathname);
  if (offer?.params.offerId) {
    const path = { organisationId, offerId: offer.params.offerId };
    const init = { params: { path }, headers: early };
    swallow(call(api.GET('/api/organisations/{organisationId}/offers/{offerId}', init)));
    // The co-sell tab opens first: its draft, the program's taxonomy and the offer's contacts.
    const tab = new URLSearchParams(location.search).get('tab');
    if (tab && tab !== 'cosell') return;
    swallow(call(api.GET('/api/organisations/{organisationId}/offers/{offerId}/cosell', init)));
    swallow(call(api.GET('/api/program', { headers: early })));
    swallow(call(api.GET('/api/organisations/{organisationId}/offers/{offerId}/contacts', init)));
  }
}
