import { BoxMultipleRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/empty-state';
import { PageHeader } from '../components/page-header';
import { useDocumentTitle } from '../components/use-document-title';

/** A partner's marketplace offers and their co-sell status (not in the API yet). */
export default function OffersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('offers.title'));
  return (
    <>
      <PageHeader title={t('offers.title')} description={t('offers.description')} />
      <EmptyState icon={<BoxMultipleRegular />} title={t('offers.emptyTitle')}>
        {t('offers.emptyBody')}
      </EmptyState>
    </>
  );
}
