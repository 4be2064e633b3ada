/**
 * The route table. Every page is its own chunk (React.lazy), so the sign-in page loads only
 * what it shows; the signed-in shell and its pages arrive after sign-in.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { PageSpinner } from './components/page-spinner';
import { RouteError } from './components/route-error';
import { homePath } from './domain/navigation';
import { hasPermission, type OrganisationKind, type WebPermission } from './domain/tenant';
import { useSession } from './session/session-context';

const SetupPage = lazy(() => import('./pages/setup.page'));
const SignInPage = lazy(() => import('./pages/sign-in.page'));
const InvitePage = lazy(() => import('./pages/invite.page'));
const ForgotPasswordPage = lazy(() =>
  import('./pages/password-reset.page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ChoosePasswordPage = lazy(() =>
  import('./pages/password-reset.page').then((m) => ({ default: m.ChoosePasswordPage })),
);
const AppShell = lazy(() => import('./shell/app-shell'));
const OffersPage = lazy(() => import('./pages/offers.page'));
const OfferPage = lazy(() => import('./pages/offer.page'));
const OpportunitiesPage = lazy(() => import('./pages/opportunities.page'));
const NewDealPage = lazy(() => import('./pages/opportunities/new-deal.page'));
const DealPage = lazy(() => import('./pages/opportunities/deal.page'));
const CatalogPage = lazy(() => import('./pages/catalog.page'));
const StartPage = lazy(() => import('./pages/start.page'));
const ReviewQueuePage = lazy(() => import('./pages/review-queue.page'));
const ProgramPage = lazy(() => import('./pages/program.page'));
const SettingsPage = lazy(() => import('./pages/settings.page'));
const AccountPage = lazy(() => import('./pages/account.page'));
const NotFoundPage = lazy(() => import('./pages/not-found.page'));
const NotAvailablePage = lazy(() => import('./pages/not-available.page'));
const StorefrontPage = lazy(() => import('./pages/storefront.page'));
const StorefrontOfferPage = lazy(() => import('./pages/storefront/storefront-offer.page'));
const StorefrontPublicFrame = lazy(() => import('./pages/storefront/public-frame'));

const page = (node: ReactNode) => <Suspense fallback={<PageSpinner />}>{node}</Suspense>;

/** First run: only while the server says set-up is needed. */
function SetupRoute() {
  const { setupNeeded, session } = useSession();
  if (!setupNeeded) return <Navigate to={session ? '/' : '/sign-in'} replace />;
  return page(<SetupPage />);
}

/** Where sign-in sends the user back to (the page that asked them to sign in). */
export interface SignInState {
  from?: { pathname: string; search?: string; hash?: string };
}

function SignInRoute() {
  const { setupNeeded, session } = useSession();
  const location = useLocation();
  if (setupNeeded) return <Navigate to="/setup" replace />;
  if (session) {
    const from = (location.state as SignInState | null)?.from;
    const target = from ? `${from.pathname}${from.search ?? ''}${from.hash ?? ''}` : '/';
    return <Navigate to={target} replace />;
  }
  return page(<SignInPage />);
}

/** Everything behind sign-in. */
function RequireSession() {
  const { setupNeeded, session, ended } = useSession();
  const location = useLocation();
  if (setupNeeded) return <Navigate to="/setup" replace />;
  // After an explicit sign-out the next person starts from their own home page.
  if (!session && ended === 'signedOut') return <Navigate to="/sign-in" replace />;
  if (!session) {
    const from = { pathname: location.pathname, search: location.search, hash: location.hash };
    return <Navigate to="/sign-in" replace state={{ from } satisfies SignInState} />;
  }
  return page(<AppShell />);
}

/**
 * The public storefront: inside the signed-in shell for someone signed in, under the public
 * header for everyone else. Either way no sign-in is needed.
 */
function StorefrontFrame() {
  const { session } = useSession();
  return session ? page(<AppShell />) : page(<StorefrontPublicFrame />);
}

function Home() {
  const { active } = useSession();
  if (!active) return page(<NotAvailablePage reason="noOrganisation" />);
  return <Navigate to={homePath(active.organisation.kind, active.roles)} replace />;
}

/**
 * A page that exists only for some kinds of organisation and, with `permission`, only for the
 * roles that grant it (the navigation does not offer it to anyone else).
 */
function ForKinds({
  kinds,
  permission,
  children,
}: {
  kinds: readonly OrganisationKind[];
  permission?: WebPermission;
  children: ReactNode;
}) {
  const { active } = useSession();
  if (!active) return page(<NotAvailablePage reason="noOrganisation" />);
  if (!kinds.includes(active.organisation.kind)) return page(<NotAvailablePage reason="kind" />);
  if (permission && !hasPermission(active.roles, permission))
    return page(<NotAvailablePage reason="role" />);
  return page(children);
}

export const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <RouteError />,
    children: [
      { path: '/setup', element: <SetupRoute /> },
      { path: '/sign-in', element: <SignInRoute /> },
      { path: '/invite/:token', element: page(<InvitePage />) },
      { path: '/forgot-password', element: page(<ForgotPasswordPage />) },
      { path: '/reset-password/:token', element: page(<ChoosePasswordPage />) },
      {
        path: '/storefront',
        element: <StorefrontFrame />,
        children: [
          { index: true, element: page(<StorefrontPage />) },
          { path: ':offerId', element: page(<StorefrontOfferPage />) },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          { index: true, element: <Home /> },
          {
            path: 'offers',
            element: (
              <ForKinds kinds={['partner']}>
                <OffersPage />
              </ForKinds>
            ),
          },
          {
            path: 'offers/:offerId',
            element: (
              <ForKinds kinds={['partner']}>
                <OfferPage />
              </ForKinds>
            ),
          },
          {
            path: 'opportunities',
            element: (
              <ForKinds kinds={['partner', 'vendor', 'reseller']}>
                <OpportunitiesPage />
              </ForKinds>
            ),
          },
          {
            path: 'opportunities/new',
            element: (
              <ForKinds kinds={['partner', 'vendor', 'reseller']}>
                <NewDealPage />
              </ForKinds>
            ),
          },
          {
            path: 'opportunities/:referralId',
            element: (
              <ForKinds kinds={['partner', 'vendor', 'reseller']}>
                <DealPage />
              </ForKinds>
            ),
          },
          {
            path: 'start',
            element: (
              <ForKinds kinds={['vendor']} permission="program.manage">
                <StartPage />
              </ForKinds>
            ),
          },
          {
            path: 'catalog',
            element: (
              <ForKinds kinds={['vendor', 'reseller']}>
                <CatalogPage />
              </ForKinds>
            ),
          },
          {
            path: 'review-queue',
            element: (
              <ForKinds kinds={['vendor']} permission="review.decide">
                <ReviewQueuePage />
              </ForKinds>
            ),
          },
          {
            path: 'program',
            element: (
              <ForKinds kinds={['vendor']}>
                <ProgramPage />
              </ForKinds>
            ),
          },
          {
            path: 'settings',
            element: (
              <ForKinds kinds={['partner', 'vendor', 'reseller']}>
                <SettingsPage />
              </ForKinds>
            ),
          },
          { path: 'account', element: page(<AccountPage />) },
          { path: '*', element: page(<NotFoundPage />) },
        ],
      },
    ],
  },
]);
