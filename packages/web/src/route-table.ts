/**
 * The signed-in routes and the page each renders, with the source module of that page's code.
 * `route-preload.ts` starts a route's code and data at start-up; the build (vite.config.ts,
 * `routePreloadPlugin`) turns `source` into the chunk files a route needs and writes a small
 * script that asks for them beside the entry (QUALITY W2). Plain data: the build imports it.
 * The first matching pattern wins (`/opportunities/new` before `/opportunities/:referralId`).
 */
export const SIGNED_IN_ROUTES = [
  { pattern: '/offers', page: 'offers', source: 'pages/offers-area' },
  { pattern: '/offers/:offerId', page: 'offer', source: 'pages/offers-area' },
  { pattern: '/opportunities', page: 'opportunities', source: 'pages/opportunities-area' },
  { pattern: '/opportunities/new', page: 'newDeal', source: 'pages/opportunities-area' },
  { pattern: '/opportunities/:referralId', page: 'deal', source: 'pages/opportunities-area' },
  { pattern: '/start', page: 'start', source: 'pages/program-area' },
  { pattern: '/catalog', page: 'catalog', source: 'pages/catalog.page' },
  { pattern: '/review-queue', page: 'reviewQueue', source: 'pages/offers-area' },
  { pattern: '/program', page: 'program', source: 'pages/program-area' },
  { pattern: '/settings', page: 'settings', source: 'pages/program-area' },
  { pattern: '/account', page: 'account', source: 'pages/account.page' },
] as const;

/** The shell around every signed-in page. */
export const SHELL_SOURCE = 'shell/app-shell';

/** Whether `pathname` matches `pattern` (`:name` is one non-empty segment; a trailing slash is ignored). */
export function matchesPattern(pattern: string, pathname: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  return (
    want.length === got.length &&
    want.every((segment, i) => segment.startsWith(':') || segment === got[i])
  );
}
