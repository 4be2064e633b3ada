import { LibraryRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/empty-state';
import { PageHeader } from '../components/page-header';
import { useDocumentTitle } from '../components/use-document-title';
import { useSignedIn } from '../session/session-context';

/** Co-sell-ready solutions for sellers (vendor) and CSP resellers (not in the API yet). */
export default function CatalogPage() {
  const { t } = useTranslation();
  const { active } = useSignedIn();
  useDocumentTitle(t('catalog.title'));
  const reseller = active?.organisation.kind === 'reseller';
  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        description={reseller ? t('catalog.descriptionReseller') : t('catalog.descriptionVendor')}
      />
      <EmptyState icon={<LibraryRegular />} title={t('catalog.emptyTitle')}>
        {t('catalog.emptyBody')}
      </EmptyState>
    </>
  );
}
