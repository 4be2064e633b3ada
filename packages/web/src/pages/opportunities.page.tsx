import { HandshakeRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/empty-state';
import { PageHeader } from '../components/page-header';
import { useDocumentTitle } from '../components/use-document-title';
import { useSignedIn } from '../session/session-context';

/** Shared co-sell opportunities (referrals); what they are depends on who is looking. */
export default function OpportunitiesPage() {
  const { t } = useTranslation();
  const { active } = useSignedIn();
  useDocumentTitle(t('opportunities.title'));
  const kind = active?.organisation.kind ?? 'partner';
  const description =
    kind === 'vendor'
      ? t('opportunities.descriptionVendor')
      : kind === 'reseller'
        ? t('opportunities.descriptionReseller')
        : t('opportunities.descriptionPartner');
  return (
    <>
      <PageHeader title={t('opportunities.title')} description={description} />
      <EmptyState icon={<HandshakeRegular />} title={t('opportunities.emptyTitle')}>
        {t('opportunities.emptyBody')}
      </EmptyState>
    </>
  );
}
