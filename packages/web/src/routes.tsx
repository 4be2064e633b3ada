/**
 * The route table. Every page is its own chunk (React.lazy) with its texts (`page-loaders.ts`),
 * so the sign-in page loads only what it shows; the signed-in shell and its pages arrive after
 * sign-in.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { PageSpinner } from './components/page-spinner';
import { RouteError } from './components/route-error';
import { homePath } from './domain/navigation';
import { hasPermission, type OrganisationKind, type WebPermission } from './domain/tenant';
import { PAGES } from './page-loaders';
import { useSession } from './session/session-context';

const SetupPage = lazy(PAGES.setup);
const SignInPage = lazy(PAGES.signIn);
const InvitePage = lazy(PAGES.invite);
const ForgotPasswordPage = lazy(PAGES.forgotPassword);
const ChoosePasswordPage = lazy(PAGES.choosePassword);
const AppShell = lazy(PAGES.appShell);
const OffersPage = lazy(PAGES.offers);
const OfferPage = lazy(PAGES.offer);
const OpportunitiesPage = lazy(PAGES.opportunities);
const NewDealPage = lazy(PAGES.newDeal);
const DealPage = lazy(PAGES.deal);
const CatalogPage = lazy(PAGES.catalog);
const StartPage = lazy(PAGES.start);
const ReviewQueuePage = lazy(PAGES.reviewQueue);
const ProgramPage = lazy(PAGES.program);
const SettingsPage = lazy(PAGES.settings);
const AccountPage = lazy(PAGES.account);
const NotFoundPage = lazy(PAGES.notFound);
const NotAvailablePage = lazy(PAGES.notAvailable);
const StorefrontPage = lazy(PAGES.storefront);
const StorefrontOfferPage = lazy(PAGES.storefrontOffer);
const StorefrontPublicFrame = lazy(PAGES.storefrontPublicFrame);

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
