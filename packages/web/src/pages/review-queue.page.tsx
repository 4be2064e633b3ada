import { ClipboardTaskListLtrRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/empty-state';
import { PageHeader } from '../components/page-header';
import { useDocumentTitle } from '../components/use-document-title';

/** Co-sell submissions awaiting validation by the vendor's reviewers (not in the API yet). */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reviewQueue.title'));
  return (
    <>
      <PageHeader title={t('reviewQueue.title')} description={t('reviewQueue.description')} />
      <EmptyState icon={<ClipboardTaskListLtrRegular />} title={t('reviewQueue.emptyTitle')}>
        {t('reviewQueue.emptyBody')}
      </EmptyState>
    </>
  );
}
