import { Button } from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PublicLayout } from '../../components/public-layout';
import { NARROW_QUERY, useMediaQuery } from '../../components/use-media-query';
import type { SignInState } from '../../routes';

/**
 * The storefront for visitors who are not signed in: the public header (product, language,
 * Sign in) over the full width. Signing in from here comes back to the same storefront page.
 */
export default function StorefrontPublicFrame() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const narrow = useMediaQuery(NARROW_QUERY);
  const from = { pathname: location.pathname, search: location.search, hash: location.hash };
  return (
    <PublicLayout
      wide
      actions={
        <Button
          as="a"
          href="/sign-in"
          appearance="primary"
          icon={narrow ? undefined : <PersonRegular />}
          style={{ whiteSpace: 'nowrap' }}
          data-testid="storefront-sign-in"
          onClick={(event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
            event.preventDefault();
            void navigate('/sign-in', { state: { from } satisfies SignInState });
          }}
        >
          {t('storefront.signIn')}
        </Button>
      }
    >
      <Outlet />
    </PublicLayout>
  );
}
