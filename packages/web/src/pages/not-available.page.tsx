import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '../components/empty-state';
import { useKindLabel } from '../components/roles';
import { useDocumentTitle } from '../components/use-document-title';
import { useSignedIn } from '../session/session-context';

/**
 * `kind`: the page exists, but not for the active organisation's kind (e.g. a partner opening
 * the review queue). `role`: not for the user's roles there (a seller opening the review
 * queue). `noOrganisation`: the user belongs to no organisation any more.
 */
export default function NotAvailablePage({
  reason,
}: {
  reason: 'kind' | 'role' | 'noOrganisation';
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const kindLabel = useKindLabel();
  const { active } = useSignedIn();
  const title =
    reason === 'noOrganisation'
      ? t('notAvailable.noOrganisationTitle')
      : t('notAvailable.kindTitle');
  useDocumentTitle(title);
  return (
    <EmptyState
      title={title}
      actions={
        reason !== 'noOrganisation' ? (
          <Button appearance="primary" onClick={() => void navigate('/')}>
            {t('common.goHome')}
          </Button>
        ) : undefined
      }
    >
      {reason === 'kind'
        ? t('notAvailable.kindBody', { kind: kindLabel(active?.organisation.kind ?? '') })
        : reason === 'role'
          ? t('notAvailable.roleBody')
          : t('notAvailable.noOrganisationBody')}
    </EmptyState>
  );
}
