import { Button } from '@fluentui/react-components';
import { LibraryRegular } from '@fluentui/react-icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/empty-state';
import { PageHeader } from '../components/page-header';
import { useDocumentTitle } from '../components/use-document-title';
import { useSignedIn } from '../session/session-context';

/**
 * Co-sell-ready solutions for sellers (vendor) and CSP resellers: still to come, and the
 * placeholder says so; meanwhile it leads to the storefront of published offers.
 */
export default function CatalogPage() {
  const { t } = useTranslation();
  const { active } = useSignedIn();
  const navigate = useNavigate();
  useDocumentTitle(t('catalog.title'));
  const reseller = active?.organisation.kind === 'reseller';
  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        description={reseller ? t('catalog.descriptionReseller') : t('catalog.descriptionVendor')}
      />
      <EmptyState
        icon={<LibraryRegular />}
        title={t('catalog.emptyTitle')}
        actions={
          <Button appearance="primary" onClick={() => void navigate('/storefront')}>
            {t('catalog.openStorefront')}
          </Button>
        }
      >
        {t('catalog.emptyBody')}
      </EmptyState>
    </>
  );
}
